using System.Runtime.CompilerServices;
namespace Backprop.Kernels;

/// <summary>
/// Losses and the output layer's error signal. Each takes outputs and targets for one or more samples (flat, row-major,
/// <c>width</c> values per sample), an optional weight per sample, writes <c>scale</c>·wₙ·∂Cₙ/∂(output or z) into
/// <c>delta</c>, and returns Σₙ wₙ Cₙ (unscaled). Empty weights mean a weight of 1 for every sample.
/// </summary>
public static class LossKernels
{
    /// <summary>Smallest probability used inside a logarithm (avoids ln 0).</summary>
    public const float ProbabilityFloor = 1e-7f;

    /// <summary>C = ½ Σ (t − o)²; delta = scale·(o − t), the gradient w.r.t. the output a (multiply by f′ next).</summary>
    public static float SquaredError(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> delta, float scale) =>
        SquaredError(output, target, default, delta, scale, output.Length);

    /// <summary>C = ½ Σ (t − o)² per sample of <paramref name="width"/> outputs, weighted; delta = scale·w·(o − t).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float SquaredError(ReadOnlySpan<float> output, ReadOnlySpan<float> target, ReadOnlySpan<float> weights, Span<float> delta, float scale, int width)
    {
        double loss = 0;
        for (int row = 0, start = 0; start < output.Length; row++, start += width)
        {
            float w = Weight(weights, row), rowScale = scale * w;
            double rowLoss = 0;
            for (int i = start; i < start + width; i++)
            {
                float diff = output[i] - target[i];
                rowLoss += 0.5 * diff * diff;
                delta[i] = rowScale * diff;
            }

            loss += w * rowLoss;
        }

        return (float)loss;
    }

    /// <summary>C = (1/n) Σ (t − o)² per sample of <paramref name="outputCount"/> outputs; delta = scale·2(o − t)/n.</summary>
    public static float MeanSquaredError(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> delta, float scale, int outputCount) =>
        MeanSquaredError(output, target, default, delta, scale, outputCount);

    /// <summary>C = (1/n) Σ (t − o)² per sample of n = <paramref name="width"/> outputs, weighted; delta = scale·w·2(o − t)/n.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float MeanSquaredError(ReadOnlySpan<float> output, ReadOnlySpan<float> target, ReadOnlySpan<float> weights, Span<float> delta, float scale, int width)
    {
        double loss = 0;
        float factor = 2f / width;
        for (int row = 0, start = 0; start < output.Length; row++, start += width)
        {
            float w = Weight(weights, row), rowScale = scale * w * factor;
            double rowLoss = 0;
            for (int i = start; i < start + width; i++)
            {
                float diff = output[i] - target[i];
                rowLoss += (double)diff * diff / width;
                delta[i] = rowScale * diff;
            }

            loss += w * rowLoss;
        }

        return (float)loss;
    }

    /// <summary>
    /// Huber: C = (1/n) Σ h(o − t), h(r) = ½r² for |r| ≤ δ, δ(|r| − ½δ) beyond; delta = scale·w·clamp(o − t, −δ, δ)/n,
    /// the gradient w.r.t. the output a.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float Huber(ReadOnlySpan<float> output, ReadOnlySpan<float> target, ReadOnlySpan<float> weights, Span<float> delta, float scale, int width, float huberDelta)
    {
        double loss = 0;
        for (int row = 0, start = 0; start < output.Length; row++, start += width)
        {
            float w = Weight(weights, row), rowScale = scale * w / width;
            double rowLoss = 0;
            for (int i = start; i < start + width; i++)
            {
                float r = output[i] - target[i], magnitude = MathF.Abs(r);
                rowLoss += magnitude <= huberDelta ? 0.5 * r * r : huberDelta * (magnitude - 0.5 * huberDelta);
                delta[i] = rowScale * Math.Clamp(r, -huberDelta, huberDelta);
            }

            loss += w * rowLoss / width;
        }

        return (float)loss;
    }

    /// <summary>C = (1/n) Σ |o − t|; delta = scale·w·sign(o − t)/n (0 where o = t), the gradient w.r.t. the output a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float MeanAbsoluteError(ReadOnlySpan<float> output, ReadOnlySpan<float> target, ReadOnlySpan<float> weights, Span<float> delta, float scale, int width)
    {
        double loss = 0;
        for (int row = 0, start = 0; start < output.Length; row++, start += width)
        {
            float w = Weight(weights, row), rowScale = scale * w / width;
            double rowLoss = 0;
            for (int i = start; i < start + width; i++)
            {
                float r = output[i] - target[i];
                rowLoss += MathF.Abs(r);
                delta[i] = rowScale * MathF.Sign(r);
            }

            loss += w * rowLoss / width;
        }

        return (float)loss;
    }

    /// <summary>C = −[t ln p + (1 − t) ln(1 − p)] for sigmoid outputs p; delta = scale·(p − t), the gradient w.r.t. z.</summary>
    public static float BinaryCrossEntropy(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> delta, float scale) =>
        BinaryCrossEntropy(output, target, default, delta, scale, output.Length);

    /// <summary>C = −Σᵢ [tᵢ ln pᵢ + (1 − tᵢ) ln(1 − pᵢ)] over each sample's sigmoid outputs, weighted; delta = scale·w·(p − t), w.r.t. z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float BinaryCrossEntropy(ReadOnlySpan<float> output, ReadOnlySpan<float> target, ReadOnlySpan<float> weights, Span<float> delta, float scale, int width)
    {
        double loss = 0;
        for (int row = 0, start = 0; start < output.Length; row++, start += width)
        {
            float w = Weight(weights, row), rowScale = scale * w;
            double rowLoss = 0;
            for (int i = start; i < start + width; i++)
            {
                float p = output[i], t = target[i];
                rowLoss -= t * Math.Log(Math.Max(p, ProbabilityFloor)) + (1 - t) * Math.Log(Math.Max(1 - p, ProbabilityFloor));
                delta[i] = rowScale * (p - t);
            }

            loss += w * rowLoss;
        }

        return (float)loss;
    }

    /// <summary>C = −Σ t ln p for softmax outputs p; delta = scale·(p − t), the gradient w.r.t. z.</summary>
    public static float SoftmaxCrossEntropy(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> delta, float scale) =>
        SoftmaxCrossEntropy(output, target, default, delta, scale, output.Length);

    /// <summary>C = −Σ t ln p per sample of softmax outputs p, weighted; delta = scale·w·(p − t), the gradient w.r.t. z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static float SoftmaxCrossEntropy(ReadOnlySpan<float> output, ReadOnlySpan<float> target, ReadOnlySpan<float> weights, Span<float> delta, float scale, int width)
    {
        double loss = 0;
        for (int row = 0, start = 0; start < output.Length; row++, start += width)
        {
            float w = Weight(weights, row), rowScale = scale * w;
            double rowLoss = 0;
            for (int i = start; i < start + width; i++)
            {
                float p = output[i], t = target[i];
                if (t != 0f) rowLoss -= t * Math.Log(Math.Max(p, ProbabilityFloor));
                delta[i] = rowScale * (p - t);
            }

            loss += w * rowLoss;
        }

        return (float)loss;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Weight(ReadOnlySpan<float> weights, int row) => weights.IsEmpty ? 1f : weights[row];
}
