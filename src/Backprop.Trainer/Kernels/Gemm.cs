using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Backprop.Kernels;

/// <summary>
/// The three matrix products of a dense layer over a mini-batch (all row-major):
/// forward Z = X·Wᵀ + b, weight gradient ∂W += Δᵀ·X, input gradient ΔX = Δ·W.
/// Small products (the XOR and iris layers) run through <see cref="SmallGemm"/>, vectorised over the columns of C without
/// packing; larger ones through <see cref="PackedGemm"/>, a packed, cache-blocked,
/// register-tiled Vector256 FMA kernel. Each element of C is always summed in the same order for a given shape,
/// whatever the thread count: the results are deterministic.
/// </summary>
public static class Gemm
{
    /// <summary>
    /// Most threads one product may use (default: the processor count). Products below about two million
    /// multiply-adds always run on the calling thread. Results are identical for every setting.
    /// </summary>
    public static int MaxThreads
    {
        get => GemmThreading.MaxThreads;
        set => GemmThreading.MaxThreads = value;
    }

    /// <summary>Below this many multiply-adds (m·k·n) the plain loops win over packing.</summary>
    internal const long SmallProduct = 4096;

    /// <summary>C[m×n] = A[m×k]·B[n×k]ᵀ (+ bias[n] on every row when <paramref name="bias"/> is not empty). Forward: Z = X·Wᵀ + b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyTransposedB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> bias, Span<float> c, int m, int k, int n)
    {
        Check(a, (long)m * k, b, (long)n * k, c, (long)m * n);
        if (!bias.IsEmpty && bias.Length < n) throw new ArgumentException($"The bias has {bias.Length} values; C has {n} columns.", nameof(bias));
        if ((long)m * k * n < SmallProduct)
        {
            StartRows(c, bias, m, n, 0, n);
            SmallGemm.MultiplyTransposedB(a, b, c, m, k, n);
            return;
        }

        // A is m×k row-major; Bᵀ is k×n with element (p, j) at b[j·k + p]. C starts as the bias rows, set by the threads.
        PackedGemm.MultiplyAdd(a, k, 1, b, 1, k, c, m, k, n, initialise: true, start: bias.IsEmpty ? default : bias[..n]);
    }

    /// <summary>C[m×n] += A[k×m]ᵀ·B[k×n]. Weight gradient: ∂W[units×inputs] += Δ[batch×units]ᵀ·X[batch×inputs].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AccumulateTransposedA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        Check(a, (long)k * m, b, (long)k * n, c, (long)m * n);
        if ((long)m * k * n < SmallProduct)
        {
            // Aᵀ element (i, p) is a[p·m + i]; B is k×n row-major.
            SmallGemm.MultiplyAdd(ref MemoryMarshal.GetReference(a), 1, m, ref MemoryMarshal.GetReference(b), ref MemoryMarshal.GetReference(c), m, k, n);
            return;
        }

        // Aᵀ element (i, p) is a[p·m + i]; B is k×n row-major.
        PackedGemm.MultiplyAdd(a, 1, m, b, n, 1, c, m, k, n);
    }

    /// <summary>C[m×n] = A[m×k]·B[k×n]. Input gradient: ΔX[batch×inputs] = Δ[batch×units]·W[units×inputs].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        Check(a, (long)m * k, b, (long)k * n, c, (long)m * n);
        if ((long)m * k * n < SmallProduct)
        {
            c[..(m * n)].Clear();
            SmallGemm.MultiplyAdd(ref MemoryMarshal.GetReference(a), k, 1, ref MemoryMarshal.GetReference(b), ref MemoryMarshal.GetReference(c), m, k, n);
            return;
        }

        PackedGemm.MultiplyAdd(a, k, 1, b, n, 1, c, m, k, n, initialise: true); // C starts at zero, cleared by the threads
    }

    /// <summary>C[0..m, first..last) = bias[first..last) on every row, or zeros when <paramref name="bias"/> is empty.</summary>
    internal static void StartRows(Span<float> c, ReadOnlySpan<float> bias, int m, int n, int first, int last)
    {
        for (int i = 0; i < m; i++)
        {
            Span<float> row = c.Slice(i * n + first, last - first);
            if (bias.IsEmpty) row.Clear();
            else bias[first..last].CopyTo(row);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Check(ReadOnlySpan<float> a, long aCount, ReadOnlySpan<float> b, long bCount, Span<float> c, long cCount)
    {
        if (a.Length < aCount) Throw(nameof(a), a.Length, aCount);
        if (b.Length < bCount) Throw(nameof(b), b.Length, bCount);
        if (c.Length < cCount) Throw(nameof(c), c.Length, cCount);
    }

    private static void Throw(string name, int actual, long expected) =>
        throw new ArgumentException($"Matrix {name} has {actual} values; the product needs {expected}.", name);
}
