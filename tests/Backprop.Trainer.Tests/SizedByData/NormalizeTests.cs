using Backprop.Kernels;
using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.SizedByData;

/// <summary>[Normalize]: the statistics of the training data, in one stable pass before the first epoch, kept as state.</summary>
public class NormalizeTests
{
    /// <summary>Two features in the hundreds and thousands with a small spread, and a label that depends on both.</summary>
    private static InMemorySamples Unscaled(int rows, int seed)
    {
        var random = new Random(seed);
        var inputs = new float[rows * 2];
        var targets = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            double a = random.NextDouble() * 2 - 1, b = random.NextDouble() * 2 - 1;
            inputs[2 * r] = (float)(250 + 40 * a);
            inputs[2 * r + 1] = (float)(10_000 + 3 * b);
            targets[r] = a + b > 0 ? 1f : 0f;
        }

        return new InMemorySamples(inputs, 2, targets, 1);
    }

    [Fact]
    public void Training_adapts_the_statistics_to_the_training_data_in_double()
    {
        InMemorySamples data = Unscaled(500, 1);
        var net = new ScaledNet();
        NetworkTrainer.Train(net, data, new TrainingOptions { Epochs = 1, Seed = 1 });
        (double[] mean, double[] variance) = TwoPass(data);
        for (int j = 0; j < 2; j++)
        {
            Assert.Equal(mean[j], net.Scale.Mean[j], 1e-6 * Math.Abs(mean[j]));
            Assert.Equal(variance[j], net.Scale.Variance[j], 1e-4 * variance[j]);
        }

        Assert.InRange(net.Scale.Variance[1], 2.5, 3.5); // 3²/3: a float sum of squares of values near 10,000 would lose it
    }

    [Fact]
    public void With_the_statistics_the_network_learns_what_it_cannot_learn_without()
    {
        InMemorySamples train = Unscaled(600, 2), test = Unscaled(300, 3);
        var options = new TrainingOptions { Epochs = 60, BatchSize = 16, LearningRate = 0.1f, Seed = 4 };
        var scaled = new ScaledNet();
        NetworkTrainer.Train(scaled, train, options);
        var unscaled = new UnscaledNet();
        NetworkTrainer.Train(unscaled, train, options);
        double scaledAccuracy = Accuracy(scaled, test), unscaledAccuracy = Accuracy(unscaled, test);
        Assert.True(scaledAccuracy > 0.9, $"with [Normalize]: {scaledAccuracy}");
        Assert.True(unscaledAccuracy < 0.75, $"without: {unscaledAccuracy}");
    }

    [Fact]
    public void Continuing_training_keeps_the_statistics()
    {
        var net = new ScaledNet();
        NetworkTrainer.Train(net, Unscaled(200, 5), new TrainingOptions { Epochs = 1, Seed = 1 });
        float[] before = net.State.ToArray();
        NetworkTrainer.Train(net, Unscaled(200, 6), new TrainingOptions { Epochs = 1, Seed = 1, Initialization = Backprop.Initialization.InitializationScheme.None });
        Assert.Equal(before, net.State);
    }

    [Fact]
    public void Welford_and_Chan_agree_with_a_two_pass_computation_on_large_offsets()
    {
        var random = new Random(7);
        float[][] rows = Enumerable.Range(0, 1000).Select(_ => new[] { (float)(1e6 + random.NextDouble()), (float)(random.NextDouble() * 1e-3) }).ToArray();
        double[] mean = new double[2], m2 = new double[2];
        for (int i = 0; i < rows.Length; i++) NormalizeKernels.Accumulate(rows[i], mean, m2, i);
        double[] meanA = new double[2], m2A = new double[2], meanB = new double[2], m2B = new double[2];
        for (int i = 0; i < 400; i++) NormalizeKernels.Accumulate(rows[i], meanA, m2A, i);
        for (int i = 400; i < 1000; i++) NormalizeKernels.Accumulate(rows[i], meanB, m2B, i - 400);
        NormalizeKernels.Merge(meanA, m2A, 400, meanB, m2B, 600);
        for (int j = 0; j < 2; j++)
        {
            double exact = rows.Average(r => (double)r[j]);
            double variance = rows.Average(r => (r[j] - exact) * (r[j] - exact));
            Assert.Equal(exact, mean[j], 1e-9 * Math.Max(1, Math.Abs(exact)));
            Assert.Equal(variance, m2[j] / rows.Length, 1e-6 * variance);
            Assert.Equal(mean[j], meanA[j], 1e-9 * Math.Max(1, Math.Abs(exact)));
            Assert.Equal(m2[j], m2A[j], 1e-6 * m2[j]);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(17)]
    [InlineData(784)]
    public void The_vectorised_update_is_the_scalar_Welford_update_to_the_bit(int width)
    {
        var random = new Random(width);
        double[] mean = new double[width], m2 = new double[width], expectedMean = new double[width], expectedM2 = new double[width];
        var sample = new float[width];
        for (int n = 0; n < 300; n++)
        {
            for (int j = 0; j < width; j++) sample[j] = (float)((j % 3 == 0 ? 1e4 : 1) * (random.NextDouble() * 2 - 1) + j);
            NormalizeKernels.Accumulate(sample, mean, m2, n);
            for (int j = 0; j < width; j++)
            {
                double x = sample[j], delta = x - expectedMean[j];
                expectedMean[j] += delta / (n + 1);
                expectedM2[j] += delta * (x - expectedMean[j]);
            }
        }

        Assert.Equal(expectedMean, mean);
        Assert.Equal(expectedM2, m2);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(64)]
    [InlineData(785)]
    public void Standardize_is_the_scalar_formula_to_the_bit(int width)
    {
        var random = new Random(width);
        float[] x = Enumerable.Range(0, width).Select(_ => (float)(random.NextDouble() * 500 - 100)).ToArray();
        float[] mean = Enumerable.Range(0, width).Select(_ => (float)(random.NextDouble() * 100)).ToArray();
        float[] reciprocal = Enumerable.Range(0, width).Select(j => NormalizeKernels.Reciprocal(j % 5 == 0 ? 0f : (float)random.NextDouble() * 30)).ToArray();
        float[] expected = x.Select((v, j) => (v - mean[j]) * reciprocal[j]).ToArray();
        NormalizeKernels.Standardize(x, mean, reciprocal);
        Assert.Equal(expected, x);
        Assert.Throws<ArgumentException>(() => NormalizeKernels.Standardize(new float[3], new float[3], new float[2]));
    }

    [Theory]
    [InlineData(1, 3)]
    [InlineData(5, 17)]
    [InlineData(64, 784)]
    public void Forward_is_the_formula_per_element_into_another_buffer_and_in_place(int rows, int width)
    {
        var random = new Random(rows * width);
        float[] input = Enumerable.Range(0, rows * width).Select(_ => (float)(random.NextDouble() * 200 - 50)).ToArray();
        float[] mean = Enumerable.Range(0, width).Select(_ => (float)random.NextDouble() * 10).ToArray();
        float[] variance = Enumerable.Range(0, width).Select(j => j % 4 == 0 ? 0f : (float)random.NextDouble() * 40).ToArray();
        float[] expected = input.Select((x, i) => (x - mean[i % width]) * NormalizeKernels.Reciprocal(variance[i % width])).ToArray();
        var output = new float[rows * width];
        NormalizeKernels.Forward(input, output, mean, variance, rows, width);
        Assert.Equal(expected, output);
        NormalizeKernels.Forward(input, input, mean, variance, rows, width);
        Assert.Equal(expected, input);
    }

    [Fact]
    public void A_constant_feature_is_only_centred()
    {
        float[] input = [5f, 1f, 5f, 3f], output = new float[4];
        NormalizeKernels.Forward(input, output, [5f, 2f], [0f, 1f], 2, 2);
        Assert.Equal([0f, -1f, 0f, 1f], output);
        Assert.Equal(1f, NormalizeKernels.Reciprocal(0f));
    }

    private static (double[] Mean, double[] Variance) TwoPass(InMemorySamples data)
    {
        var rows = new List<float[]>();
        var input = new float[data.InputCount];
        var target = new float[data.TargetCount];
        using (ISampleCursor cursor = data.Open(null))
            while (cursor.MoveNext(input, target)) rows.Add(input.ToArray());
        double[] mean = Enumerable.Range(0, data.InputCount).Select(j => rows.Average(r => (double)r[j])).ToArray();
        double[] variance = Enumerable.Range(0, data.InputCount).Select(j => rows.Average(r => (r[j] - mean[j]) * (r[j] - mean[j]))).ToArray();
        return (mean, variance);
    }

    private static double Accuracy(INetwork net, InMemorySamples data)
    {
        var input = new float[data.InputCount];
        var target = new float[1];
        var output = new float[1];
        int correct = 0, total = 0;
        using ISampleCursor cursor = data.Open(null);
        while (cursor.MoveNext(input, target))
        {
            net.Forward(input, output);
            correct += (output[0] >= 0.5f) == (target[0] >= 0.5f) ? 1 : 0;
            total++;
        }

        return (double)correct / total;
    }
}
