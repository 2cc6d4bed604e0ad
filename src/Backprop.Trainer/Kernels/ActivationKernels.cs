namespace Backprop.Kernels;

/// <summary>
/// Activations a = f(z) applied in place, and their backward rules δ ⊙= f′ written in terms of the output a
/// (so backward needs only the stored activations). Elementwise: a span may hold one sample or a whole batch.
/// </summary>
public static class ActivationKernels
{
    /// <summary>Slope of LeakyReLU for z ≤ 0.</summary>
    public const float LeakySlope = 0.01f;

    /// <summary>a = 1 / (1 + e^−z), in place.</summary>
    public static void Sigmoid(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++) values[i] = 1f / (1f + MathF.Exp(-values[i]));
    }

    /// <summary>δ ⊙= a(1 − a).</summary>
    public static void SigmoidBackward(ReadOnlySpan<float> activations, Span<float> delta)
    {
        for (int i = 0; i < delta.Length; i++) delta[i] *= activations[i] * (1f - activations[i]);
    }

    /// <summary>a = tanh z, in place.</summary>
    public static void Tanh(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++) values[i] = MathF.Tanh(values[i]);
    }

    /// <summary>δ ⊙= 1 − a².</summary>
    public static void TanhBackward(ReadOnlySpan<float> activations, Span<float> delta)
    {
        for (int i = 0; i < delta.Length; i++) delta[i] *= 1f - activations[i] * activations[i];
    }

    /// <summary>a = max(0, z), in place.</summary>
    public static void ReLU(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++) values[i] = values[i] > 0f ? values[i] : 0f;
    }

    /// <summary>δ ⊙= [a &gt; 0].</summary>
    public static void ReLUBackward(ReadOnlySpan<float> activations, Span<float> delta)
    {
        for (int i = 0; i < delta.Length; i++) delta[i] = activations[i] > 0f ? delta[i] : 0f;
    }

    /// <summary>a = z &gt; 0 ? z : 0.01·z, in place.</summary>
    public static void LeakyReLU(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++) values[i] = values[i] > 0f ? values[i] : LeakySlope * values[i];
    }

    /// <summary>δ ⊙= a &gt; 0 ? 1 : 0.01 (a &gt; 0 exactly when z &gt; 0).</summary>
    public static void LeakyReLUBackward(ReadOnlySpan<float> activations, Span<float> delta)
    {
        for (int i = 0; i < delta.Length; i++) delta[i] = activations[i] > 0f ? delta[i] : LeakySlope * delta[i];
    }

    /// <summary>aᵢ = e^(zᵢ − max z) / Σⱼ e^(zⱼ − max z), in place, for each of the rows of <paramref name="width"/> values.</summary>
    public static void Softmax(Span<float> values, int width)
    {
        for (int start = 0; start + width <= values.Length; start += width)
        {
            Span<float> row = values.Slice(start, width);
            float max = row[0];
            for (int i = 1; i < row.Length; i++) max = MathF.Max(max, row[i]);
            float sum = 0f;
            for (int i = 0; i < row.Length; i++)
            {
                row[i] = MathF.Exp(row[i] - max);
                sum += row[i];
            }

            float inverse = 1f / sum;
            for (int i = 0; i < row.Length; i++) row[i] *= inverse;
        }
    }
}
