using System.Collections.ObjectModel;
using Backprop.Kernels;

namespace Backprop.MLNet;

/// <summary>
/// The standardisation the ML.NET trainers apply to a feature column that no ML.NET normaliser has marked
/// <c>IsNormalized</c>, when the network has no <see cref="NormalizeAttribute"/> layer: x' = (x − μ)·r per feature, with μ
/// and r = 1/σ (1 where σ = 0) from the training data, as <see cref="NormalizeKernels"/> computes them. It is stored in
/// the model and applied before the network, in training and at prediction.
/// </summary>
public sealed class FeatureStandardizer
{
    private readonly float[] _mean;
    private readonly float[] _reciprocal;

    /// <summary>Creates the standardisation from each feature's mean and population variance.</summary>
    /// <exception cref="ArgumentException">The two have different lengths, are empty, or hold a value that is not finite (or a negative variance).</exception>
    public FeatureStandardizer(IReadOnlyList<float> mean, IReadOnlyList<float> variance)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(variance);
        if (mean.Count == 0 || mean.Count != variance.Count)
            throw new ArgumentException($"The standardisation needs one mean and one variance per feature; got {mean.Count} and {variance.Count}.", nameof(variance));
        for (int j = 0; j < mean.Count; j++)
            if (!float.IsFinite(mean[j]) || !float.IsFinite(variance[j]) || variance[j] < 0)
                throw new ArgumentException($"Feature {j}: mean {mean[j]} and variance {variance[j]} are not a finite mean and a non-negative finite variance.", nameof(variance));
        _mean = mean.ToArray();
        Variance = new ReadOnlyCollection<float>(variance.ToArray());
        _reciprocal = Variance.Select(NormalizeKernels.Reciprocal).ToArray();
        Mean = new ReadOnlyCollection<float>(_mean);
    }

    /// <summary>1/σ of each feature (1 where σ is 0), as <see cref="Apply"/> multiplies by it.</summary>
    internal IReadOnlyList<float> Reciprocal => _reciprocal;

    /// <summary>The mean of each feature over the training data.</summary>
    public IReadOnlyList<float> Mean { get; }

    /// <summary>The population variance of each feature over the training data.</summary>
    public IReadOnlyList<float> Variance { get; }

    /// <summary>Number of features.</summary>
    public int Count => _mean.Length;

    /// <summary>Standardises <paramref name="features"/> in place: x ← (x − μ)·r. Thread-safe.</summary>
    /// <exception cref="ArgumentException">The span does not have <see cref="Count"/> values.</exception>
    public void Apply(Span<float> features)
    {
        if (features.Length != _mean.Length)
            throw new ArgumentException($"The standardisation is of {_mean.Length} features; got {features.Length}.", nameof(features));
        NormalizeKernels.Standardize(features, _mean, _reciprocal);
    }
}
