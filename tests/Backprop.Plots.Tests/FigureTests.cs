using ScottPlot;
using SkiaSharp;
using Xunit;

namespace Backprop.Plots.Tests;

public class FigureTests
{
    private static Plot Line()
    {
        var plot = PlotFonts.Apply(new Plot());
        plot.Add.Scatter(new double[] { 1, 2, 3 }, new double[] { 3, 1, 2 });
        plot.Title("line");
        return plot;
    }

    [Fact]
    public void Save_writes_png_or_svg_by_the_extension_and_creates_the_folder()
    {
        string folder = Path.Combine(Path.GetTempPath(), "backprop-plots-" + Guid.NewGuid().ToString("N"));
        try
        {
            var figure = new Figure(Line(), Line()) { PanelWidth = 200, Height = 150 };

            string png = figure.Save(Path.Combine(folder, "a", "figure.png"));
            string svg = figure.Save(Path.Combine(folder, "a", "figure.SVG"));

            ImageAssert.ValidPng(File.ReadAllBytes(png), 400, 150).Dispose();
            ImageAssert.ValidSvg(File.ReadAllText(svg), 400, 150);
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void An_unknown_extension_is_refused_before_anything_is_written()
    {
        var error = Assert.Throws<ArgumentException>(() => new Figure(Line()).Save("figure.jpg"));
        Assert.Contains("must be .png or .svg", error.Message);
    }

    [Fact]
    public void A_figure_needs_a_panel()
    {
        Assert.Throws<ArgumentException>(() => new Figure());
    }

    [Fact]
    public void The_embedded_font_is_served_whatever_the_machine_has_installed()
    {
        PlotFonts.Apply(new Plot());

        SKTypeface regular = Fonts.GetTypeface(PlotFonts.FamilyName, bold: false, italic: false);
        SKTypeface bold = Fonts.GetTypeface(PlotFonts.FamilyName, bold: true, italic: false);

        Assert.Equal("DejaVu Sans", regular.FamilyName);
        Assert.True(bold.IsBold);
        Assert.True(regular.GlyphCount > 1000, $"{regular.GlyphCount} glyphs");
        // The labels this package writes: Greek, subscripts and arrows have glyphs.
        using var font = new SKFont(regular);
        Assert.All("ηλΣx₁x₂→²", ch => Assert.NotEqual(0, font.GetGlyph(ch)));
    }

    [Fact]
    public void Text_is_drawn_with_the_embedded_font()
    {
        // The same plot with and without a title differs in the title's rows: the font rendered glyphs.
        Plot withTitle = Line(), without = Line();
        without.Title("");
        using SKBitmap a = ImageAssert.ValidPng(new Figure(withTitle).ToPng(), 480, 400);
        using SKBitmap b = ImageAssert.ValidPng(new Figure(without).ToPng(), 480, 400);

        int differing = 0;
        for (int y = 0; y < 30; y++)
            for (int x = 0; x < a.Width; x++)
                if (a.GetPixel(x, y) != b.GetPixel(x, y)) differing++;
        Assert.True(differing > 50, $"{differing} pixels differ in the title rows");
    }
}
