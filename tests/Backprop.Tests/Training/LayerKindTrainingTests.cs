using Backprop.Kernels;
using Backprop.Optimizers;
using Backprop.Tests.GradientChecks;
using Backprop.Training;
using Xunit;

namespace Backprop.Tests.Training;

/// <summary>Training networks with every layer kind: determinism across threads and seeds, weights, the state buffer.</summary>
public class LayerKindTrainingTests
{
    private static (float[] Inputs, float[] Targets) Data(int rows)
    {
        var random = new Random(5);
        var inputs = new float[rows * 4];
        var targets = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            for (int i = 0; i < 4; i++) inputs[r * 4 + i] = (float)(random.NextDouble() * 2 - 1);
            targets[r] = inputs[r * 4] * inputs[r * 4 + 1] + 0.3f * inputs[r * 4 + 2] > 0 ? 1f : 0f;
        }

        return (inputs, targets);
    }

    private static CheckEveryKind Train(int seed, int threads, float[]? weights = null, float[]? classWeights = null)
    {
        (float[] inputs, float[] targets) = Data(200);
        var net = new CheckEveryKind();
        int saved = Gemm.MaxThreads;
        Gemm.MaxThreads = threads;
        try
        {
            ISampleSource data = weights is null ? new InMemorySamples(inputs, 4, targets, 1) : new InMemorySamples(inputs, 4, targets, 1, weights);
            NetworkTrainer.Train(net, data, new TrainingOptions { Epochs = 5, BatchSize = 16, LearningRate = 0.01f, Optimizer = new Adam(), Seed = seed, ClassWeights = classWeights });
        }
        finally
        {
            Gemm.MaxThreads = saved;
        }

        return net;
    }

    [Fact]
    public void Same_seed_gives_bit_identical_parameters_and_state_for_any_thread_count()
    {
        CheckEveryKind one = Train(3, threads: 1), two = Train(3, threads: 2), again = Train(3, threads: 1);
        Assert.Equal(one.Parameters, two.Parameters);
        Assert.Equal(one.State, two.State);
        Assert.Equal(one.Parameters, again.Parameters);
        Assert.NotEqual(one.Parameters, Train(4, threads: 1).Parameters); // the seed reaches the dropout masks and the initialisation
    }

    [Fact]
    public void Training_moves_the_running_statistics_and_inference_uses_them()
    {
        CheckEveryKind net = Train(3, threads: 1);
        var fresh = new CheckEveryKind();
        Assert.NotEqual(fresh.State, net.State);
        BatchNormLayer norm = net.Norm2;
        Assert.All(Enumerable.Range(0, norm.Units), j => Assert.True(norm.RunningVariance[j] > 0f));

        // Inference is deterministic (no dropout) and reads the running statistics.
        var output = new float[1];
        var again = new float[1];
        float[] input = [0.5f, -0.5f, 0.2f, 0.1f];
        net.Forward(input, output);
        net.Forward(input, again);
        Assert.Equal(output, again);
        net.State.AsSpan().Fill(1f);
        net.Forward(input, again);
        Assert.NotEqual(output[0], again[0]);
    }

    [Fact]
    public void Integer_sample_weights_train_like_repeated_rows()
    {
        (float[] inputs, float[] targets) = Data(6);
        float[] weights = [2f, 1f, 1f, 3f, 1f, 1f];
        var repeatedInputs = new List<float>();
        var repeatedTargets = new List<float>();
        for (int r = 0; r < 6; r++)
            for (int k = 0; k < weights[r]; k++)
            {
                repeatedInputs.AddRange(inputs.AsSpan(r * 4, 4).ToArray());
                repeatedTargets.Add(targets[r]);
            }

        var weighted = new CheckSoftplusMultiLabelLike();
        var repeated = new CheckSoftplusMultiLabelLike();
        var options = new TrainingOptions { Epochs = 3, BatchSize = 100, LearningRate = 0.1f, Shuffle = false, Seed = 1 };
        NetworkTrainer.Train(weighted, new InMemorySamples(inputs, 4, targets, 1, weights), options);
        NetworkTrainer.Train(repeated, new InMemorySamples(repeatedInputs.ToArray(), 4, repeatedTargets.ToArray(), 1), options);
        for (int i = 0; i < weighted.Parameters.Length; i++) Assert.Equal(repeated.Parameters[i], weighted.Parameters[i], 5);
    }

    [Fact]
    public void Sample_weights_reach_the_training_rows_when_a_validation_fraction_is_held_out()
    {
        (float[] inputs, float[] targets) = Data(50);
        var zero = new float[50];
        var options = new TrainingOptions { Epochs = 2, BatchSize = 8, LearningRate = 0.1f, Seed = 2, ValidationFraction = 0.3f };
        var trained = new CheckSoftplusMultiLabelLike();
        NetworkTrainer.Train(trained, new InMemorySamples(inputs, 4, targets, 1, zero), options);
        var initial = new CheckSoftplusMultiLabelLike();
        NetworkTrainer.Train(initial, new InMemorySamples(inputs, 4, targets, 1, zero), new TrainingOptions { Epochs = 1, BatchSize = 8, LearningRate = 1e-30f, Seed = 2 });
        Assert.Equal(initial.Parameters, trained.Parameters); // every weight is 0: nothing is learned, split or not
    }

    [Fact]
    public void Class_weights_of_one_change_nothing_and_others_change_the_weights()
    {
        CheckEveryKind plain = Train(3, threads: 1), ones = Train(3, threads: 1, classWeights: [1f, 1f]);
        Assert.Equal(plain.Parameters, ones.Parameters);
        Assert.NotEqual(plain.Parameters, Train(3, threads: 1, classWeights: [1f, 4f]).Parameters);
        Assert.Throws<ArgumentException>(() => Train(3, threads: 1, classWeights: [1f, 2f, 3f]));
    }

    [Fact]
    public void A_network_with_rms_norm_learns_through_the_trainer()
    {
        (float[] inputs, float[] targets) = Data(200);
        var net = new RMSNormLearner();
        TrainingHistory history = NetworkTrainer.Train(net, new InMemorySamples(inputs, 4, targets, 1),
            new TrainingOptions { Epochs = 60, BatchSize = 16, LearningRate = 0.01f, Optimizer = new Adam(), Seed = 7 });
        Assert.True(history.Epochs[^1].TrainingLoss < 0.5 * history.Epochs[0].TrainingLoss,
            $"loss {history.Epochs[0].TrainingLoss} → {history.Epochs[^1].TrainingLoss}");
        Assert.NotEqual(Enumerable.Repeat(1f, RMSNormLearner.NormUnits), net.Norm.Gain.AsSpan().ToArray()); // γ is trained

        int correct = 0;
        var output = new float[1];
        for (int r = 0; r < 200; r++)
        {
            net.Forward(inputs.AsSpan(r * 4, 4), output);
            if (output[0] > 0.5f == targets[r] > 0.5f) correct++;
        }

        Assert.True(correct >= 180, $"{correct} of 200 right");
    }
}

/// <summary>x₀x₁ + 0.3x₂ &gt; 0 through an RMS normalisation of the hidden layer.</summary>
[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
public partial class RMSNormLearner
{
    [Dense(16, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [RMSNorm] public partial RMSNormLayer Norm { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

/// <summary>A one-output binary network without dropout or batch statistics, for the weights-as-repetition check.</summary>
[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
public partial class CheckSoftplusMultiLabelLike
{
    [Dense(5, Activation.Softplus)] public partial DenseLayer Hidden { get; }
    [LayerNorm] public partial LayerNormLayer Norm { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}
