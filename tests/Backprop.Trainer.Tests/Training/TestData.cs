using Backprop.Training;

namespace Backprop.Trainer.Tests.Training;

/// <summary>Small deterministic data sets for the training-loop tests.</summary>
internal static class TestData
{
    /// <summary>y = 2x₀ − x₁ + 0.5x₂ + 1 plus a little noise; optionally a NaN in input 1 of <paramref name="nanRow"/>.</summary>
    public static InMemorySamples Regression(int rows = 200, int seed = 5, int nanRow = -1)
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

    /// <summary>Noisy XOR-like points in the unit square (one-hot targets, 20% of labels flipped) that a wide net overfits.</summary>
    public static InMemorySamples NoisyXor(int rows = 60, int seed = 2)
    {
        var random = new Random(seed);
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

    /// <summary>Random inputs in [−1, 1] and random one-hot targets for a network of the given sizes.</summary>
    public static InMemorySamples Random(int rows, int inputCount, int classes, int seed)
    {
        var random = new Random(seed);
        var inputs = new float[rows * inputCount];
        var targets = new float[rows * classes];
        for (int i = 0; i < inputs.Length; i++) inputs[i] = (float)(random.NextDouble() * 2 - 1);
        for (int r = 0; r < rows; r++) targets[r * classes + random.Next(classes)] = 1f;
        return new InMemorySamples(inputs, inputCount, targets, classes);
    }
}

/// <summary>An IProgress that reports synchronously on the training thread (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class SyncProgress(Action<EpochReport> report) : IProgress<EpochReport>
{
    public void Report(EpochReport value) => report(value);
}
