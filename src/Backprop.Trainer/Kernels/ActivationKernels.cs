using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Backprop.Kernels;

/// <summary>
/// Each activation's forward rule a = f(z) next to its backward rule δ ⊙= f′. When f′ follows from the output a
/// (Sigmoid, Tanh, ReLU, LeakyReLU, ELU) the forward works in place and the backward reads a; when it needs the input z
/// (GELU, SiLU, Softplus) the forward writes a beside z (the two spans may be the same in inference) and the backward
/// reads z. Elementwise: a span may hold one sample or a whole batch.
/// </summary>
public static class ActivationKernels
{
    /// <summary>Slope of LeakyReLU for z ≤ 0.</summary>
    public const float LeakySlope = 0.01f;

    /// <summary>
    /// a = f(z) in place for <paramref name="activation"/>, over rows of <paramref name="width"/> values (Softmax is per
    /// row): the one switch over the activations, here beside their kernels, for code that picks an activation at run time.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">An activation this switch does not know.</exception>
    internal static void Apply(Activation activation, Span<float> values, int width)
    {
        switch (activation)
        {
            case Activation.Identity: break;
            case Activation.Sigmoid: Sigmoid(values); break;
            case Activation.Tanh: Tanh(values); break;
            case Activation.ReLU: ReLU(values); break;
            case Activation.LeakyReLU: LeakyReLU(values); break;
            case Activation.Softmax: Softmax(values, width); break;
            case Activation.GELU: GELU(values, values); break;
            case Activation.SiLU: SiLU(values, values); break;
            case Activation.ELU: ELU(values); break;
            case Activation.Softplus: Softplus(values, values); break;
            case Activation.Mish: Mish(values, values); break;
            default: throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        }
    }

