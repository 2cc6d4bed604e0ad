using Backprop.Kernels;
using Xunit;

namespace Backprop.Trainer.Tests.Kernels;

/// <summary>RMSNorm's kernels against values worked by hand and against finite differences of a double-precision forward.</summary>
public class RMSNormKernelTests
{
    [Fact]
    public void Forward_matches_a_hand_computed_row()
    {
        // x = (1, 2, 2): mean(x²) = 3, ε = 1, so rms = 2 and r = ½; x̂ = (½, 1, 1) and γ = (1, 2, ½) give y = (½, 2, ½).
        float[] x = [1f, 2f, 2f], gain = [1f, 2f, 0.5f], y = new float[3];
        RMSNormKernels.Forward(x, y, gain, 3, 1f);
        Assert.Equal([0.5f, 2f, 0.5f], y);
    }

    [Fact]
    public void Rows_are_normalised_each_by_its_own_mean_square_and_no_row_is_centred()
    {
        // Row 1: (3, 4), mean(x²) = 12.5. Row 2: (5, 5), mean(x²) = 25. Row 3: zeros stay zeros (ε keeps r finite).
        float[] x = [3f, 4f, 5f, 5f, 0f, 0f], gain = [1f, 1f], y = new float[6], reciprocals = new float[3];
        RMSNormKernels.ForwardTraining(x, y, gain, reciprocals, 2, 1e-5f);
        Assert.Equal(1 / Math.Sqrt(12.5 + 1e-5), reciprocals[0], 6);
        Assert.Equal(1 / Math.Sqrt(25 + 1e-5), reciprocals[1], 6);
        Assert.Equal(1 / Math.Sqrt(1e-5), reciprocals[2], 1);
        Assert.Equal(3 / Math.Sqrt(12.5 + 1e-5), y[0], 6);
        Assert.Equal(4 / Math.Sqrt(12.5 + 1e-5), y[1], 6);
        Assert.Equal(1, y[2], 5);
        Assert.Equal([0f, 0f], y[4..]);

        var inference = new float[6];
        RMSNormKernels.Forward(x, inference, gain, 2, 1e-5f);
        Assert.Equal(y, inference);
        RMSNormKernels.Forward(x, x, gain, 2, 1e-5f); // in place
        Assert.Equal(y, x);
    }

    [Fact]
    public void Backward_matches_a_hand_computed_row()
    {
        // As above, r = ½ and x̂ = (½, 1, 1); with ∂y = (1, 0, 0): ∂γ = ∂y ⊙ x̂ = (½, 0, 0), g = ∂y ⊙ γ = (1, 0, 0),
        // mean(g ⊙ x̂) = 1/6, ∂x = r·(g − x̂/6) = (11/24, −1/12, −1/12).
        float[] x = [1f, 2f, 2f], gain = [1f, 2f, 0.5f], y = new float[3], reciprocals = new float[1];
        RMSNormKernels.ForwardTraining(x, y, gain, reciprocals, 3, 1f);
        float[] gainGradients = [10f, 0f, 0f], inputDelta = new float[3];
        RMSNormKernels.Backward(x, [1f, 0f, 0f], gain, reciprocals, gainGradients, inputDelta, 3);
        Assert.Equal([10.5f, 0f, 0f], gainGradients); // accumulated
        Assert.Equal(11.0 / 24, inputDelta[0], 6);
        Assert.Equal(-1.0 / 12, inputDelta[1], 6);
        Assert.Equal(-1.0 / 12, inputDelta[2], 6);

        RMSNormKernels.Backward(x, [1f, 0f, 0f], gain, reciprocals, gainGradients, Span<float>.Empty, 3); // no input delta
        Assert.Equal([11f, 0f, 0f], gainGradients);
    }

    [Fact]
    public void Backward_matches_finite_differences_over_a_batch()
    {
        const int rows = 3, width = 5;
        const float epsilon = 1e-3f;
        var random = new Random(5);
        float[] x = Enumerable.Range(0, rows * width).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        float[] gain = Enumerable.Range(0, width).Select(_ => (float)(0.5 + random.NextDouble())).ToArray();
        float[] dy = Enumerable.Range(0, rows * width).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] y = new float[rows * width], reciprocals = new float[rows], gainGradients = new float[width], inputDelta = new float[rows * width];
        RMSNormKernels.ForwardTraining(x, y, gain, reciprocals, width, epsilon);
        RMSNormKernels.Backward(x, dy, gain, reciprocals, gainGradients, inputDelta, width);

        // C = Σ dy ⊙ y, in double.
        double Cost(double[] xs, double[] gs)
        {
            double total = 0;
            for (int r = 0; r < rows; r++)
            {
                double meanSquare = 0;
                for (int j = 0; j < width; j++) meanSquare += xs[r * width + j] * xs[r * width + j] / width;
                for (int j = 0; j < width; j++) total += dy[r * width + j] * gs[j] * xs[r * width + j] / Math.Sqrt(meanSquare + epsilon);
            }

            return total;
        }

        double[] xd = x.Select(v => (double)v).ToArray(), gd = gain.Select(v => (double)v).ToArray();
        const double h = 1e-6;
        for (int i = 0; i < xd.Length; i++)
        {
            double keep = xd[i];
            xd[i] = keep + h; double plus = Cost(xd, gd);
            xd[i] = keep - h; double minus = Cost(xd, gd);
            xd[i] = keep;
            Assert.Equal((plus - minus) / (2 * h), inputDelta[i], 4);
        }

        for (int j = 0; j < width; j++)
        {
            double keep = gd[j];
            gd[j] = keep + h; double plus = Cost(xd, gd);
            gd[j] = keep - h; double minus = Cost(xd, gd);
            gd[j] = keep;
            Assert.Equal((plus - minus) / (2 * h), gainGradients[j], 4);
        }
    }

    [Fact]
    public void The_kernels_allocate_nothing()
    {
        float[] x = new float[64], y = new float[64], gain = new float[16], reciprocals = new float[4], gainGradients = new float[16], delta = new float[64];
        Array.Fill(x, 0.5f);
        Array.Fill(gain, 1f);
        RMSNormKernels.ForwardTraining(x, y, gain, reciprocals, 16, 1e-5f); // JIT first
        RMSNormKernels.Backward(x, y, gain, reciprocals, gainGradients, delta, 16);
        RMSNormKernels.Forward(x, y, gain, 16, 1e-5f);
        long before = GC.GetAllocatedBytesForCurrentThread();
        RMSNormKernels.ForwardTraining(x, y, gain, reciprocals, 16, 1e-5f);
        RMSNormKernels.Backward(x, y, gain, reciprocals, gainGradients, delta, 16);
        RMSNormKernels.Forward(x, y, gain, 16, 1e-5f);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
