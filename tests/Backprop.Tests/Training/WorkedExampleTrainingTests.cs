using Backprop.Initialization;
using Backprop.Tests.Networks;
using Backprop.Tests.WorkedExample;
using Backprop.Training;
using Xunit;

namespace Backprop.Tests.Training;

/// <summary>The 2-2-2 worked example, trained by <see cref="NetworkTrainer"/> rather than by hand.</summary>
public class WorkedExampleTrainingTests
{
    private static InMemorySamples Sample() => new([[1f, 1.5f]], [[2.5f, 3f]]);

    [Fact]
    public void One_sgd_step_of_the_trainer_gives_every_printed_weight()
    {
        WorkedExampleNet net = WorkedExampleTests.CreateNetwork();
        TrainingHistory history = NetworkTrainer.Train(net, Sample(), new TrainingOptions
        {
            Epochs = 1, BatchSize = 1, LearningRate = 0.1f, Initialization = InitializationScheme.None,
        });

        Assert.Equal(114.6753125, history.Epochs[0].TrainingLoss, 1e-4);   // E, measured before the step
        // wᵢ − η ∂E/∂wᵢ with ∂E/∂w1..w8 = 41.93, 16.8875, 62.895, 25.33125, 25.9875, 63, 33.20625, 80.5.
        Assert.Equal(1.5 - 4.193, net.Hidden.Weights[0, 0], 1e-5);      // w1
        Assert.Equal(2 - 1.68875, net.Hidden.Weights[1, 0], 1e-5);      // w2
        Assert.Equal(2 - 6.2895, net.Hidden.Weights[0, 1], 1e-5);       // w3
        Assert.Equal(2.5 - 2.533125, net.Hidden.Weights[1, 1], 1e-5);   // w4
        Assert.Equal(-1.39875, net.Output.Weights[0, 0], 1e-5);         // w5
        Assert.Equal(2.5 - 6.3, net.Output.Weights[1, 0], 1e-5);        // w6
        Assert.Equal(0.5 - 3.320625, net.Output.Weights[0, 1], 1e-5);   // w7
        Assert.Equal(1 - 8.05, net.Output.Weights[1, 1], 1e-5);         // w8
    }

    [Fact]
    public void With_eta_0_1_the_example_diverges_and_keeps_finite_weights()
    {
        WorkedExampleNet net = WorkedExampleTests.CreateNetwork();
        var error = Assert.Throws<TrainingDivergedException>(() => NetworkTrainer.Train(net, Sample(), new TrainingOptions
        {
            Epochs = 200, BatchSize = 1, LearningRate = 0.1f, Initialization = InitializationScheme.None,
        }));
        Assert.Equal(1, error.Batch);
        Assert.True(error.Epoch > 2);
        Assert.All(net.Parameters, p => Assert.True(float.IsFinite(p)));
    }

    [Fact]
    public void A_smaller_rate_trains_the_example_to_its_targets()
    {
        WorkedExampleNet net = WorkedExampleTests.CreateNetwork();
        TrainingHistory history = NetworkTrainer.Train(net, Sample(), new TrainingOptions
        {
            Epochs = 200, BatchSize = 1, LearningRate = 0.005f, Initialization = InitializationScheme.None,
        });

        Span<float> output = stackalloc float[2];
        net.Forward([1f, 1.5f], output);
        Assert.Equal(2.5, output[0], 1e-3);
        Assert.Equal(3.0, output[1], 1e-3);
        Assert.True(history.Epochs[^1].TrainingLoss < 1e-6, $"final E = {history.Epochs[^1].TrainingLoss}");
    }
}
