using Backprop.Kernels;

namespace Backprop.Training;

/// <summary>
/// The adaptation of a <see cref="NormalizeAttribute"/> layer: one streaming pass over the training samples computes
/// each feature's mean and population variance (<see cref="NormalizeKernels.Accumulate"/>, Welford's update in double)
/// and writes them into the layer's state. Nothing is kept per row.
/// </summary>
public static class InputStatistics
{
    /// <summary>Sets the statistics of every Normalize layer of <paramref name="shape"/> in <paramref name="state"/> from <paramref name="data"/>; does nothing without one.</summary>
    /// <exception cref="InvalidDataException">An input is NaN or ∞ (the message names the row).</exception>
    public static void Adapt(NetworkShape shape, Span<float> state, ISampleSource data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(data);
        LayerDescription? layer = shape.Layers.FirstOrDefault(l => l.Kind == LayerKind.Normalize);
        if (layer is null) return;
        NetworkGuard.Length(state.Length, shape.StateCount, shape.Name, "state");
        (double[] mean, double[] m2, long count) = Compute(data, cancellationToken);
        NormalizeKernels.Finish(mean, m2, count,
            state.Slice(layer.Find(TensorRole.RunningMean)!.Offset, layer.Units), state.Slice(layer.Find(TensorRole.RunningVariance)!.Offset, layer.Units));
    }

    /// <summary>
    /// The per-feature mean, sum of squared deviations M₂ and sample count of <paramref name="data"/>'s inputs, in one
    /// pass in stored order (the variance is M₂/count).
    /// </summary>
    /// <exception cref="InvalidDataException">An input is NaN or ∞ (the message names the row).</exception>
    public static (double[] Mean, double[] M2, long Count) Compute(ISampleSource data, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var mean = new double[data.InputCount];
        var m2 = new double[data.InputCount];
        long count = 0;
        if (data is InMemorySamples memory)
        {
            // The rows as they lie in memory: no cursor, no copy per row.
            int width = memory.InputCount;
            for (int r = 0; r < memory.Rows; r++, count++)
            {
                if ((count & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
                int stored = memory.RowNumber(r); // a hold-out part's rows lie scattered in the arrays
                ReadOnlySpan<float> row = memory.InputValues.AsSpan(stored * width, width);
                SampleChecks.Finite(row, stored, "input");
                NormalizeKernels.Accumulate(row, mean, m2, count);
            }

            return (mean, m2, count);
        }

        var input = new float[data.InputCount];
        var target = new float[data.TargetCount];
        using ISampleCursor cursor = data.Open(null);
        while (cursor.MoveNext(input, target))
        {
            if ((count & 1023) == 0) cancellationToken.ThrowIfCancellationRequested();
            SampleChecks.Finite(input, cursor.Row, "input");
            NormalizeKernels.Accumulate(input, mean, m2, count);
            count++;
        }

        return (mean, m2, count);
    }
}
