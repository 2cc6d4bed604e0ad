using Backprop.Schedules;
using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.Training;

public class XorTrainingTests
{
    [Fact]
    public void A_2_3_1_sigmoid_net_learns_xor_from_a_fixed_seed()
    {
        var net = new XorNet();
        TrainingHistory history = NetworkTrainer.Train(net, XorData.Samples(), new TrainingOptions
        {
            Epochs = 4000, BatchSize = 4, LearningRate = 2f, Seed = 1,
        });

        Span<float> output = stackalloc float[1];
        for (int row = 0; row < 4; row++)
        {
            net.Forward([XorData.Inputs[row, 0], XorData.Inputs[row, 1]], output);
            Assert.True((output[0] > 0.5f) == (XorData.Targets[row, 0] > 0.5f), $"row {row}: output {output[0]} for target {XorData.Targets[row, 0]}");
        }

        Assert.True(history.Epochs[^1].TrainingLoss < 0.01 * history.Epochs[0].TrainingLoss,
            $"loss went from {history.Epochs[0].TrainingLoss} to {history.Epochs[^1].TrainingLoss}");
    }

    /// <summary>
    /// A 50-unit sigmoid hidden layer driven by a large constant learning rate: the loss jumps and saturates. With an
    /// L2 penalty (λΣw²/2N) and an inverse-time decay of the rate, the same network's loss never rises above its
    /// starting value, and it learns XOR.
    /// </summary>
    [Fact]
    public void A_2_50_2_net_with_l2_and_a_decaying_rate_never_blows_up()
    {
        TrainingHistory wild = NetworkTrainer.Train(new WideXorNet(), XorData.OneHotSamples(), new TrainingOptions
        {
            Epochs = 3000, BatchSize = 4, LearningRate = 100f, Seed = 3,
        });
        Assert.True(wild.Epochs.Max(e => e.TrainingLoss) >= 1.5 * wild.Epochs[0].TrainingLoss, "the untamed run is expected to blow up");

        var net = new WideXorNet();
        TrainingHistory history = NetworkTrainer.Train(net, XorData.OneHotSamples(), new TrainingOptions
        {
            Epochs = 3000, BatchSize = 4, LearningRate = 2f, L2 = 1e-4f, Schedule = new InverseTimeDecay(3e-4f), Seed = 3,
        });

        double first = history.Epochs[0].TrainingLoss;
        Assert.All(history.Epochs, e => Assert.True(double.IsFinite(e.TrainingLoss) && e.TrainingLoss <= first,
            $"epoch {e.Epoch}: loss {e.TrainingLoss} rose above the starting {first}"));
        Assert.True(history.Epochs[^1].TrainingLoss < 0.1 * first, $"loss only fell from {first} to {history.Epochs[^1].TrainingLoss}");
        Assert.True(history.Epochs[^1].LearningRate < history.Epochs[0].LearningRate);

        Span<float> output = stackalloc float[2];
        for (int row = 0; row < 4; row++)
        {
            net.Forward([XorData.Inputs[row, 0], XorData.Inputs[row, 1]], output);
            int predicted = output[1] > output[0] ? 1 : 0;
            Assert.Equal((int)XorData.Targets[row, 0], predicted);
        }
    }
}
