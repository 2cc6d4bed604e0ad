using Backprop.Training;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace Backprop.Plots;

/// <summary>
/// Plots of a <see cref="TrainingHistory"/> per epoch: the training and validation loss, the validation accuracy (or an
/// accuracy series you measured yourself) and the learning rate; <see cref="Overview"/> puts them side by side.
/// </summary>
public static class HistoryPlots
{
    /// <summary>The colour of training series.</summary>
    public static readonly Color TrainingColor = Color.FromHex("#1f77b4");

    /// <summary>The colour of validation series.</summary>
    public static readonly Color ValidationColor = Color.FromHex("#ff7f0e");

    /// <summary>
    /// The training loss per epoch and, when the run had validation data, the validation loss. On a logarithmic axis
    /// when the losses span more than a factor of 20 (unless <paramref name="logarithmic"/> says otherwise).
    /// </summary>
    /// <param name="history">The run to draw.</param>
    /// <param name="title">The panel's title; default "Loss".</param>
    /// <param name="logarithmic">true or false to choose the y scale; null to choose by the span of the values.</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException">The history has no epochs.</exception>
    public static Plot Loss(TrainingHistory history, string? title = null, bool? logarithmic = null)
    {
        CheckHistory(history);
        double[] epochs = Epochs(history);
        double[] training = [.. history.Epochs.Select(e => e.TrainingLoss)];
        (double[] X, double[] Y) validation = Present(history, e => e.ValidationLoss);
        bool log = logarithmic ?? WideSpan(training.Concat(validation.Y));

        Plot plot = NewPlot(title ?? "Loss", "epoch", "loss");
        bool legend = validation.X.Length > 0;
        AddLine(plot, epochs, training, TrainingColor, legend ? "training" : null, log);
        if (legend) AddLine(plot, validation.X, validation.Y, ValidationColor, "validation", log);
        if (log) UseLogAxis(plot);
        if (legend) plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>The validation accuracy per epoch, in percent.</summary>
    /// <param name="history">A run with a classification loss and validation data.</param>
    /// <param name="title">The panel's title; default "Validation accuracy".</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException">No epoch of the history has a validation accuracy (a regression loss, or no validation data).</exception>
    public static Plot Accuracy(TrainingHistory history, string? title = null)
    {
        CheckHistory(history);
        (double[] x, double[] y) = Present(history, e => e.ValidationAccuracy);
        if (x.Length == 0)
            throw new ArgumentException(
                "The history has no validation accuracy: it is recorded only for the classification losses with validation data. Pass an accuracy series of your own to the other Accuracy overload.",
                nameof(history));
        return Accuracy(x, y, title ?? "Validation accuracy", ValidationColor);
    }

    /// <summary>An accuracy you measured per epoch (for example on the training data, from an <see cref="IProgress{T}"/> of <see cref="EpochReport"/>).</summary>
    /// <param name="accuracy">Fraction correct in [0, 1]; element i is epoch i + 1.</param>
    /// <param name="title">The panel's title; default "Accuracy".</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException">The series is empty or holds a value outside [0, 1].</exception>
    public static Plot Accuracy(IReadOnlyList<double> accuracy, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(accuracy);
        if (accuracy.Count == 0) throw new ArgumentException("The accuracy series is empty.", nameof(accuracy));
        for (int i = 0; i < accuracy.Count; i++)
            if (!(accuracy[i] >= 0 && accuracy[i] <= 1))
                throw new ArgumentException($"Accuracy must be a fraction in [0, 1]; epoch {i + 1} has {accuracy[i]}.", nameof(accuracy));
        double[] x = [.. Enumerable.Range(1, accuracy.Count).Select(i => (double)i)];
        return Accuracy(x, [.. accuracy], title ?? "Accuracy", TrainingColor);
    }

    /// <summary>The learning rate of each epoch (as the schedule set it).</summary>
    /// <param name="history">The run to draw.</param>
    /// <param name="title">The panel's title; default "Learning rate".</param>
    /// <returns>A new plot.</returns>
    /// <exception cref="ArgumentException">The history has no epochs.</exception>
    public static Plot LearningRate(TrainingHistory history, string? title = null)
    {
        CheckHistory(history);
        Plot plot = NewPlot(title ?? "Learning rate", "epoch", "η");
        double[] rates = [.. history.Epochs.Select(e => e.LearningRate)];
        AddLine(plot, Epochs(history), rates, TrainingColor, null, log: false);
        double max = rates.Max();
        plot.Axes.SetLimitsY(0, max * 1.1);
        return plot;
    }

    /// <summary>The loss, the validation accuracy (when the history has one) and the learning rate, side by side.</summary>
    /// <param name="history">The run to draw.</param>
    /// <param name="title">Put before each panel's title (e.g. the network's name), or null.</param>
    /// <returns>A figure of two or three panels.</returns>
    /// <exception cref="ArgumentException">The history has no epochs.</exception>
    public static Figure Overview(TrainingHistory history, string? title = null)
    {
        CheckHistory(history);
        string prefix = string.IsNullOrWhiteSpace(title) ? "" : title + ": ";
        var panels = new List<Plot> { Loss(history, prefix + "loss") };
        if (history.Epochs.Any(e => e.ValidationAccuracy is not null)) panels.Add(Accuracy(history, prefix + "validation accuracy"));
        panels.Add(LearningRate(history, prefix + "learning rate"));
        return new Figure(panels);
    }

    private static Plot Accuracy(double[] epochs, double[] fraction, string title, Color color)
    {
        Plot plot = NewPlot(title, "epoch", "accuracy (%)");
        AddLine(plot, epochs, [.. fraction.Select(f => 100 * f)], color, null, log: false);
        plot.Axes.SetLimitsY(-2, 102);
        return plot;
    }

    internal static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        PlotFonts.Apply(plot);
        plot.Axes.Title.Label.FontSize = 16;
        plot.Axes.Bottom.Label.FontSize = 14;
        plot.Axes.Left.Label.FontSize = 14;
        return plot;
    }

