using System.Collections.ObjectModel;

namespace Backprop.MLNet;

/// <summary>
/// The standardisation the regression trainer applies to the label (see <see cref="BackpropTrainerOptions.StandardizeLabel"/>):
/// the network learns t' = (t − μ)/σ per output, with μ and σ (1 where σ = 0) from the training data, and its output is
/// mapped back, y = o·σ + μ, before it reaches the Score column, so that the Score stays in the label's units. It is
/// stored in the model (and in the ONNX graph as a Mul and an Add after the network). When the score is rescaled after
/// training (<see cref="BackpropTrainerOptions.RescaleScore"/>, the default recipe), the model's μ and σ are the rescaled
/// ones, μ + bσ and aσ: the map from the network's output to the Score.
/// </summary>
public sealed class LabelStandardizer
{
    private readonly float[] _mean;
    private readonly float[] _scale;

    /// <summary>Creates the standardisation from each output's mean and standard deviation over the training labels.</summary>
    /// <exception cref="ArgumentException">The two have different lengths, are empty, or hold a value that is not finite (or a negative deviation).</exception>
    public LabelStandardizer(IReadOnlyList<float> mean, IReadOnlyList<float> standardDeviation)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(standardDeviation);
        if (mean.Count == 0 || mean.Count != standardDeviation.Count)
            throw new ArgumentException($"The label standardisation needs one mean and one standard deviation per output; got {mean.Count} and {standardDeviation.Count}.", nameof(standardDeviation));
        for (int j = 0; j < mean.Count; j++)
            if (!float.IsFinite(mean[j]) || !float.IsFinite(standardDeviation[j]) || standardDeviation[j] < 0)
                throw new ArgumentException($"Output {j}: mean {mean[j]} and standard deviation {standardDeviation[j]} are not a finite mean and a non-negative finite deviation.", nameof(standardDeviation));
        _mean = mean.ToArray();
        _scale = standardDeviation.Select(s => s > 0 ? s : 1f).ToArray();
        Mean = new ReadOnlyCollection<float>(_mean);
        StandardDeviation = new ReadOnlyCollection<float>(standardDeviation.ToArray());
    }

    /// <summary>The mean of each output's label over the training data.</summary>
    public IReadOnlyList<float> Mean { get; }

    /// <summary>The population standard deviation of each output's label over the training data (0 is applied as 1).</summary>
    public IReadOnlyList<float> StandardDeviation { get; }

    /// <summary>The σ each output is divided by in training and multiplied by at prediction (σ, or 1 where σ = 0).</summary>
    internal IReadOnlyList<float> Scale => _scale;

    /// <summary>Number of outputs.</summary>
    public int Count => _mean.Length;

    /// <summary>Standardises a target vector in place: t ← (t − μ)/σ. Thread-safe.</summary>
    /// <exception cref="ArgumentException">The span does not have <see cref="Count"/> values.</exception>
    public void Apply(Span<float> target)
    {
        Check(target.Length);
        for (int j = 0; j < target.Length; j++) target[j] = (target[j] - _mean[j]) / _scale[j];
    }

    /// <summary>Maps network outputs back to the label's units in place: y ← o·σ + μ. Thread-safe.</summary>
    /// <exception cref="ArgumentException">The span does not have <see cref="Count"/> values.</exception>
    public void Restore(Span<float> output)
    {
        Check(output.Length);
        for (int j = 0; j < output.Length; j++) output[j] = output[j] * _scale[j] + _mean[j];
    }

    private void Check(int length)
    {
        if (length != _mean.Length)
            throw new ArgumentException($"The label standardisation is of {_mean.Length} outputs; got {length}.");
    }
}
