namespace Backprop.Kernels;

/// <summary>
/// The three matrix products of a dense layer over a mini-batch (all row-major):
/// forward Z = X·Wᵀ, weight gradient ∂W += Δᵀ·X, input gradient ΔX = Δ·W.
/// Fixed summation order for a given shape: deterministic.
/// </summary>
public static class Gemm
{
    /// <summary>C[m×n] = A[m×k]·B[n×k]ᵀ (+ bias[n] on every row when <paramref name="bias"/> is not empty). Forward: Z = X·Wᵀ + b.</summary>
    public static void MultiplyTransposedB(ReadOnlySpan<float> a, ReadOnlySpan<float> b, ReadOnlySpan<float> bias, Span<float> c, int m, int k, int n)
    {
        for (int i = 0; i < m; i++)
        {
            ReadOnlySpan<float> row = a.Slice(i * k, k);
            Span<float> outRow = c.Slice(i * n, n);
            for (int j = 0; j < n; j++)
                outRow[j] = Vectors.Dot(row, b.Slice(j * k, k)) + (bias.IsEmpty ? 0f : bias[j]);
        }
    }

    /// <summary>C[m×n] += A[k×m]ᵀ·B[k×n]. Weight gradient: ∂W[units×inputs] += Δ[batch×units]ᵀ·X[batch×inputs].</summary>
    public static void AccumulateTransposedA(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        for (int p = 0; p < k; p++)
        {
            ReadOnlySpan<float> aRow = a.Slice(p * m, m);
            ReadOnlySpan<float> bRow = b.Slice(p * n, n);
            for (int i = 0; i < m; i++)
            {
                float s = aRow[i];
                if (s != 0f) Vectors.Axpy(s, bRow, c.Slice(i * n, n));
            }
        }
    }

    /// <summary>C[m×n] = A[m×k]·B[k×n]. Input gradient: ΔX[batch×inputs] = Δ[batch×units]·W[units×inputs].</summary>
    public static void Multiply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int m, int k, int n)
    {
        for (int i = 0; i < m; i++)
        {
            Span<float> outRow = c.Slice(i * n, n);
            outRow.Clear();
            for (int p = 0; p < k; p++)
            {
                float s = a[i * k + p];
                if (s != 0f) Vectors.Axpy(s, b.Slice(p * n, n), outRow);
            }
        }
    }
}
