namespace Backprop.Kernels;

/// <summary>
/// Losses and the output layer's error signal. Each takes outputs and targets for one or more samples (flat, row-major),
/// writes <c>scale</c>·∂C/∂(output or z) into <c>delta</c>, and returns Σ C over the samples (unscaled).
/// </summary>
public static class LossKernels
{
    /// <summary>Smallest probability used inside a logarithm (avoids ln 0).</summary>
    public const float ProbabilityFloor = 1e-7f;

    /// <summary>C = ½ Σ (t − o)²; delta = scale·(o − t), the gradient w.r.t. the output a (multiply by f′ next).</summary>
    public static float SquaredError(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> delta, float scale)
    {
        double loss = 0;
        for (int i = 0; i < output.Length; i++)
        {
            float diff = output[i] - target[i];
            loss += 0.5 * diff * diff;
            delta[i] = scale * diff;
        }

        return (float)loss;
    }

    /// <summary>C = (1/n) Σ (t − o)² per sample of <paramref name="outputCount"/> outputs; delta = scale·2(o − t)/n.</summary>
    public static float MeanSquaredError(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> delta, float scale, int outputCount)
    {
        double loss = 0;
        float factor = 2f / outputCount;
        for (int i = 0; i < output.Length; i++)
        {
            float diff = output[i] - target[i];
            loss += (double)diff * diff / outputCount;
            delta[i] = scale * factor * diff;
        }

        return (float)loss;
    }

    /// <summary>C = −[t ln p + (1 − t) ln(1 − p)] for sigmoid outputs p; delta = scale·(p − t), the gradient w.r.t. z.</summary>
    public static float BinaryCrossEntropy(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> delta, float scale)
    {
        double loss = 0;
        for (int i = 0; i < output.Length; i++)
        {
            float p = output[i], t = target[i];
            loss -= t * Math.Log(Math.Max(p, ProbabilityFloor)) + (1 - t) * Math.Log(Math.Max(1 - p, ProbabilityFloor));
            delta[i] = scale * (p - t);
        }

        return (float)loss;
    }

    /// <summary>C = −Σ t ln p for softmax outputs p; delta = scale·(p − t), the gradient w.r.t. z.</summary>
    public static float SoftmaxCrossEntropy(ReadOnlySpan<float> output, ReadOnlySpan<float> target, Span<float> delta, float scale)
    {
        double loss = 0;
        for (int i = 0; i < output.Length; i++)
        {
            float p = output[i], t = target[i];
            if (t != 0f) loss -= t * Math.Log(Math.Max(p, ProbabilityFloor));
            delta[i] = scale * (p - t);
        }

        return (float)loss;
    }
}
