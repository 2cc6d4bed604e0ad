using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.Training;

/// <summary>Targets outside their loss's domain are rejected with the row number; regression losses take any finite target.</summary>
public class TargetDomainTests
{
    private static readonly float[] Start = [0.1f, 0.2f, 0.3f, 0.4f];

    /// <summary>Ten rows of XOR-like inputs with valid one-hot targets, except <paramref name="badRow"/>.</summary>
    private static InMemorySamples TwoClass(int badRow, float[] badTarget)
    {
        var inputs = new float[10 * 2];
        var targets = new float[10 * 2];
        for (int r = 0; r < 10; r++)
        {
            inputs[2 * r] = r % 2;
            inputs[2 * r + 1] = r / 5;
            targets[2 * r + (r % 2)] = 1f;
        }

        badTarget.CopyTo(targets, 2 * badRow);
        return new InMemorySamples(inputs, 2, targets, 2);
    }

    [Theory]
    [InlineData(-1f, 2f, "target value 0 is -1")]
    [InlineData(2f, -1f, "target value 0 is 2")]
    [InlineData(5f, 0f, "target value 0 is 5")]
    [InlineData(0.5f, 0f, "the targets sum to 0.5")]
    [InlineData(0f, 0f, "the targets sum to 0")]
    [InlineData(0.75f, 0.75f, "the targets sum to 1.5")]
    public void Softmax_targets_outside_a_distribution_are_rejected_with_the_row(float t0, float t1, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() =>
            NetworkTrainer.Train(new SoftmaxPairNet(), TwoClass(6, [t0, t1]), new TrainingOptions { Epochs = 1, Shuffle = false }));
        Assert.StartsWith($"Row 6: {expected}", error.Message);
        Assert.Contains("SoftmaxCrossEntropy needs targets in [0, 1] that sum to 1", error.Message);
    }

    [Fact]
    public void Smoothed_softmax_targets_are_accepted()
    {
        NetworkTrainer.Train(new SoftmaxPairNet(), TwoClass(6, [0.9f, 0.1f]), new TrainingOptions { Epochs = 1 });
    }

    [Theory]
    [InlineData(2f)]
    [InlineData(-1f)]
    [InlineData(1.0001f)]
    public void Binary_cross_entropy_targets_outside_0_1_are_rejected_with_the_row_and_the_weights_kept(float target)
    {
        var net = new BinaryXorNet();
        float[] before = (float[])net.Parameters.Clone();
        var targets = new float[20];
        targets[13] = target;
        var error = Assert.Throws<InvalidDataException>(() =>
            NetworkTrainer.Train(net, new InMemorySamples(new float[20 * 2], 2, targets, 1), new TrainingOptions { Epochs = 2, BatchSize = 4 }));
        Assert.StartsWith($"Row 13: target value 0 is {target}", error.Message);
        Assert.Contains("BinaryCrossEntropy needs targets in [0, 1]", error.Message);
        Assert.Equal(before, net.Parameters);
    }

    [Fact]
    public void Validation_targets_are_checked_too()
    {
        var targets = new float[8];
        targets[5] = 3f;
        var validation = new InMemorySamples(new float[8 * 2], 2, targets, 1);
        var error = Assert.Throws<InvalidDataException>(() =>
            NetworkTrainer.Train(new BinaryXorNet(), new InMemorySamples(new float[8 * 2], 2, new float[8], 1), validation, new TrainingOptions { Epochs = 1 }));
        Assert.StartsWith("Row 5: target value 0 is 3", error.Message);
    }

    [Fact]
    public void Regression_losses_accept_any_finite_target()
    {
        var targets = new float[10];
        targets[3] = -1e6f;
        targets[4] = 2e6f;
        NetworkTrainer.Train(new LinearNet(Start), new InMemorySamples(new float[10 * 3], 3, targets, 1), new TrainingOptions { Epochs = 1, LearningRate = 1e-12f });
    }

    [Fact]
    public void Every_loss_states_its_domain_and_an_unknown_loss_is_refused()
    {
        foreach (Loss loss in Enum.GetValues<Loss>())
            TargetDomain.Check(loss, [1f], row: 0); // a one-element target of 1 is in every domain
        var error = Assert.Throws<NotSupportedException>(() => TargetDomain.Check((Loss)99, [0f], row: 0));
        Assert.Contains("Loss 99 has no target domain", error.Message);
    }
}
