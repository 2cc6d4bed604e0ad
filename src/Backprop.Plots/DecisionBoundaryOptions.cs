namespace Backprop.Plots;

/// <summary>How <see cref="DecisionBoundaryPlot"/> draws a two-input model's output over the plane.</summary>
public sealed class DecisionBoundaryOptions
{
    /// <summary>The panel's title. Default "Decision boundary".</summary>
    public string Title { get; init; } = "Decision boundary";

    /// <summary>Grid cells along each axis at which the model is evaluated. Default 200 (40,000 evaluations).</summary>
    public int Resolution { get; init; } = 200;

    /// <summary>Space around the training points, as a fraction of their span on each axis. Default 0.25.</summary>
    public double Margin { get; init; } = 0.25;

    /// <summary>The score at which the class changes; the boundary line is drawn there. Default 0.5.</summary>
    public double Threshold { get; init; } = 0.5;

    /// <summary>
    /// Which output of an <see cref="INetwork"/> is the score; null means the last one (the only output of a one-output net,
    /// class 1's of a two-class net with one output per class).
    /// </summary>
    public int? OutputIndex { get; init; }

    /// <summary>Labels of the axes. Default "x₁" and "x₂".</summary>
    public (string X, string Y) AxisLabels { get; init; } = ("x₁", "x₂");

    /// <summary>Throws if a value is out of range, naming it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        if (Resolution is < 2 or > 2000)
            throw new ArgumentOutOfRangeException(nameof(Resolution), Resolution, "Resolution must be between 2 and 2000 cells per axis.");
        if (!(Margin >= 0) || !double.IsFinite(Margin))
            throw new ArgumentOutOfRangeException(nameof(Margin), Margin, "Margin must be a non-negative finite fraction.");
        if (!double.IsFinite(Threshold)) throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold, "Threshold must be finite.");
        if (OutputIndex is < 0) throw new ArgumentOutOfRangeException(nameof(OutputIndex), OutputIndex, "OutputIndex must be non-negative (or null for the last output).");
    }
}
