using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Backprop.Kernels;

/// <summary>Vector kernels (dot, axpy, add) used by generated per-sample passes. Fixed summation order: deterministic.</summary>
public static class Vectors
{
    /// <summary>Σᵢ x[i]·y[i] over x.Length elements (y must be at least as long).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Dot(ReadOnlySpan<float> x, ReadOnlySpan<float> y)
    {
        int n = x.Length;
        if ((uint)y.Length < (uint)n) ThrowShort(nameof(y));
        ref float px = ref MemoryMarshal.GetReference(x);
        ref float py = ref MemoryMarshal.GetReference(y);
        int i = 0;
        float sum = 0f;
        if (Vector256.IsHardwareAccelerated && n >= 16)
        {
            Vector256<float> acc0 = Vector256<float>.Zero, acc1 = Vector256<float>.Zero;
            for (; i <= n - 16; i += 16)
            {
                acc0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref px, (nuint)i), Vector256.LoadUnsafe(ref py, (nuint)i), acc0);
                acc1 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref px, (nuint)(i + 8)), Vector256.LoadUnsafe(ref py, (nuint)(i + 8)), acc1);
            }

            if (i <= n - 8)
            {
                acc0 = Vector256.FusedMultiplyAdd(Vector256.LoadUnsafe(ref px, (nuint)i), Vector256.LoadUnsafe(ref py, (nuint)i), acc0);
                i += 8;
            }

            sum = Vector256.Sum(acc0 + acc1);
        }

        for (; i < n; i++) sum = MathF.FusedMultiplyAdd(Unsafe.Add(ref px, i), Unsafe.Add(ref py, i), sum);
        return sum;
    }

    /// <summary>y[i] += a·x[i] over x.Length elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy(float a, ReadOnlySpan<float> x, Span<float> y)
    {
        int n = x.Length;
        if ((uint)y.Length < (uint)n) ThrowShort(nameof(y));
        ref float px = ref MemoryMarshal.GetReference(x);
        ref float py = ref MemoryMarshal.GetReference(y);
        int i = 0;
        if (Vector256.IsHardwareAccelerated && n >= 8)
        {
            Vector256<float> va = Vector256.Create(a);
            for (; i <= n - 8; i += 8)
            {
                Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref px, (nuint)i), Vector256.LoadUnsafe(ref py, (nuint)i))
                    .StoreUnsafe(ref py, (nuint)i);
            }
        }

        for (; i < n; i++) Unsafe.Add(ref py, i) = MathF.FusedMultiplyAdd(a, Unsafe.Add(ref px, i), Unsafe.Add(ref py, i));
    }

    /// <summary>y[i] += x[i] over x.Length elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(ReadOnlySpan<float> x, Span<float> y)
    {
        if ((uint)y.Length < (uint)x.Length) ThrowShort(nameof(y));
        for (int i = 0; i < x.Length; i++) y[i] += x[i];
    }

    /// <summary>y[i] += a·x[i] where x holds <paramref name="rows"/> rows of y.Length: adds a·(column sums of x) to y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddColumnSums(float a, ReadOnlySpan<float> x, int rows, Span<float> y)
    {
        int n = y.Length;
        if ((long)x.Length < (long)rows * n) ThrowShort(nameof(x));
        // Column by column (a vector of columns at a time) down the rows: the same fused multiply-adds in the same
        // order as one Axpy per row, with y kept in registers.
        ref float px = ref MemoryMarshal.GetReference(x);
        ref float py = ref MemoryMarshal.GetReference(y);
        int j = 0;
        Vector256<float> va = Vector256.Create(a);
        for (; j + 8 <= n; j += 8)
        {
            Vector256<float> sum = Vector256.LoadUnsafe(ref py, (nuint)j);
            for (int r = 0; r < rows; r++) sum = Vector256.FusedMultiplyAdd(va, Vector256.LoadUnsafe(ref px, (nuint)(r * n + j)), sum);
            sum.StoreUnsafe(ref py, (nuint)j);
        }

        for (; j < n; j++)
        {
            float sum = Unsafe.Add(ref py, j);
            for (int r = 0; r < rows; r++) sum = MathF.FusedMultiplyAdd(a, Unsafe.Add(ref px, r * n + j), sum);
            Unsafe.Add(ref py, j) = sum;
        }
    }

    private static void ThrowShort(string name) => throw new ArgumentException("The span is shorter than the operation needs.", name);
}
