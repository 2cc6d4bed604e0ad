using System.Reflection;
using ScottPlot;
using SkiaSharp;

namespace Backprop.Plots;

/// <summary>Serves the embedded DejaVu Sans regular and bold faces to ScottPlot under one family name.</summary>
internal sealed class EmbeddedFontResolver(string familyName) : IFontResolver
{
    private readonly Lazy<SKTypeface> _regular = new(() => Load("DejaVuSans.ttf"));
    private readonly Lazy<SKTypeface> _bold = new(() => Load("DejaVuSans-Bold.ttf"));

    public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
        string.Equals(fontName, familyName, StringComparison.OrdinalIgnoreCase) ? (bold ? _bold.Value : _regular.Value) : null;

    public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing width) =>
        CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

    private static SKTypeface Load(string file)
    {
        string name = "Backprop.Plots.Fonts." + file;
        using Stream stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The font resource '{name}' is missing from {Assembly.GetExecutingAssembly().GetName().Name}.");
        return SKTypeface.FromStream(stream)
            ?? throw new InvalidOperationException($"SkiaSharp could not read the embedded font '{name}'.");
    }
}
