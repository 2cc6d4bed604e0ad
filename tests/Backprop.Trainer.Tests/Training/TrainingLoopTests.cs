using Backprop.Initialization;
using Backprop.Optimizers;
using Backprop.Schedules;
using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.Training;

/// <summary>What one step does (mean gradient, last partial batch, L2, clipping) and what the history records.</summary>
public class TrainingLoopTests
{
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
            using var _ = new GemmThreads(threads);
            var net = new ThreadedNet();
            NetworkTrainer.Train(net, new InMemorySamples(inputs, 256, targets, 10), new TrainingOptions { Epochs = 2, BatchSize = 64, LearningRate = 0.05f, Seed = 3 });
            return net.Parameters;
        }

        Assert.Equal(Run(1), Run(2));
    }

    [Fact]
    public void Linear_regression_recovers_the_coefficients()
    {
        var net = new LinearNet();
        TrainingHistory history = NetworkTrainer.Train(net, TestData.Regression(), new TrainingOptions { Epochs = 200, BatchSize = 16, LearningRate = 0.1f, Seed = 1 });
        Assert.Equal(2f, net.Output.Weights[0, 0], 0.05f);
        Assert.Equal(-1f, net.Output.Weights[0, 1], 0.05f);
        Assert.Equal(0.5f, net.Output.Weights[0, 2], 0.05f);
        Assert.Equal(1f, net.Output.Biases[0], 0.05f);
        Assert.True(history.Epochs[^1].TrainingLoss < 0.01, $"final loss {history.Epochs[^1].TrainingLoss}"); // noise variance ≈ 0.0008
    }

    [Fact]
    public void Each_step_gets_the_mean_gradient_of_its_batch_and_the_last_partial_batch_is_kept()
    {
        // 10 rows in batches of 4: batches of 4, 4 and 2 rows, in stored order.
        InMemorySamples data = TestData.Regression(rows: 10);
        var recorder = new RecordingOptimizer(new Sgd());
        NetworkTrainer.Train(new LinearNet(), data, new TrainingOptions
        {
            Epochs = 2, BatchSize = 4, Shuffle = false, LearningRate = 0.1f, Optimizer = recorder, Seed = 5,
        });

        Assert.Equal(1, recorder.Resets);
        Assert.Equal(6, recorder.Gradients.Count);
        float[] inputs = new float[30], targets = new float[10];
        using (ISampleCursor cursor = data.Open(null))
            for (int r = 0; r < 10; r++) cursor.MoveNext(inputs.AsSpan(r * 3, 3), targets.AsSpan(r, 1));

        int[] starts = [0, 4, 8, 0, 4, 8], sizes = [4, 4, 2, 4, 4, 2];
        for (int step = 0; step < 6; step++)
        {
            // The mean of the per-sample gradients at the weights before the step.
            var expected = new double[LinearNet.ParameterCount];
            for (int r = starts[step]; r < starts[step] + sizes[step]; r++)
            {
                float[] one = new float[LinearNet.ParameterCount];
                LinearNet.Backward(recorder.Before[step], one, inputs.AsSpan(r * 3, 3), targets.AsSpan(r, 1), 1f);
                for (int i = 0; i < one.Length; i++) expected[i] += one[i] / (double)sizes[step];
            }

            for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], recorder.Gradients[step][i], 1e-5);
        }
    }

    [Fact]
    public void One_step_applies_the_mean_gradient_plus_the_l2_term_on_weights_only()
    {
        InMemorySamples data = TestData.Regression(rows: 8);
        float[] start = [0.3f, -0.2f, 0.1f, 0.05f];
        var net = new LinearNet(start);

        // Expected: θ − η(mean ∂C/∂θ + (λ/N) w), the L2 term on the weights only (the bias, θ₃, has none).
        var expected = new LinearNet(start);
        float[] workspace = new float[LinearNet.BatchWorkspaceSize(8)];
        float[] inputs = new float[8 * 3], targets = new float[8];
        using (ISampleCursor cursor = data.Open(null))
            for (int r = 0; r < 8; r++) cursor.MoveNext(inputs.AsSpan(r * 3, 3), targets.AsSpan(r, 1));
        float loss = LinearNet.BackwardBatch(expected.Parameters, expected.Gradients, inputs, targets, 8, 1f / 8, workspace);
        const float eta = 0.1f, lambda = 0.4f;
        for (int i = 0; i < 3; i++) expected.Gradients[i] += lambda / 8 * start[i];
        for (int i = 0; i < 4; i++) expected.Parameters[i] -= eta * expected.Gradients[i];

        TrainingHistory history = NetworkTrainer.Train(net, data, new TrainingOptions
        {
            Epochs = 1, BatchSize = 8, LearningRate = eta, L2 = lambda, Initialization = InitializationScheme.None, Shuffle = false,
        });
        for (int i = 0; i < 4; i++) Assert.Equal(expected.Parameters[i], net.Parameters[i], 1e-6f);

        // The reported loss is the data loss before the step plus λ/(2N) Σ w² over the weights after it.
        double penalty = lambda / (2.0 * 8) * net.Parameters.Take(3).Sum(w => (double)w * w);
        Assert.Equal(loss / 8.0 + penalty, history.Epochs[0].TrainingLoss, 1e-6);
    }

    [Fact]
    public void Gradient_clipping_rescales_a_large_gradient_to_the_limit_and_leaves_a_small_one()
    {
        var clipped = new RecordingOptimizer(new Sgd());
        NetworkTrainer.Train(new LinearNet(), TestData.Regression(rows: 8), new TrainingOptions
        {
            Epochs = 1, BatchSize = 8, LearningRate = 1f, GradientClipNorm = 0.01f, Optimizer = clipped,
        });
        var free = new RecordingOptimizer(new Sgd());
        NetworkTrainer.Train(new LinearNet(), TestData.Regression(rows: 8), new TrainingOptions
        {
            Epochs = 1, BatchSize = 8, LearningRate = 1f, Optimizer = free,
        });

        double freeNorm = Norm(free.Gradients[0]);
        Assert.True(freeNorm > 0.01);
        Assert.Equal(0.01, Norm(clipped.Gradients[0]), 1e-6);
        for (int i = 0; i < 4; i++) Assert.Equal(free.Gradients[0][i] * 0.01 / freeNorm, clipped.Gradients[0][i], 1e-6);  // same direction

        var loose = new RecordingOptimizer(new Sgd());
        NetworkTrainer.Train(new LinearNet(), TestData.Regression(rows: 8), new TrainingOptions
        {
            Epochs = 1, BatchSize = 8, LearningRate = 1f, GradientClipNorm = (float)(2 * freeNorm), Optimizer = loose,
        });
        Assert.Equal(free.Gradients[0], loose.Gradients[0]);
    }

    [Fact]
    public void History_and_progress_report_every_epoch_with_the_scheduled_rate()
    {
        var reports = new List<EpochReport>();
        var recorder = new RecordingOptimizer(new Sgd());
        TrainingHistory history = NetworkTrainer.Train(new LinearNet(), TestData.Regression(rows: 50), new TrainingOptions
        {
            Epochs = 7, BatchSize = 10, LearningRate = 0.2f, Schedule = new StepDecay(3, 0.5f), Optimizer = recorder,
            Progress = new SyncProgress(reports.Add),
        });

        Assert.Equal(history.Epochs, reports);
        Assert.Equal([1, 2, 3, 4, 5, 6, 7], history.Epochs.Select(e => e.Epoch));
        Assert.Equal([0.2, 0.2, 0.2, 0.1, 0.1, 0.1, 0.05], history.Epochs.Select(e => Math.Round(e.LearningRate, 6)));
        Assert.Equal(history.Epochs.SelectMany(e => Enumerable.Repeat((float)e.LearningRate, 5)), recorder.LearningRates);
        Assert.All(history.Epochs, e => Assert.True(e.ValidationLoss is null && e.Elapsed >= TimeSpan.Zero));
        Assert.True(history.Epochs[^1].TrainingLoss < history.Epochs[0].TrainingLoss);
        Assert.Equal(50, history.TrainingSamples);
        Assert.Equal(0, history.ValidationSamples);
        Assert.Equal(7, history.BestEpoch);
        Assert.False(history.StoppedEarly);
    }

    [Fact]
    public void Validation_split_is_deterministic_and_disjoint()
    {
        InMemorySamples data = TestData.Regression(rows: 1000);
        (ISampleSource train, ISampleSource validation) = SampleSplit.Create(data, 0.2, seed: 9);
        HashSet<long> trainRows = Rows(train), validationRows = Rows(validation);
        Assert.Empty(trainRows.Intersect(validationRows));
        Assert.Equal(1000, trainRows.Count + validationRows.Count);
        Assert.InRange(validationRows.Count, 150, 250);
        Assert.Equal(validationRows, Rows(SampleSplit.Create(data, 0.2, seed: 9).Validation));
        Assert.NotEqual(validationRows, Rows(SampleSplit.Create(data, 0.2, seed: 10).Validation));
    }

    private static HashSet<long> Rows(ISampleSource source)
    {
        var rows = new HashSet<long>();
        Span<float> input = stackalloc float[source.InputCount], target = stackalloc float[source.TargetCount];
        using ISampleCursor cursor = source.Open(3);
        while (cursor.MoveNext(input, target)) rows.Add(cursor.Row);
        return rows;
    }

    private static double Norm(float[] values) => Math.Sqrt(values.Sum(v => (double)v * v));
}
