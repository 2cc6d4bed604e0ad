using Backprop.Kernels;
using Xunit;

namespace Backprop.Trainer.Tests.Kernels;

/// <summary>The three GEMMs against a naive double-precision reference, on odd sizes that exercise every edge tile.</summary>
public class GemmTests
{
    public static TheoryData<int, int, int> Shapes() => new()
    {
        { 1, 1, 1 }, { 3, 3, 3 }, { 17, 3, 1 }, { 1, 17, 63 }, { 17, 63, 65 }, { 65, 17, 63 }, { 63, 65, 127 },
        { 127, 63, 17 }, { 6, 256, 16 }, { 7, 257, 33 }, { 33, 513, 65 }, { 5, 65, 513 }, { 97, 300, 130 }, { 128, 784, 128 },
        { 15, 4, 16 }, { 15, 16, 3 }, { 16, 15, 4 }, { 9, 5, 31 }, { 8, 2, 3 },
    };

    /// <summary>Small products (no packing): m of 1 to 9 covers the four-row groups and the rows left over; n every column path.</summary>
    public static TheoryData<int, int, int> SmallShapes() => new()
    {
        { 1, 4, 16 }, { 4, 4, 16 }, { 5, 16, 3 }, { 15, 16, 3 }, { 16, 15, 4 }, { 9, 5, 31 }, { 7, 3, 13 }, { 8, 2, 1 }, { 13, 16, 19 },
    };

    [Theory]
    [MemberData(nameof(SmallShapes))]
    public void Small_products_sum_each_element_as_one_fma_chain_in_k_order(int m, int k, int n)
    {
        // The documented order: C(i, j) += (fma chain over p = 0..k−1 from 0), whatever row group or column path (i, j) falls in.
        float[] a = Random(m * k, 13), b = Random(k * n, 14), start = Random(m * n, 15), c = (float[])start.Clone();
        Gemm.AccumulateTransposedA(Transpose(a, m, k), b, c, m, k, n);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                float s = 0f;
                for (int p = 0; p < k; p++) s = MathF.FusedMultiplyAdd(a[i * k + p], b[p * n + j], s);
                Assert.Equal(start[i * n + j] + s, c[i * n + j]);
            }
    }

    private static float[] Transpose(float[] a, int rows, int columns)
    {
        var t = new float[a.Length];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) t[j * rows + i] = a[i * columns + j];
        return t;
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_transposed_b_with_bias_matches_the_reference(int m, int k, int n)
    {
        float[] a = Random(m * k, 1), b = Random(n * k, 2), bias = Random(n, 3), c = Random(m * n, 4);
        Gemm.MultiplyTransposedB(a, b, bias, c, m, k, n);
        AssertClose(c, m, n, k, (i, j) => bias[j] + Sum(k, p => (double)a[i * k + p] * b[j * k + p]));

        Gemm.MultiplyTransposedB(a, b, default, c, m, k, n);
        AssertClose(c, m, n, k, (i, j) => Sum(k, p => (double)a[i * k + p] * b[j * k + p]));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Accumulate_transposed_a_matches_the_reference(int m, int k, int n)
    {
        float[] a = Random(k * m, 5), b = Random(k * n, 6), c = Random(m * n, 7);
        float[] start = (float[])c.Clone();
        Gemm.AccumulateTransposedA(a, b, c, m, k, n);
        AssertClose(c, m, n, k, (i, j) => start[i * n + j] + Sum(k, p => (double)a[p * m + i] * b[p * n + j]));
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_matches_the_reference(int m, int k, int n)
    {
        float[] a = Random(m * k, 8), b = Random(k * n, 9), c = Random(m * n, 10);
        Gemm.Multiply(a, b, c, m, k, n);
        AssertClose(c, m, n, k, (i, j) => Sum(k, p => (double)a[i * k + p] * b[p * n + j]));
    }

    [Fact]
    public void Results_are_bit_identical_for_every_thread_count()
    {
        const int m = 128, k = 512, n = 512;
        float[] a = Random(m * k, 11), b = Random(n * k, 12);
        var results = new List<float[]>();
        foreach (int threads in new[] { 1, 2, 3 })
        {
            using var _ = new GemmThreads(threads);
            var c = new float[m * n];
            Gemm.MultiplyTransposedB(a, b, default, c, m, k, n);
            var g = new float[k * n];
            Gemm.AccumulateTransposedA(a, c, g, k, m, n);
            results.Add([.. c, .. g]);
        }

        Assert.Equal(results[0], results[1]);
        Assert.Equal(results[0], results[2]);
    }

    [Fact]
    public void Workers_wake_from_sleep_and_from_spinning_alike()
    {
        // Idle workers spin for half a millisecond, then block: products in quick succession hit the spinning
        // hand-off, products after a pause hit the sleeping one. Both must give the single-thread result.
        const int m = 64, k = 256, n = 256;
        float[] a = Random(m * k, 13), b = Random(n * k, 14);
        var expected = new float[m * n];
        using (new GemmThreads(1)) Gemm.MultiplyTransposedB(a, b, default, expected, m, k, n);

        using var _ = new GemmThreads(2);
        var c = new float[m * n];
        for (int round = 0; round < 40; round++)
        {
            if (round % 4 == 0) Thread.Sleep(3);
            c.AsSpan().Fill(float.NaN);
            Gemm.MultiplyTransposedB(a, b, default, c, m, k, n);
            Assert.Equal(expected, c);
        }
    }

    [Fact]
    public void Short_spans_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Gemm.Multiply(new float[5], new float[6], new float[6], 2, 3, 2));
        Assert.Contains("needs 6", error.Message);
    }

    private static double Sum(int k, Func<int, double> term)
    {
        double sum = 0;
        for (int p = 0; p < k; p++) sum += term(p);
        return sum;
    }

    private static void AssertClose(float[] c, int m, int n, int k, Func<int, int, double> expected)
    {
        double tolerance = 1e-5 * Math.Sqrt(k) + 1e-6;
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double e = expected(i, j);
                Assert.True(Math.Abs(c[i * n + j] - e) <= tolerance * Math.Max(1, Math.Abs(e)), $"C[{i},{j}] = {c[i * n + j]}, expected {e} ({m}×{k}×{n})");
            }
    }

    private static float[] Random(int count, int seed)
    {
        var random = new Random(seed);
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
        return values;
    }
}