    private static void AddLine(Plot plot, double[] x, double[] y, Color color, string? label, bool log)
    {
        double[] values = log ? [.. y.Select(v => Math.Log10(v))] : y;
        var line = plot.Add.ScatterLine(x, values, color);
        line.LineWidth = 2;
        line.MarkerSize = 0;
        if (label is not null) line.LegendText = label;
    }

    /// <summary>Ticks at the powers of ten with log-spaced minor ticks; the series were added as log₁₀ of their values.</summary>
    private static void UseLogAxis(Plot plot)
    {
        plot.Axes.Left.TickGenerator = new NumericAutomatic
        {
            MinorTickGenerator = new LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = y => Math.Pow(10, y).ToString("G3", System.Globalization.CultureInfo.InvariantCulture),
        };
        plot.Axes.Left.Label.Text += " (log scale)";
    }

    /// <summary>Whether positive values span more than a factor of 20 (then a log axis reads better).</summary>
    private static bool WideSpan(IEnumerable<double> values)
    {
        double min = double.PositiveInfinity, max = 0;
        foreach (double v in values)
        {
            if (!(v > 0) || !double.IsFinite(v)) return false;
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        return max > 20 * min;
    }

    private static double[] Epochs(TrainingHistory history) => [.. history.Epochs.Select(e => (double)e.Epoch)];

    private static (double[] X, double[] Y) Present(TrainingHistory history, Func<EpochReport, double?> value)
    {
        EpochReport[] present = [.. history.Epochs.Where(e => value(e) is not null)];
        return ([.. present.Select(e => (double)e.Epoch)], [.. present.Select(e => value(e)!.Value)]);
    }

    private static void CheckHistory(TrainingHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        if (history.Epochs.Count == 0) throw new ArgumentException("The training history has no epochs to plot.", nameof(history));
    }
}
