using Backprop.Initialization;
using Backprop.Optimizers;
using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.Training;

/// <summary>
/// The step loop's fast paths against the plain ones: the fused SGD step, the cursor-free gather of in-memory samples
/// and the allocation-free shuffle must give exactly what the general path gives.
/// </summary>
public class StepLoopTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 7)]
    [InlineData(2, -7)]
    [InlineData(10, int.MinValue)]
    [InlineData(1000, int.MaxValue)]
    [InlineData(10_000, 1_000_003)]
    public void The_allocation_free_shuffle_is_the_order_of_a_seeded_Random(int count, int seed)
    {
        var expected = new int[count];
        for (int i = 0; i < count; i++) expected[i] = i;
        var random = new Random(seed);
        for (int i = count - 1; i > 0; i--)
        {
            int j = random.Next(i + 1);
            (expected[i], expected[j]) = (expected[j], expected[i]);
        }

        var order = new int[count];
        SeededPermutation.Fill(order, seed);
        Assert.Equal(expected, order);
    }

    [Fact]
    public void The_fused_SGD_step_and_the_in_memory_gather_give_the_weights_of_the_general_path()
    {
        float[] Run(bool general)
        {
            var net = new WideNet();
            InMemorySamples data = TestData.Random(300, 64, 10, seed: 3);
            NetworkTrainer.Train(net, general ? new CursorOnly(data) : data, new TrainingOptions
            {
                Epochs = 4, BatchSize = 32, LearningRate = 0.1f, Seed = 4, L2 = 0.01f,
                Optimizer = general ? new RecordingOptimizer(new Sgd()) : null,
            });
            return net.Parameters;
        }

        Assert.Equal(Run(general: true), Run(general: false));
    }

    [Fact]
    public void Training_allocates_nothing_per_step_nor_per_epoch()
    {
        // Measured between two epochs' reports, on the training thread: epochs 50 to 250 of a shuffled run, 16 steps
        // each (3200 steps). Their reports are values in a history reserved at the start, so nothing at all is allocated;
        // one object per step would add ≥ 24 bytes × 3200 = 77 kB, one per epoch ≥ 4.8 kB.
        long at50 = 0, at250 = 0;
        var progress = new Recorder(report =>
        {
            if (report.Epoch == 50) at50 = GC.GetAllocatedBytesForCurrentThread();
            if (report.Epoch == 250) at250 = GC.GetAllocatedBytesForCurrentThread();
        });
        InMemorySamples data = TestData.Regression(rows: 64);
        var options = new TrainingOptions { Epochs = 300, BatchSize = 4, LearningRate = 1e-3f, Initialization = InitializationScheme.None, Progress = progress };
        NetworkTrainer.Train(new LinearNet(), data, options); // warm up (JIT, statics)
        NetworkTrainer.Train(new LinearNet(), data, options);
        Assert.Equal(0, at250 - at50);
    }

    [Fact]
    public void With_a_hold_out_training_and_validation_allocate_nothing_per_epoch()
    {
        // ValidationFraction on in-memory samples: both parts stay in memory (no per-epoch permutation, no cursor).
        long at50 = 0, at250 = 0;
        var progress = new Recorder(report =>
        {
            if (report.Epoch == 50) at50 = GC.GetAllocatedBytesForCurrentThread();
            if (report.Epoch == 250) at250 = GC.GetAllocatedBytesForCurrentThread();
        });
        InMemorySamples data = TestData.Regression(rows: 80);
        var options = new TrainingOptions
        {
            Epochs = 300, BatchSize = 4, LearningRate = 1e-3f, Initialization = InitializationScheme.None, Progress = progress,
            ValidationFraction = 0.25f, EarlyStoppingPatience = 1000,
        };
        NetworkTrainer.Train(new LinearNet(), data, options); // warm up (JIT, statics)
        TrainingHistory history = NetworkTrainer.Train(new LinearNet(), data, options);
        Assert.NotNull(history.Epochs[^1].ValidationLoss);
        Assert.Equal(0, at250 - at50);
    }

    [Fact]
    public void The_in_memory_hold_out_has_the_rows_of_the_streamed_split_named_as_in_the_source()
    {
        var random = new Random(3);
        float[] inputs = Enumerable.Range(0, 300 * 2).Select(_ => (float)random.NextDouble()).ToArray();
        float[] targets = Enumerable.Range(0, 300).Select(_ => (float)random.NextDouble()).ToArray();
        float[] weights = Enumerable.Range(0, 300).Select(r => 0.5f + r % 3).ToArray();
        var data = new InMemorySamples(inputs, 2, targets, 1, weights);
        (InMemorySamples training, InMemorySamples validation) = data.Split(0.3, seed: 11);
        (ISampleSource streamedTraining, ISampleSource streamedValidation) = SampleSplit.Create(data, 0.3, 11);
        Assert.Equal(Read(streamedTraining), Read(training));
        Assert.Equal(Read(streamedValidation), Read(validation));
        Assert.Equal(300, training.Rows + validation.Rows);
        Assert.InRange(validation.Rows, 60, 120);

        static List<(long Row, float Weight, float X0, float X1, float T)> Read(ISampleSource source)
        {
            var rows = new List<(long, float, float, float, float)>();
            var input = new float[2];
            var target = new float[1];
            using ISampleCursor cursor = source.Open(null);
            while (cursor.MoveNext(input, target)) rows.Add((cursor.Row, cursor.Weight, input[0], input[1], target[0]));
            return rows;
        }
    }

    [Fact]
    public void The_in_memory_hold_out_reads_the_same_arrays_instead_of_copying_them()
    {
        // 20,000 rows of 50 inputs: 4 MB of values; the two parts take their row positions only (80 kB, list growth aside).
        var data = new InMemorySamples(new float[20_000 * 50], 50, new float[20_000], 1);
        data.Split(0.2, seed: 1); // warm up
        long before = GC.GetAllocatedBytesForCurrentThread();
        (InMemorySamples training, InMemorySamples validation) = data.Split(0.2, seed: 1);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(20_000, training.Rows + validation.Rows);
        Assert.True(allocated < 400_000, $"{allocated} bytes allocated to split 4 MB of samples");
    }

    private sealed class Recorder(Action<EpochReport> report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report(value);
    }
}
