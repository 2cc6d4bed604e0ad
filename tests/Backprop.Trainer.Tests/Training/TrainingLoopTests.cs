using Backprop.Initialization;
using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.Training;

public class TrainingLoopTests
{
    /// <summary>y = 2x₀ − x₁ + 0.5x₂ + 1 plus a little noise, 200 rows.</summary>
    private static InMemorySamples Regression(int rows = 200, int seed = 5, int nanRow = -1)
    {
        var random = new Random(seed);
        var inputs = new float[rows * 3];
        var targets = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            for (int i = 0; i < 3; i++) inputs[r * 3 + i] = (float)(random.NextDouble() * 2 - 1);
            targets[r] = 2 * inputs[r * 3] - inputs[r * 3 + 1] + 0.5f * inputs[r * 3 + 2] + 1 + (float)(random.NextDouble() - 0.5) * 0.1f;
        }

        if (nanRow >= 0) inputs[nanRow * 3 + 1] = float.NaN;
        return new InMemorySamples(inputs, 3, targets, 1);
    }

    [Fact]
    public void Same_seed_gives_bit_identical_weights_and_another_seed_does_not()
    {
        float[] Run(int seed)
        {
            var net = new WideXorNet();
            NetworkTrainer.Train(net, XorData.OneHotSamples(), new TrainingOptions { Epochs = 50, BatchSize = 3, LearningRate = 0.5f, Seed = seed });
            return net.Parameters;
        }

        Assert.Equal(Run(11), Run(11));
        Assert.NotEqual(Run(11), Run(12));
    }

    [Fact]
    public void Training_is_bit_identical_with_one_or_two_gemm_threads()
    {
        var random = new Random(8);
        const int rows = 256;
        float[] inputs = Enumerable.Range(0, rows * 256).Select(_ => (float)random.NextDouble()).ToArray();
        float[] targets = new float[rows * 10];
        for (int r = 0; r < rows; r++) targets[r * 10 + random.Next(10)] = 1f;

        float[] Run(int threads)
        {
            int saved = Backprop.Kernels.Gemm.MaxThreads;
            Backprop.Kernels.Gemm.MaxThreads = threads;
            try
            {
                var net = new ThreadedNet();
                NetworkTrainer.Train(net, new InMemorySamples(inputs, 256, targets, 10), new TrainingOptions { Epochs = 2, BatchSize = 64, LearningRate = 0.05f, Seed = 3 });
                return net.Parameters;
            }
            finally
            {
                Backprop.Kernels.Gemm.MaxThreads = saved;
            }
        }

        Assert.Equal(Run(1), Run(2));
    }

    [Fact]
    public void Linear_regression_recovers_the_coefficients()
    {
        var net = new LinearNet();
        NetworkTrainer.Train(net, Regression(), new TrainingOptions { Epochs = 200, BatchSize = 16, LearningRate = 0.1f, Seed = 1 });
        Assert.Equal(2f, net.Output.Weights[0, 0], 0.05f);
        Assert.Equal(-1f, net.Output.Weights[0, 1], 0.05f);
        Assert.Equal(0.5f, net.Output.Weights[0, 2], 0.05f);
        Assert.Equal(1f, net.Output.Biases[0], 0.05f);
    }

    [Fact]
    public void One_step_applies_the_mean_gradient_plus_the_l2_term()
    {
        InMemorySamples data = Regression(rows: 8);
        var net = new LinearNet();
        float[] start = [0.3f, -0.2f, 0.1f, 0.05f];
        start.CopyTo(net.Parameters, 0);

        // Expected: θ − η(mean ∂C/∂θ + (λ/N) w), the L2 term on the weights only.
        var expected = new LinearNet(start);
        float[] workspace = new float[LinearNet.BatchWorkspaceSize(8)];
        float[] inputs = new float[8 * 3], targets = new float[8];
        using (ISampleCursor cursor = data.Open(null))
            for (int r = 0; r < 8; r++) cursor.MoveNext(inputs.AsSpan(r * 3, 3), targets.AsSpan(r, 1));
        LinearNet.BackwardBatch(expected.Parameters, expected.Gradients, inputs, targets, 8, 1f / 8, workspace);
        const float eta = 0.1f, lambda = 0.4f;
        for (int i = 0; i < 3; i++) expected.Gradients[i] += lambda / 8 * start[i];
        for (int i = 0; i < 4; i++) expected.Parameters[i] -= eta * expected.Gradients[i];

        NetworkTrainer.Train(net, data, new TrainingOptions
        {
            Epochs = 1, BatchSize = 8, LearningRate = eta, L2 = lambda, Initialization = InitializationScheme.None, Shuffle = false,
        });
        for (int i = 0; i < 4; i++) Assert.Equal(expected.Parameters[i], net.Parameters[i], 1e-6f);
    }

    [Fact]
    public void Gradient_clipping_bounds_the_step()
    {
        var net = new LinearNet();
        NetworkTrainer.Train(net, Regression(rows: 8), new TrainingOptions
        {
            Epochs = 1, BatchSize = 8, LearningRate = 1f, GradientClipNorm = 0.01f, Initialization = InitializationScheme.None,
        });
        double norm = Math.Sqrt(net.Parameters.Sum(p => (double)p * p)); // started at zero: the step is the parameters
        Assert.InRange(norm, 0.0099, 0.0101);
    }

    [Fact]
    public void A_diverging_run_names_epoch_and_batch_and_keeps_finite_weights()
    {
        var net = new LinearNet();
        var error = Assert.Throws<TrainingDivergedException>(() => NetworkTrainer.Train(net, Regression(), new TrainingOptions
        {
            Epochs = 100, BatchSize = 16, LearningRate = 50f, Seed = 1,
        }));
        Assert.Contains($"epoch {error.Epoch}, batch {error.Batch}", error.Message);
        Assert.Contains("lower learning rate", error.Message);
        Assert.All(net.Parameters, p => Assert.True(float.IsFinite(p)));
    }

    [Fact]
    public void NaN_in_the_data_is_rejected_with_its_row()
    {
        var error = Assert.Throws<InvalidDataException>(() => NetworkTrainer.Train(new LinearNet(), Regression(nanRow: 37), new TrainingOptions { Epochs = 1 }));
        Assert.Contains("Row 37", error.Message);
        Assert.Contains("NaN", error.Message);
    }

    [Fact]
    public void Wrong_sizes_and_options_are_rejected_before_training()
    {
        var error = Assert.Throws<ArgumentException>(() => NetworkTrainer.Train(new XorNet(), Regression(), new TrainingOptions()));
        Assert.Contains("'XorNet' takes 2 inputs", error.Message);
        Assert.Contains("3 per sample", error.Message);
        var option = Assert.Throws<ArgumentOutOfRangeException>(() => NetworkTrainer.Train(new LinearNet(), Regression(), new TrainingOptions { BatchSize = 0 }));
        Assert.Equal("BatchSize", option.ParamName);
        Assert.Throws<ArgumentException>(() => NetworkTrainer.Train(new LinearNet(), Regression(), new TrainingOptions { EarlyStoppingPatience = 3 }));
    }

    [Fact]
    public void Empty_data_is_rejected()
    {
        var empty = new InMemorySamples(Array.Empty<float>(), 3, Array.Empty<float>(), 1);
        var error = Assert.Throws<InvalidDataException>(() => NetworkTrainer.Train(new LinearNet(), empty, new TrainingOptions()));
        Assert.Contains("no training samples", error.Message);
    }

    [Fact]
    public void Early_stopping_ends_on_the_best_validation_weights()
    {
        var net = new WideXorNet();
        var reports = new List<EpochReport>();
        TrainingHistory history = NetworkTrainer.Train(net, Regression2(), new TrainingOptions
        {
            Epochs = 300, BatchSize = 8, LearningRate = 2f, Seed = 4, ValidationFraction = 0.3f, EarlyStoppingPatience = 5,
            Progress = new SyncProgress(reports.Add),
        });

        Assert.Equal(history.Epochs, reports);
        Assert.True(history.ValidationSamples > 0);
        Assert.Equal(60, history.TrainingSamples + history.ValidationSamples);
        double best = history.Epochs.Min(e => e.ValidationLoss!.Value);
        Assert.Equal(best, history.Epochs[history.BestEpoch - 1].ValidationLoss);
        if (history.StoppedEarly) Assert.Equal(history.BestEpoch + 5, history.Epochs.Count);
    }

    [Fact]
    public void Cancellation_stops_between_batches()
    {
        using var cancel = new CancellationTokenSource();
        var net = new LinearNet();
        Assert.ThrowsAny<OperationCanceledException>(() => NetworkTrainer.Train(net, Regression(), new TrainingOptions
        {
            Epochs = 100, CancellationToken = cancel.Token,
            Progress = new SyncProgress(report => { if (report.Epoch == 2) cancel.Cancel(); }),
        }));
        Assert.All(net.Parameters, p => Assert.True(float.IsFinite(p)));
    }

    [Fact]
    public void Validation_split_is_deterministic_and_disjoint()
    {
        InMemorySamples data = Regression(rows: 1000);
        (ISampleSource train, ISampleSource validation) = SampleSplit.Create(data, 0.2, seed: 9);
        HashSet<long> trainRows = Rows(train), validationRows = Rows(validation);
        Assert.Empty(trainRows.Intersect(validationRows));
        Assert.Equal(1000, trainRows.Count + validationRows.Count);
        Assert.InRange(validationRows.Count, 150, 250);
        Assert.Equal(validationRows, Rows(SampleSplit.Create(data, 0.2, seed: 9).Validation));
    }

    private static HashSet<long> Rows(ISampleSource source)
    {
        var rows = new HashSet<long>();
        Span<float> input = stackalloc float[source.InputCount], target = stackalloc float[source.TargetCount];
        using ISampleCursor cursor = source.Open(3);
        while (cursor.MoveNext(input, target)) rows.Add(cursor.Row);
        return rows;
    }

    /// <summary>Noisy XOR-like 2-D points (one-hot targets) so that a wide net can overfit.</summary>
    private static InMemorySamples Regression2()
    {
        var random = new Random(2);
        int rows = 60;
        var inputs = new float[rows * 2];
        var targets = new float[rows * 2];
        for (int r = 0; r < rows; r++)
        {
            float a = (float)random.NextDouble(), b = (float)random.NextDouble();
            inputs[r * 2] = a;
            inputs[r * 2 + 1] = b;
            int label = ((a > 0.5f) ^ (b > 0.5f)) ^ (random.NextDouble() < 0.2) ? 1 : 0;
            targets[r * 2 + label] = 1f;
        }

        return new InMemorySamples(inputs, 2, targets, 2);
    }

    /// <summary>An IProgress that reports synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SyncProgress(Action<EpochReport> report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report(value);
    }
}
