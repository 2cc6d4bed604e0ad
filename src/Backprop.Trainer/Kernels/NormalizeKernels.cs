using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
    /// <remarks>Row by row with <see cref="Standardize"/> (the reciprocals computed once per call into a pooled buffer).</remarks>
    public static void Forward(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> mean, ReadOnlySpan<float> variance, int rows, int width)
    {
        if (input.Length < rows * width || output.Length < rows * width || mean.Length < width || variance.Length < width)
            throw new ArgumentException($"Normalising {rows} rows of {width} features needs {rows * width} inputs and outputs and {width} means and variances; got {input.Length}, {output.Length}, {mean.Length} and {variance.Length}.", nameof(input));
        float[] pooled = System.Buffers.ArrayPool<float>.Shared.Rent(width);
        Span<float> reciprocal = pooled.AsSpan(0, width);
        for (int j = 0; j < width; j++) reciprocal[j] = Reciprocal(variance[j]);
        if (!Unsafe.AreSame(ref MemoryMarshal.GetReference(input), ref MemoryMarshal.GetReference(output)))
            input[..(rows * width)].CopyTo(output);
        for (int r = 0; r < rows; r++) Standardize(output.Slice(r * width, width), mean[..width], reciprocal);
        System.Buffers.ArrayPool<float>.Shared.Return(pooled);
    }

    /// <summary>r = 1/√σ², or 1 for a feature that does not vary (it is only centred). The ONNX export uses the same rule.</summary>
    public static float Reciprocal(float variance) => variance > 0f ? (float)(1.0 / Math.Sqrt(variance)) : 1f;

    /// <summary>
    /// Welford's update with one sample: n ← n + 1; δ = x − μ; μ ← μ + δ/n; M₂ ← M₂ + δ·(x − μ). <paramref name="mean"/> and
    /// <paramref name="m2"/> hold one value per feature; <paramref name="count"/> is the samples seen before this one.
    /// </summary>
    /// <remarks>Eight features at a time where the hardware has 256-bit vectors: the same operations per feature (widen,
    /// subtract, divide, multiply, add; no fused multiply-add), so the result is the scalar loop's to the bit.</remarks>
    public static void Accumulate(ReadOnlySpan<float> sample, Span<double> mean, Span<double> m2, long count)
    {
        int width = sample.Length;
        if (mean.Length < width || m2.Length < width) throw new ArgumentException($"Statistics of {width} features need {width} means and M2 values; got {mean.Length} and {m2.Length}.", nameof(mean));
        double n = count + 1;
        ref float px = ref MemoryMarshal.GetReference(sample);
        ref double pm = ref MemoryMarshal.GetReference(mean);
        ref double pq = ref MemoryMarshal.GetReference(m2);
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            Vector256<double> vn = Vector256.Create(n);
            for (; j <= width - 8; j += 8)
            {
                (Vector256<double> low, Vector256<double> high) = Vector256.Widen(Vector256.LoadUnsafe(ref px, (nuint)j));
                Update(low, vn, ref pm, ref pq, j);
                Update(high, vn, ref pm, ref pq, j + 4);
            }
        }

        for (; j < width; j++)
        {
            double x = Unsafe.Add(ref px, j), delta = x - Unsafe.Add(ref pm, j);
            Unsafe.Add(ref pm, j) += delta / n;
            Unsafe.Add(ref pq, j) += delta * (x - Unsafe.Add(ref pm, j));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(Vector256<double> x, Vector256<double> n, ref double mean, ref double m2, int j)
    {
        Vector256<double> m = Vector256.LoadUnsafe(ref mean, (nuint)j), delta = x - m;
        m += delta / n;
        m.StoreUnsafe(ref mean, (nuint)j);
        (Vector256.LoadUnsafe(ref m2, (nuint)j) + delta * (x - m)).StoreUnsafe(ref m2, (nuint)j);
    }

    /// <summary>x ← (x − μ)·r per feature, in place (<paramref name="reciprocal"/> holds r = <see cref="Reciprocal"/> of each variance).</summary>
    /// <remarks>Vectorised; each element is the scalar (x − μ)·r exactly.</remarks>
    public static void Standardize(Span<float> x, ReadOnlySpan<float> mean, ReadOnlySpan<float> reciprocal)
    {
        int width = x.Length;
        if (mean.Length != width || reciprocal.Length != width)
            throw new ArgumentException($"Standardising {width} features needs {width} means and reciprocals; got {mean.Length} and {reciprocal.Length}.", nameof(mean));
        ref float px = ref MemoryMarshal.GetReference(x);
        ref float pm = ref MemoryMarshal.GetReference(mean);
        ref float pr = ref MemoryMarshal.GetReference(reciprocal);
        int j = 0;
        if (Vector256.IsHardwareAccelerated)
            for (; j <= width - 8; j += 8)
                ((Vector256.LoadUnsafe(ref px, (nuint)j) - Vector256.LoadUnsafe(ref pm, (nuint)j)) * Vector256.LoadUnsafe(ref pr, (nuint)j)).StoreUnsafe(ref px, (nuint)j);
        for (; j < width; j++) Unsafe.Add(ref px, j) = (Unsafe.Add(ref px, j) - Unsafe.Add(ref pm, j)) * Unsafe.Add(ref pr, j);
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
