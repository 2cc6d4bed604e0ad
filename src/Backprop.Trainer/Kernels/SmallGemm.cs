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

    /// <summary>C[m×n] += Σₚ A(i, p)·B[p, j], A(i, p) at a[i·aRow + p·aCol], B k×n row-major.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd(ref float a, int aRow, int aCol, ref float b, ref float c, int m, int k, int n)
    {
        for (int i = 0; i < m; i++)
        {
            ref float aRowStart = ref Unsafe.Add(ref a, i * aRow);
            ref float cRow = ref Unsafe.Add(ref c, i * n);
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
}
