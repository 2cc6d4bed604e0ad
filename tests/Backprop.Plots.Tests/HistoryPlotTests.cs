using Backprop.Training;
using ScottPlot;
using SkiaSharp;
using Xunit;

namespace Backprop.Plots.Tests;

public class HistoryPlotTests
{
    /// <summary>200 epochs: the loss falls from 1 to about 0.002, validation a little above it, accuracy rising, η decaying.</summary>
    private static TrainingHistory History(bool validation = true) => TrainingHistory.Restore(
        Enumerable.Range(1, 200).Select(e => new EpochReport(e, Math.Exp(-e / 32.0), validation ? 1.2 * Math.Exp(-e / 32.0) + 0.01 : null,
            0.1 / (1 + 0.01 * e), TimeSpan.FromMilliseconds(3))
        {
            ValidationAccuracy = validation ? Math.Min(1, 0.3 + e / 150.0) : null,
        }),
        stoppedEarly: false, bestEpoch: 200, trainingSamples: 120, validationSamples: validation ? 30 : 0);

    [Fact]
    public void The_overview_of_a_run_with_validation_is_a_png_of_three_panels()
    {
        Figure figure = HistoryPlots.Overview(History(), "TestNet");

        Assert.Equal(3, figure.Panels.Count);
        using SKBitmap bitmap = ImageAssert.ValidPng(figure.ToPng(), 3 * 480, 400);
        ImageAssert.ManyColours(bitmap, 20);
    }

    [Fact]
    public void The_overview_without_validation_has_no_accuracy_panel()
    {
        Figure figure = HistoryPlots.Overview(History(validation: false));

        Assert.Equal(2, figure.Panels.Count);
        ImageAssert.ValidPng(figure.ToPng(), 2 * 480, 400).Dispose();
    }

    [Fact]
    public void The_overview_as_svg_has_an_svg_root_of_the_figure_size_and_the_titles_as_text()
    {
        string svg = HistoryPlots.Overview(History(), "TestNet").ToSvg();

        var document = ImageAssert.ValidSvg(svg, 3 * 480, 400);
        string[] texts = [.. document.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim())];
        Assert.Contains("TestNet: loss", texts);
        Assert.Contains("TestNet: validation accuracy", texts);
        Assert.Contains("TestNet: learning rate", texts);
    }

    [Fact]
    public void The_loss_spanning_three_decades_is_drawn_on_a_log_axis_and_can_be_forced_linear()
    {
        Assert.Contains("log scale", HistoryPlots.Loss(History()).Axes.Left.Label.Text);
        Assert.DoesNotContain("log scale", HistoryPlots.Loss(History(), logarithmic: false).Axes.Left.Label.Text);
    }

    [Fact]
    public void A_measured_accuracy_series_is_drawn_in_percent()
    {
        Plot plot = HistoryPlots.Accuracy([0.25, 0.5, 0.75, 1.0], "train accuracy");

        var line = Assert.Single(plot.GetPlottables<ScottPlot.Plottables.Scatter>());
        Assert.Equal([25.0, 50, 75, 100], line.Data.GetScatterPoints().Select(p => p.Y));
    }

    [Fact]
    public void Asking_for_the_accuracy_of_a_history_without_one_says_why_there_is_none()
    {
        var error = Assert.Throws<ArgumentException>(() => HistoryPlots.Accuracy(History(validation: false)));
        Assert.Contains("no validation accuracy", error.Message);
    }

    [Fact]
    public void An_accuracy_outside_zero_to_one_names_the_epoch()
    {
        var error = Assert.Throws<ArgumentException>(() => HistoryPlots.Accuracy([0.5, 95.0]));
        Assert.Contains("epoch 2 has 95", error.Message);
    }

    [Fact]
    public void An_empty_history_cannot_be_drawn()
    {
        var empty = TrainingHistory.Restore([], false, 0, 0, 0);
        Assert.Throws<ArgumentException>(() => HistoryPlots.Loss(empty));
    }
}
