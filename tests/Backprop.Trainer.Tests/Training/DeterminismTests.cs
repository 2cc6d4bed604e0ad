using Backprop.Optimizers;
using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.Training;

public class DeterminismTests
{
    [Fact]
    public void Same_seed_gives_bit_identical_weights_and_another_seed_does_not()
    {
        float[] Run(int seed)
        {
            var net = new WideXorNet();
            NetworkTrainer.Train(net, XorData.OneHotSamples(), new TrainingOptions
            {
                Epochs = 50, BatchSize = 3, LearningRate = 0.5f, Seed = seed, Optimizer = new Momentum(0.9f, nesterov: true),
            });
            return net.Parameters;
        }

        Assert.Equal(Run(11), Run(11));
        Assert.NotEqual(Run(11), Run(12));
    }

    [Fact]
    public void The_shuffled_order_changes_every_epoch_and_depends_only_on_the_seed()
    {
        List<List<long>> Epochs(int seed, bool shuffle = true)
        {
            var source = new RecordingSource(TestData.Regression(rows: 10));
            NetworkTrainer.Train(new LinearNet(), source, new TrainingOptions { Epochs = 3, BatchSize = 4, Seed = seed, Shuffle = shuffle });
            return source.Passes;
        }

        List<List<long>> a = Epochs(3), b = Epochs(3), c = Epochs(4);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        Assert.All(a, pass => Assert.Equal(Enumerable.Range(0, 10).Select(r => (long)r), pass.Order()));
        Assert.NotEqual(a[0], a[1]);
        Assert.NotEqual(a[1], a[2]);
        Assert.All(Epochs(3, shuffle: false), pass => Assert.Equal(Enumerable.Range(0, 10).Select(r => (long)r), pass));
    }

    /// <summary>Batches of 256 on a 64-128-10 net are large enough for the GEMM kernels to split across threads.</summary>
    [Fact]
    public void Weights_are_bit_identical_with_one_or_several_gemm_threads()
    {
        float[] Run(int threads)
        {
            using var _ = new GemmThreads(threads);
            var net = new WideNet();
            NetworkTrainer.Train(net, TestData.Random(512, 64, 10, seed: 1), new TrainingOptions
            {
                Epochs = 3, BatchSize = 256, LearningRate = 0.05f, Seed = 9, Optimizer = new Adam(),
            });
            return net.Parameters;
        }

        Assert.Equal(Run(1), Run(4));
    }

    [Fact]
    public void Training_allocates_nothing_per_batch()
    {
        long Allocated(int rows)
        {
            InMemorySamples data = TestData.Regression(rows);
            var options = new TrainingOptions { Epochs = 5, BatchSize = 1, Shuffle = false, LearningRate = 1e-3f };
            NetworkTrainer.Train(new LinearNet(), data, options);   // warm up (JIT, statics)
            long before = GC.GetAllocatedBytesForCurrentThread();
            NetworkTrainer.Train(new LinearNet(), data, options);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // 1000 more batches (5 epochs × 200 more rows) must not cost more memory: anything per batch would add ≥ 24 kB.
        long small = Allocated(200), large = Allocated(400);
        Assert.True(large - small < 1024, $"200 rows allocate {small} bytes, 400 rows {large}: {large - small} more for 1000 more batches");
    }

    /// <summary>Records the rows each pass visits, in order.</summary>
    private sealed class RecordingSource(ISampleSource inner) : ISampleSource
    {
        public List<List<long>> Passes { get; } = [];

        public int InputCount => inner.InputCount;

        public int TargetCount => inner.TargetCount;

        public long? Count => inner.Count;

        public ISampleCursor Open(int? shuffleSeed)
        {
            var rows = new List<long>();
            Passes.Add(rows);
            return new Cursor(inner.Open(shuffleSeed), rows);
        }

        private sealed class Cursor(ISampleCursor inner, List<long> rows) : ISampleCursor
        {
            public long Row => inner.Row;

            public bool MoveNext(Span<float> input, Span<float> target)
            {
                if (!inner.MoveNext(input, target)) return false;
                rows.Add(inner.Row);
                return true;
            }

            public void Dispose() => inner.Dispose();
        }
    }
}