    /// <summary>a = 1 / (1 + e^−z), in place (vectorised e^x, within a few ulp of the scalar formula).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sigmoid(Span<float> values)
    {
        int i = 0;
        for (; i + Vector256<float>.Count <= values.Length; i += Vector256<float>.Count)
            SigmoidVector(Vector256.Create((ReadOnlySpan<float>)values.Slice(i, Vector256<float>.Count))).CopyTo(values.Slice(i));
        if (i < values.Length)
        {
            // The tail goes through the same vector formula, so every element gets the same result wherever it sits.
            Span<float> tail = stackalloc float[Vector256<float>.Count];
            values[i..].CopyTo(tail);
            SigmoidVector(Vector256.Create((ReadOnlySpan<float>)tail)).CopyTo(tail);
            tail[..(values.Length - i)].CopyTo(values[i..]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> SigmoidVector(Vector256<float> z) => Vector256<float>.One / (Vector256<float>.One + VectorExp.Exp(-z));

    /// <summary>δ ⊙= a(1 − a).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SigmoidBackward(ReadOnlySpan<float> activations, Span<float> delta)
    {
        CheckLengths(activations, delta);
        int i = 0;
        for (; i + Vector256<float>.Count <= delta.Length; i += Vector256<float>.Count)
        {
            Vector256<float> a = Vector256.Create(activations.Slice(i, Vector256<float>.Count));
            (Vector256.Create((ReadOnlySpan<float>)delta.Slice(i, Vector256<float>.Count)) * (a * (Vector256<float>.One - a))).CopyTo(delta.Slice(i));
        }

        for (; i < delta.Length; i++) delta[i] *= activations[i] * (1f - activations[i]);
    }

    /// <summary>
    /// a = tanh z, in place. Vectorised: tanh z = sign(z)·(1 − e^−2|z|)/(1 + e^−2|z|), and for |z| &lt; 1/16 (where that
    /// difference loses digits) its Taylor series z − z³/3 + 2z⁵/15 − 17z⁷/315. Within a few ulp of MathF.Tanh.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Tanh(Span<float> values)
    {
        int i = 0;
        for (; i + Vector256<float>.Count <= values.Length; i += Vector256<float>.Count)
            TanhVector(Vector256.Create((ReadOnlySpan<float>)values.Slice(i, Vector256<float>.Count))).CopyTo(values.Slice(i));
        if (i < values.Length)
        {
            // The tail goes through the same vector formula, so every element gets the same result wherever it sits.
            Span<float> tail = stackalloc float[Vector256<float>.Count];
            values[i..].CopyTo(tail);
            TanhVector(Vector256.Create((ReadOnlySpan<float>)tail)).CopyTo(tail);
            tail[..(values.Length - i)].CopyTo(values[i..]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> TanhVector(Vector256<float> z)
    {
        Vector256<float> magnitude = Vector256.Abs(z);
        Vector256<float> e = VectorExp.Exp(Vector256.Create(-2f) * magnitude);
        Vector256<float> large = (Vector256<float>.One - e) / (Vector256<float>.One + e);
        Vector256<float> z2 = z * z;
        Vector256<float> series = z * (Vector256<float>.One + z2 * (Vector256.Create(-1f / 3f) + z2 * (Vector256.Create(2f / 15f) + z2 * Vector256.Create(-17f / 315f))));
        Vector256<float> signed = Vector256.ConditionalSelect(Vector256.LessThan(z, Vector256<float>.Zero), -large, large);
        return Vector256.ConditionalSelect(Vector256.LessThan(magnitude, Vector256.Create(0.0625f)), series, signed);
    }

    /// <summary>δ ⊙= 1 − a².</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void TanhBackward(ReadOnlySpan<float> activations, Span<float> delta)
    {
        CheckLengths(activations, delta);
        int i = 0;
        for (; i + Vector256<float>.Count <= delta.Length; i += Vector256<float>.Count)
        {
            Vector256<float> a = Vector256.Create(activations.Slice(i, Vector256<float>.Count));
            (Vector256.Create((ReadOnlySpan<float>)delta.Slice(i, Vector256<float>.Count)) * (Vector256<float>.One - a * a)).CopyTo(delta.Slice(i));
        }

        for (; i < delta.Length; i++) delta[i] *= 1f - activations[i] * activations[i];
    }

    /// <summary>a = max(0, z), in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ReLU(Span<float> values)
    {
        int i = 0;
        for (; i + Vector256<float>.Count <= values.Length; i += Vector256<float>.Count)
        {
            Vector256<float> z = Vector256.Create((ReadOnlySpan<float>)values.Slice(i, Vector256<float>.Count));
            Vector256.ConditionalSelect(Vector256.GreaterThan(z, Vector256<float>.Zero), z, Vector256<float>.Zero).CopyTo(values.Slice(i));
        }

        for (; i < values.Length; i++) values[i] = values[i] > 0f ? values[i] : 0f;
    }

    /// <summary>δ ⊙= [a &gt; 0].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ReLUBackward(ReadOnlySpan<float> activations, Span<float> delta)
    {
        CheckLengths(activations, delta);
        int i = 0;
        for (; i + Vector256<float>.Count <= delta.Length; i += Vector256<float>.Count)
        {
            Vector256<float> a = Vector256.Create(activations.Slice(i, Vector256<float>.Count));
            Vector256<float> d = Vector256.Create((ReadOnlySpan<float>)delta.Slice(i, Vector256<float>.Count));
            Vector256.ConditionalSelect(Vector256.GreaterThan(a, Vector256<float>.Zero), d, Vector256<float>.Zero).CopyTo(delta.Slice(i));
        }

        for (; i < delta.Length; i++) delta[i] = activations[i] > 0f ? delta[i] : 0f;
    }

    /// <summary>a = z &gt; 0 ? z : 0.01·z, in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LeakyReLU(Span<float> values)
    {
        var slope = Vector256.Create(LeakySlope);
        int i = 0;
        for (; i + Vector256<float>.Count <= values.Length; i += Vector256<float>.Count)
        {
            Vector256<float> z = Vector256.Create((ReadOnlySpan<float>)values.Slice(i, Vector256<float>.Count));
            Vector256.ConditionalSelect(Vector256.GreaterThan(z, Vector256<float>.Zero), z, slope * z).CopyTo(values.Slice(i));
        }

        for (; i < values.Length; i++) values[i] = values[i] > 0f ? values[i] : LeakySlope * values[i];
    }

    /// <summary>δ ⊙= a &gt; 0 ? 1 : 0.01 (a &gt; 0 exactly when z &gt; 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LeakyReLUBackward(ReadOnlySpan<float> activations, Span<float> delta)
    {
        CheckLengths(activations, delta);
        var slope = Vector256.Create(LeakySlope);
        int i = 0;
        for (; i + Vector256<float>.Count <= delta.Length; i += Vector256<float>.Count)
        {
            Vector256<float> a = Vector256.Create(activations.Slice(i, Vector256<float>.Count));
            Vector256<float> d = Vector256.Create((ReadOnlySpan<float>)delta.Slice(i, Vector256<float>.Count));
            Vector256.ConditionalSelect(Vector256.GreaterThan(a, Vector256<float>.Zero), d, slope * d).CopyTo(delta.Slice(i));
        }

        for (; i < delta.Length; i++) delta[i] = activations[i] > 0f ? delta[i] : LeakySlope * delta[i];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void CheckLengths(ReadOnlySpan<float> activations, Span<float> delta)
    {
        if (activations.Length < delta.Length)
            throw new ArgumentException($"There are {activations.Length} activations for {delta.Length} error values.", nameof(activations));
    }

    /// <summary>aᵢ = e^(zᵢ − max z) / Σⱼ e^(zⱼ − max z), in place, for each of the rows of <paramref name="width"/> values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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

    /// <summary>a = ½z(1 + erf(z/√2)), the exact GELU; <paramref name="output"/> may be <paramref name="input"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void GELU(ReadOnlySpan<float> input, Span<float> output)
    {
        CheckLengths(input, output);
        for (int i = 0; i < output.Length; i++)
        {
            double z = input[i];
            output[i] = (float)(z * NormalCdf(z));
        }
    }

    /// <summary>δ ⊙= Φ(z) + z·φ(z), from the layer's input z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void GELUBackward(ReadOnlySpan<float> input, Span<float> delta)
    {
        CheckLengths(input, delta);
        for (int i = 0; i < delta.Length; i++)
        {
            double z = input[i];
            delta[i] = (float)(delta[i] * (NormalCdf(z) + z * Math.Exp(-0.5 * z * z) * InverseSqrtTwoPi));
        }
    }

    /// <summary>a = z·σ(z); <paramref name="output"/> may be <paramref name="input"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SiLU(ReadOnlySpan<float> input, Span<float> output)
    {
        CheckLengths(input, output);
        for (int i = 0; i < output.Length; i++)
        {
            float z = input[i];
            output[i] = z * Logistic(z);
        }
    }

    /// <summary>δ ⊙= σ(z)(1 + z(1 − σ(z))), from the layer's input z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SiLUBackward(ReadOnlySpan<float> input, Span<float> delta)
    {
        CheckLengths(input, delta);
        for (int i = 0; i < delta.Length; i++)
        {
            float z = input[i], s = Logistic(z);
            delta[i] *= s * (1f + z * (1f - s));
        }
    }

    /// <summary>a = z &gt; 0 ? z : eᶻ − 1 (α = 1), in place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ELU(Span<float> values)
    {
        for (int i = 0; i < values.Length; i++)
            if (!(values[i] > 0f)) values[i] = (float)(Math.Exp(values[i]) - 1.0);
    }

    /// <summary>δ ⊙= a &gt; 0 ? 1 : a + 1 (for z ≤ 0, f′ = eᶻ = a + 1).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ELUBackward(ReadOnlySpan<float> activations, Span<float> delta)
    {
        CheckLengths(activations, delta);
        for (int i = 0; i < delta.Length; i++)
            if (!(activations[i] > 0f)) delta[i] *= activations[i] + 1f;
    }

    /// <summary>a = ln(1 + eᶻ) = max(z, 0) + ln(1 + e^−|z|), which never overflows; <paramref name="output"/> may be <paramref name="input"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Softplus(ReadOnlySpan<float> input, Span<float> output)
    {
        CheckLengths(input, output);
        for (int i = 0; i < output.Length; i++)
        {
            double z = input[i];
            output[i] = (float)(Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z))));
        }
    }

    /// <summary>δ ⊙= σ(z), from the layer's input z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void SoftplusBackward(ReadOnlySpan<float> input, Span<float> delta)
    {
        CheckLengths(input, delta);
        for (int i = 0; i < delta.Length; i++) delta[i] *= Logistic(input[i]);
    }

    /// <summary>a = z·tanh(softplus(z)); <paramref name="output"/> may be <paramref name="input"/>.</summary>
    public static void Mish(ReadOnlySpan<float> input, Span<float> output)
    {
        CheckLengths(input, output);
        for (int i = 0; i < output.Length; i++)
        {
            double z = input[i];
            output[i] = (float)(z * Math.Tanh(SoftplusOf(z)));
        }
    }

    /// <summary>δ ⊙= tanh(s) + z·σ(z)·(1 − tanh²(s)), s = softplus(z), from the layer's input z.</summary>
    public static void MishBackward(ReadOnlySpan<float> input, Span<float> delta)
    {
        CheckLengths(input, delta);
        for (int i = 0; i < delta.Length; i++)
        {
            double z = input[i], t = Math.Tanh(SoftplusOf(z));
            delta[i] = (float)(delta[i] * (t + z * Logistic(input[i]) * (1 - t * t)));
        }
    }

    private static double SoftplusOf(double z) => Math.Max(z, 0) + Math.Log(1 + Math.Exp(-Math.Abs(z)));

    private const double InverseSqrtTwoPi = 0.3989422804014327;

    /// <summary>σ(z) = 1/(1 + e^−z), without overflow for large |z|.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Logistic(float z) => z >= 0f ? 1f / (1f + MathF.Exp(-z)) : MathF.Exp(z) / (1f + MathF.Exp(z));

    /// <summary>Φ(z) = ½(1 + erf(z/√2)) = ½ erfc(−z/√2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double NormalCdf(double z) => 0.5 * Erfc(-z * 0.7071067811865476);

    /// <summary>erfc(x) by its Chebyshev fit (Numerical Recipes' erfcc): relative error below 1.2e-7 for every x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double Erfc(double x)
    {
        double z = Math.Abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double r = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2.0 - r;
    }
}
