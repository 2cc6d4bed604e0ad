using ScottPlot;
using SkiaSharp;

namespace Backprop.Plots;

/// <summary>
/// A row of plots drawn side by side into one image, saved as PNG or SVG. Each panel is a ScottPlot <see cref="Plot"/>,
/// made by <see cref="HistoryPlots"/> or <see cref="DecisionBoundaryPlot"/> or by you (style your own with
/// <see cref="PlotFonts.Apply"/>, so that its text renders on machines without fonts).
/// </summary>
public sealed class Figure
{
    /// <summary>Creates a figure of <paramref name="panels"/>, left to right.</summary>
    /// <param name="panels">At least one plot.</param>
    /// <exception cref="ArgumentException">No panel was given, or one is null.</exception>
    public Figure(params IEnumerable<Plot> panels)
    {
        ArgumentNullException.ThrowIfNull(panels);
        Panels = [.. panels];
        if (Panels.Count == 0) throw new ArgumentException("A figure needs at least one panel.", nameof(panels));
        if (Panels.Any(p => p is null)) throw new ArgumentException("A figure's panels cannot be null.", nameof(panels));
    }

    /// <summary>The plots, left to right.</summary>
    public IReadOnlyList<Plot> Panels { get; }

    /// <summary>Width of each panel in pixels. Default 480.</summary>
    public int PanelWidth { get; init; } = 480;

    /// <summary>Height of the figure in pixels. Default 400.</summary>
    public int Height { get; init; } = 400;

    /// <summary>Width of the whole image: <see cref="PanelWidth"/> × the number of panels.</summary>
    public int Width => PanelWidth * Panels.Count;

    /// <summary>Writes the figure to <paramref name="path"/>, as PNG or SVG by its extension (.png, .svg), creating the folder.</summary>
    /// <param name="path">Where to write; the extension chooses the format.</param>
    /// <returns>The full path written.</returns>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg.</exception>
    public string Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string full = Path.GetFullPath(path);
        string extension = Path.GetExtension(full).ToLowerInvariant();
        if (extension is not (".png" or ".svg"))
            throw new ArgumentException($"Cannot tell the image format of '{path}': the extension must be .png or .svg.", nameof(path));
        if (Path.GetDirectoryName(full) is { Length: > 0 } folder) Directory.CreateDirectory(folder);
        if (extension == ".png") File.WriteAllBytes(full, ToPng());
        else File.WriteAllText(full, ToSvg());
        return full;
    }

    /// <summary>Renders the figure as a PNG image.</summary>
    /// <returns>The PNG file's bytes.</returns>
    public byte[] ToPng()
    {
        CheckSize();
        using SKSurface surface = SKSurface.Create(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"SkiaSharp could not create a {Width}×{Height} surface.");
        surface.Canvas.Clear(SKColors.White);
        Render(surface.Canvas);
        using SKImage image = surface.Snapshot();
        using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>Renders the figure as an SVG document (text as &lt;text&gt; elements in the <see cref="PlotFonts.FamilyName"/> family).</summary>
    /// <returns>The SVG document.</returns>
    public string ToSvg()
    {
        CheckSize();
        using var stream = new MemoryStream();
        using (SKCanvas canvas = SKSvgCanvas.Create(SKRect.Create(Width, Height), stream))
        {
            canvas.Clear(SKColors.White);
            Render(canvas);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private void Render(SKCanvas canvas)
    {
        PlotFonts.EnsureRegistered();
        for (int i = 0; i < Panels.Count; i++)
        {
            var rect = new PixelRect(left: i * PanelWidth, right: (i + 1) * PanelWidth, bottom: Height, top: 0);
            canvas.Save();
            canvas.ClipRect(new SKRect(rect.Left, rect.Top, rect.Right, rect.Bottom));
            Panels[i].Render(canvas, rect);
            canvas.Restore();
        }
    }

    private void CheckSize()
    {
        if (PanelWidth < 16 || Height < 16)
            throw new InvalidOperationException($"A figure must be at least 16×16 pixels per panel; this one is {PanelWidth}×{Height}.");
    }
}
