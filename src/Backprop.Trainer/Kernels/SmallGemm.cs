using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Backprop.Kernels;

/// <summary>
/// C[m×n] += A·B for products too small to pay for packing (the XOR and iris layers): B is k×n row-major, so a
/// row of C is built from whole vectors of B's rows, C(i, j..j+7) = Σₚ A(i, p)·B(p, j..j+7), one fused multiply-add per
/// p in order of p. Every element is summed in the same order (FMA, p = 0..k−1, then added to C) whether it sits in an
/// 8-wide, 4-wide or scalar column, so the result does not depend on where a column falls.
/// </summary>
internal static class SmallGemm
{
    /// <summary>Scratch for Wᵀ in the forward product: m·k·n &lt; <see cref="Gemm.SmallProduct"/> bounds k·n.</summary>
    [ThreadStatic] private static float[]? t_transposed;

    /// <summary>C[m×n] += A[m×k]·B[n×k]ᵀ: B is transposed into per-thread scratch first (k·n values, at most 1/m of the work).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyTransposedB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        float[] scratch = t_transposed ??= new float[Gemm.SmallProduct];
        ref float pb = ref MemoryMarshal.GetReference(b);
        ref float pt = ref MemoryMarshal.GetArrayDataReference(scratch);
        for (int j = 0; j < n; j++)
            for (int p = 0; p < k; p++) Unsafe.Add(ref pt, p * n + j) = Unsafe.Add(ref pb, j * k + p);
        MultiplyAdd(ref MemoryMarshal.GetReference(a), k, 1, ref pt, ref MemoryMarshal.GetReference(c), m, k, n);
    }

    /// <summary>
    /// C[m×n] += Σₚ A(i, p)·B[p, j], A(i, p) at a[i·aRow + p·aCol], B k×n row-major. Rows go four at a time, so each
    /// loop over p carries four (up to eight) independent FMA chains instead of one: these products are so small (k of 2
    /// to 16) that one chain per column block would wait on the FMA latency at every step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd(ref float a, int aRow, int aCol, ref float b, ref float c, int m, int k, int n)
    {
        int i = 0;
        for (; i + 4 <= m; i += 4) FourRows(ref Unsafe.Add(ref a, i * aRow), aRow, aCol, ref b, ref Unsafe.Add(ref c, i * n), k, n);
        for (; i < m; i++) OneRow(ref Unsafe.Add(ref a, i * aRow), aCol, ref b, ref Unsafe.Add(ref c, i * n), k, n);
    }

    /// <summary>Rows i..i+3 of C (at <paramref name="c0"/>, n apart) from rows i..i+3 of A (at <paramref name="a0"/>, aRow apart).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FourRows(ref float a0, int aRow, int aCol, ref float b, ref float c0, int k, int n)
    {
        ref float a1 = ref Unsafe.Add(ref a0, aRow), a2 = ref Unsafe.Add(ref a0, 2 * aRow), a3 = ref Unsafe.Add(ref a0, 3 * aRow);
        ref float c1 = ref Unsafe.Add(ref c0, n), c2 = ref Unsafe.Add(ref c0, 2 * n), c3 = ref Unsafe.Add(ref c0, 3 * n);
        int j = 0;
        for (; j + 16 <= n; j += 16)
        {
            Vector256<float> s00 = default, s01 = default, s10 = default, s11 = default, s20 = default, s21 = default, s30 = default, s31 = default;
            for (int p = 0; p < k; p++)
            {
                ref float bRow = ref Unsafe.Add(ref b, p * n + j);
                Vector256<float> lo = Vector256.LoadUnsafe(ref bRow), hi = Vector256.LoadUnsafe(ref bRow, 8);
                Vector256<float> x0 = Vector256.Create(Unsafe.Add(ref a0, p * aCol)), x1 = Vector256.Create(Unsafe.Add(ref a1, p * aCol));
                Vector256<float> x2 = Vector256.Create(Unsafe.Add(ref a2, p * aCol)), x3 = Vector256.Create(Unsafe.Add(ref a3, p * aCol));
                s00 = Vector256.FusedMultiplyAdd(x0, lo, s00); s01 = Vector256.FusedMultiplyAdd(x0, hi, s01);
                s10 = Vector256.FusedMultiplyAdd(x1, lo, s10); s11 = Vector256.FusedMultiplyAdd(x1, hi, s11);
                s20 = Vector256.FusedMultiplyAdd(x2, lo, s20); s21 = Vector256.FusedMultiplyAdd(x2, hi, s21);
                s30 = Vector256.FusedMultiplyAdd(x3, lo, s30); s31 = Vector256.FusedMultiplyAdd(x3, hi, s31);
            }

            AddTo(ref c0, j, s00); AddTo(ref c0, j + 8, s01);
            AddTo(ref c1, j, s10); AddTo(ref c1, j + 8, s11);
            AddTo(ref c2, j, s20); AddTo(ref c2, j + 8, s21);
            AddTo(ref c3, j, s30); AddTo(ref c3, j + 8, s31);
        }

        for (; j + 8 <= n; j += 8)
        {
            Vector256<float> s0 = default, s1 = default, s2 = default, s3 = default;
            for (int p = 0; p < k; p++)
            {
                Vector256<float> row = Vector256.LoadUnsafe(ref b, (nuint)(p * n + j));
                s0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a0, p * aCol)), row, s0);
                s1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a1, p * aCol)), row, s1);
                s2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a2, p * aCol)), row, s2);
                s3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref a3, p * aCol)), row, s3);
            }

            AddTo(ref c0, j, s0); AddTo(ref c1, j, s1); AddTo(ref c2, j, s2); AddTo(ref c3, j, s3);
        }

        for (; j + 4 <= n; j += 4)
        {
            Vector128<float> s0 = default, s1 = default, s2 = default, s3 = default;
            for (int p = 0; p < k; p++)
            {
                Vector128<float> row = Vector128.LoadUnsafe(ref b, (nuint)(p * n + j));
                s0 = Vector128.FusedMultiplyAdd(Vector128.Create(Unsafe.Add(ref a0, p * aCol)), row, s0);
                s1 = Vector128.FusedMultiplyAdd(Vector128.Create(Unsafe.Add(ref a1, p * aCol)), row, s1);
                s2 = Vector128.FusedMultiplyAdd(Vector128.Create(Unsafe.Add(ref a2, p * aCol)), row, s2);
                s3 = Vector128.FusedMultiplyAdd(Vector128.Create(Unsafe.Add(ref a3, p * aCol)), row, s3);
            }

            (Vector128.LoadUnsafe(ref c0, (nuint)j) + s0).StoreUnsafe(ref c0, (nuint)j);
            (Vector128.LoadUnsafe(ref c1, (nuint)j) + s1).StoreUnsafe(ref c1, (nuint)j);
            (Vector128.LoadUnsafe(ref c2, (nuint)j) + s2).StoreUnsafe(ref c2, (nuint)j);
            (Vector128.LoadUnsafe(ref c3, (nuint)j) + s3).StoreUnsafe(ref c3, (nuint)j);
        }

        for (; j < n; j++)
        {
            float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f;
            for (int p = 0; p < k; p++)
            {
                float bpj = Unsafe.Add(ref b, p * n + j);
                s0 = MathF.FusedMultiplyAdd(Unsafe.Add(ref a0, p * aCol), bpj, s0);
                s1 = MathF.FusedMultiplyAdd(Unsafe.Add(ref a1, p * aCol), bpj, s1);
                s2 = MathF.FusedMultiplyAdd(Unsafe.Add(ref a2, p * aCol), bpj, s2);
                s3 = MathF.FusedMultiplyAdd(Unsafe.Add(ref a3, p * aCol), bpj, s3);
            }

            Unsafe.Add(ref c0, j) += s0; Unsafe.Add(ref c1, j) += s1; Unsafe.Add(ref c2, j) += s2; Unsafe.Add(ref c3, j) += s3;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddTo(ref float row, int j, Vector256<float> sum) =>
        (Vector256.LoadUnsafe(ref row, (nuint)j) + sum).StoreUnsafe(ref row, (nuint)j);

    /// <summary>One row of C from one row of A (the rows left over after groups of four).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void OneRow(ref float aRowStart, int aCol, ref float b, ref float cRow, int k, int n)
    {
        int j = 0;
        for (; j + 16 <= n; j += 16)
        {
            Vector256<float> s0 = Vector256<float>.Zero, s1 = Vector256<float>.Zero;
            for (int p = 0; p < k; p++)
            {
                Vector256<float> x = Vector256.Create(Unsafe.Add(ref aRowStart, p * aCol));
                ref float bRow = ref Unsafe.Add(ref b, p * n + j);
                s0 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref bRow), s0);
                s1 = Vector256.FusedMultiplyAdd(x, Vector256.LoadUnsafe(ref bRow, 8), s1);
            }

            (Vector256.LoadUnsafe(ref cRow, (nuint)j) + s0).StoreUnsafe(ref cRow, (nuint)j);
            (Vector256.LoadUnsafe(ref cRow, (nuint)(j + 8)) + s1).StoreUnsafe(ref cRow, (nuint)(j + 8));
        }

        for (; j + 8 <= n; j += 8)
        {
            Vector256<float> s = Vector256<float>.Zero;
            for (int p = 0; p < k; p++)
                s = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref aRowStart, p * aCol)), Vector256.LoadUnsafe(ref b, (nuint)(p * n + j)), s);
            (Vector256.LoadUnsafe(ref cRow, (nuint)j) + s).StoreUnsafe(ref cRow, (nuint)j);
        }

        for (; j + 4 <= n; j += 4)
        {
            Vector128<float> s = Vector128<float>.Zero;
            for (int p = 0; p < k; p++)
                s = Vector128.FusedMultiplyAdd(Vector128.Create(Unsafe.Add(ref aRowStart, p * aCol)), Vector128.LoadUnsafe(ref b, (nuint)(p * n + j)), s);
            (Vector128.LoadUnsafe(ref cRow, (nuint)j) + s).StoreUnsafe(ref cRow, (nuint)j);
        }

        for (; j < n; j++)
        {
            float s = 0f;
            for (int p = 0; p < k; p++) s = MathF.FusedMultiplyAdd(Unsafe.Add(ref aRowStart, p * aCol), Unsafe.Add(ref b, p * n + j), s);
            Unsafe.Add(ref cRow, j) += s;
        }
    }
}
