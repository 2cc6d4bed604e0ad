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
    public void Training_allocates_nothing_per_step_and_only_the_report_per_epoch()
    {
        long Allocated(int epochs)
        {
            InMemorySamples data = TestData.Regression(rows: 64);
            var options = new TrainingOptions { Epochs = epochs, BatchSize = 4, LearningRate = 1e-3f, Initialization = InitializationScheme.None };
            NetworkTrainer.Train(new LinearNet(), data, options); // warm up (JIT, statics)
            long before = GC.GetAllocatedBytesForCurrentThread();
            NetworkTrainer.Train(new LinearNet(), data, options);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // 200 more epochs, shuffled, 16 steps each: 3200 more steps. Each epoch adds its EpochReport (an 80-byte record
        // kept in the history) and the history's list grows (amortised ~16 bytes); nothing else: no cursor, no
        // permutation, nothing per step (one allocation per step would add ≥ 24 bytes × 3200 = 77 kB).
        long few = Allocated(100), many = Allocated(300);
        Assert.True(many - few < 200 * 128, $"100 epochs allocate {few} bytes, 300 epochs {many}: {(many - few) / 200.0:F1} bytes per extra epoch");
    }

    /// <summary>The same samples behind a plain <see cref="ISampleSource"/>: the trainer reads them through the cursor.</summary>
    private sealed class CursorOnly(InMemorySamples inner) : ISampleSource
    {
        public int InputCount => inner.InputCount;

        public int TargetCount => inner.TargetCount;

        public long? Count => inner.Count;

        public ISampleCursor Open(int? shuffleSeed) => inner.Open(shuffleSeed);
    }
}
