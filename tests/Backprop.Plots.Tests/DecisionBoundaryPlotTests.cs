using ScottPlot;
using SkiaSharp;
using Xunit;

namespace Backprop.Plots.Tests;

public class DecisionBoundaryPlotTests
{
    private static readonly float[,] Corners = { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } };
    private static readonly float[,] Xor = { { 0 }, { 1 }, { 1 }, { 0 } };

    [Fact]
    public void A_score_rising_with_x2_is_red_at_the_top_and_blue_at_the_bottom_of_the_png()
    {
        Plot plot = DecisionBoundaryPlot.Create((x1, x2) => x2, Corners, Xor);
        var figure = new Figure(plot) { PanelWidth = 400, Height = 360 };

        using SKBitmap bitmap = ImageAssert.ValidPng(figure.ToPng(), 400, 360);
        ImageAssert.ManyColours(bitmap, 30);
        // Between the points (x₁ = 0.5), well above and below the boundary x₂ = 0.5; GetPixel uses the last render's layout.
        Pixel top = plot.GetPixel(new Coordinates(0.5, 1.2)), bottom = plot.GetPixel(new Coordinates(0.5, -0.2));
        Assert.True(ImageAssert.IsReddish(bitmap.GetPixel((int)top.X, (int)top.Y)), $"top pixel {bitmap.GetPixel((int)top.X, (int)top.Y)}");
        Assert.True(ImageAssert.IsBluish(bitmap.GetPixel((int)bottom.X, (int)bottom.Y)), $"bottom pixel {bitmap.GetPixel((int)bottom.X, (int)bottom.Y)}");
    }

    [Fact]
    public void A_network_boundary_follows_its_weights_and_the_points_keep_their_class()
    {
        // σ(10·x₁ − 5): class 1 right of x₁ = 0.5.
        var net = new LineNet();
        net.Output.Weights[0, 0] = 10f;
        net.Output.Weights[0, 1] = 0f;
        net.Output.Biases[0] = -5f;

        Plot plot = DecisionBoundaryPlot.Create(net, Corners, Xor, new DecisionBoundaryOptions { Title = "LineNet" });
        using SKBitmap bitmap = ImageAssert.ValidPng(new Figure(plot).ToPng(), 480, 400);

        Pixel left = plot.GetPixel(new Coordinates(0.15, 0.5)), right = plot.GetPixel(new Coordinates(0.85, 0.5));
        Assert.True(ImageAssert.IsBluish(bitmap.GetPixel((int)left.X, (int)left.Y)));
        Assert.True(ImageAssert.IsReddish(bitmap.GetPixel((int)right.X, (int)right.Y)));
        var markers = plot.GetPlottables<ScottPlot.Plottables.Markers>().ToDictionary(m => m.LegendText, m => m.Data.GetScatterPoints().Count);
        Assert.Equal(new Dictionary<string, int> { ["class 0"] = 2, ["class 1"] = 2 }, markers);
    }

    [Fact]
    public void The_boundary_as_svg_is_an_svg_document_with_the_map_and_the_title()
    {
        string svg = new Figure(DecisionBoundaryPlot.Create((x1, x2) => x1 * x2, Corners, Xor)).ToSvg();

        var document = ImageAssert.ValidSvg(svg, 480, 400);
        Assert.Contains(document.Descendants(), e => e.Name.LocalName == "image"); // the heatmap is a bitmap inside the SVG
        Assert.Contains(document.Descendants(), e => e.Name.LocalName == "text" && e.Value.Trim() == "Decision boundary");
    }

    [Fact]
    public void One_hot_targets_give_each_point_the_class_of_its_largest_target()
    {
        float[,] oneHot = { { 1, 0 }, { 0, 1 }, { 0, 1 }, { 1, 0 } };
        Plot plot = DecisionBoundaryPlot.Create((x1, x2) => 0.5f, Corners, oneHot);

        var classes = plot.GetPlottables<ScottPlot.Plottables.Markers>()
            .ToDictionary(m => m.LegendText, m => m.Data.GetScatterPoints().Select(p => (p.X, p.Y)).Order().ToArray());
        Assert.Equal([(0.0, 0.0), (1.0, 1.0)], classes["class 0"]);
        Assert.Equal([(0.0, 1.0), (1.0, 0.0)], classes["class 1"]);
    }

    [Fact]
    public void A_network_without_two_inputs_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentException>(() => DecisionBoundaryPlot.Create(new ThreeInputNet(), Corners, Xor));
        Assert.Equal("A decision boundary needs a network with 2 inputs; 'ThreeInputNet' takes 3. (Parameter 'network')", error.Message);
    }

    [Fact]
    public void Targets_that_do_not_match_the_points_are_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => DecisionBoundaryPlot.Create((x1, x2) => x1, Corners, new float[3, 1]));
        Assert.Contains("4 points but 3 target rows", error.Message);
    }
}
