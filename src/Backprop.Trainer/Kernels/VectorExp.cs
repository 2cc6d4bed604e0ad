using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Backprop.Kernels;

/// <summary>
/// eˣ for eight floats, computed in double and rounded once to float, so each result is the correctly rounded
/// (float)Math.Exp(x) but for the rarest halfway cases (the polynomial's relative error is below 3·10⁻¹³). The activation
/// kernels inline it instead of calling <see cref="Vector256.Exp(Vector256{float})"/>: that is a call into a large
/// generic method of the runtime library, which tiered compilation runs unoptimised for seconds on a one-CPU machine
/// (the runtime waits ten times longer there before it optimises anything), whatever our own methods are marked.
/// </summary>
internal static class VectorExp
{
    private const double Log2E = 1.4426950408889634;
    private const double Ln2 = 0.6931471805599453;

    /// <summary>1.5·2⁵²: adding it rounds a double of magnitude below 2⁵¹ to an integer held in the low bits.</summary>
    private const double RoundingShift = 6755399441055744.0;

    /// <summary>
    /// eˣ per lane. x is clamped to [−104, 89] (outside it the float result is 0 or +∞ anyway), NaN stays NaN.
    /// x = k·ln 2 + r with k = round(x·log₂e) and |r| ≤ ln 2 / 2; eʳ by its Taylor polynomial to r¹⁰ (Estrin's scheme); 2ᵏ
    /// by writing the exponent bits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<float> Exp(Vector256<float> x)
    {
        Vector256<float> clamped = Vector256.Min(Vector256.Max(x, Vector256.Create(-104f)), Vector256.Create(89f));
        (Vector256<double> low, Vector256<double> high) = Vector256.Widen(clamped);
        Vector256<float> result = Vector256.Narrow(Exp(low), Exp(high));
        return Vector256.ConditionalSelect(Vector256.Equals(x, x), result, x); // NaN in, NaN out
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Exp(Vector256<double> x)
    {
        Vector256<double> shifted = Vector256.FusedMultiplyAdd(x, Vector256.Create(Log2E), Vector256.Create(RoundingShift));
        Vector256<double> k = shifted - Vector256.Create(RoundingShift);
        Vector256<double> r = Vector256.FusedMultiplyAdd(k, Vector256.Create(-Ln2), x);

        // eʳ = Σ rⁿ/n!, n = 0..10, by Estrin's scheme: pairs cₙ + cₙ₊₁r, then pairs of those with r², r⁴, r⁸. Four
        // dependent steps instead of Horner's ten, which is what a small layer waits for (its few vectors leave the
        // core nothing else to do); three multiplications more.
        Vector256<double> r2 = r * r, r4 = r2 * r2, r8 = r4 * r4;
        Vector256<double> q0 = Vector256.FusedMultiplyAdd(r, Vector256<double>.One, Vector256<double>.One);
        Vector256<double> q1 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 6), Vector256.Create(0.5));
        Vector256<double> q2 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 120), Vector256.Create(1.0 / 24));
        Vector256<double> q3 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 5040), Vector256.Create(1.0 / 720));
        Vector256<double> q4 = Vector256.FusedMultiplyAdd(r, Vector256.Create(1.0 / 362880), Vector256.Create(1.0 / 40320));
        Vector256<double> s0 = Vector256.FusedMultiplyAdd(q1, r2, q0);
        Vector256<double> s1 = Vector256.FusedMultiplyAdd(q3, r2, q2);
        Vector256<double> s2 = Vector256.FusedMultiplyAdd(Vector256.Create(1.0 / 3628800), r2, q4);
        Vector256<double> p = Vector256.FusedMultiplyAdd(s2, r8, Vector256.FusedMultiplyAdd(s1, r4, s0));

        // 2ᵏ: k sits in the low bits of `shifted`; (k + 1023) << 52 is its double (k is within [−151, 129]).
        Vector256<long> bits = shifted.AsInt64() - Vector256.Create(RoundingShift).AsInt64() + Vector256.Create(1023L);
        return p * Vector256.ShiftLeft(bits, 52).AsDouble();
    }
}
