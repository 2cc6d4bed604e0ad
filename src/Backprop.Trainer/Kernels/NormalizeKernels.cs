namespace Backprop.Kernels;

/// <summary>
/// Input normalisation per feature, y = (x − μ)·r with r = 1/σ (1 where σ² = 0), from statistics of the training data;
/// and the streaming pass that computes them: Welford's update per sample, in double, so that features in the
/// thousands with a small spread keep their variance (a sum of squares in float would cancel it away).
/// The layer has no parameters and comes first, so its backward has nothing to do.
/// </summary>
public static class NormalizeKernels
{
    /// <summary>Forward (training and inference alike): y = (x − μ)·r per feature; <paramref name="output"/> may be <paramref name="input"/>.</summary>
    public static void Forward(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> mean, ReadOnlySpan<float> variance, int rows, int width)
    {
        for (int j = 0; j < width; j++)
        {
            float reciprocal = Reciprocal(variance[j]), m = mean[j];
            for (int i = j; i < rows * width; i += width) output[i] = (input[i] - m) * reciprocal;
        }
    }

    /// <summary>r = 1/√σ², or 1 for a feature that does not vary (it is only centred). The ONNX export uses the same rule.</summary>
    public static float Reciprocal(float variance) => variance > 0f ? (float)(1.0 / Math.Sqrt(variance)) : 1f;

    /// <summary>
    /// Welford's update with one sample: n ← n + 1; δ = x − μ; μ ← μ + δ/n; M₂ ← M₂ + δ·(x − μ). <paramref name="mean"/> and
    /// <paramref name="m2"/> hold one value per feature; <paramref name="count"/> is the samples seen before this one.
    /// </summary>
    public static void Accumulate(ReadOnlySpan<float> sample, Span<double> mean, Span<double> m2, long count)
    {
        double n = count + 1;
        for (int j = 0; j < sample.Length; j++)
        {
            double x = sample[j], delta = x - mean[j];
            mean[j] += delta / n;
            m2[j] += delta * (x - mean[j]);
        }
    }

    /// <summary>
    /// Chan et al.'s merge of two partial results (a: <paramref name="countA"/> samples, b: <paramref name="countB"/>) into a:
    /// δ = μ_b − μ_a; μ ← μ_a + δ·n_b/n; M₂ ← M₂a + M₂b + δ²·n_a·n_b/n.
    /// </summary>
    public static void Merge(Span<double> meanA, Span<double> m2A, long countA, ReadOnlySpan<double> meanB, ReadOnlySpan<double> m2B, long countB)
    {
        if (countB == 0) return;
        double n = countA + countB;
        for (int j = 0; j < meanA.Length; j++)
        {
            double delta = meanB[j] - meanA[j];
            meanA[j] += delta * countB / n;
            m2A[j] += m2B[j] + delta * delta * countA * countB / n;
        }
    }

    /// <summary>Writes μ and the population variance M₂/n (as Keras) as float; n = 0 leaves the identity (μ = 0, σ² = 1).</summary>
    public static void Finish(ReadOnlySpan<double> mean, ReadOnlySpan<double> m2, long count, Span<float> meanOut, Span<float> varianceOut)
    {
        for (int j = 0; j < mean.Length; j++)
        {
            meanOut[j] = count == 0 ? 0f : (float)mean[j];
            varianceOut[j] = count == 0 ? 1f : (float)Math.Max(0, m2[j] / count);
        }
    }
}
