using Backprop.Initialization;
using Backprop.Optimizers;
using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.Training;

public class DivergenceTests
{
    [Fact]
    public void A_diverging_run_names_epoch_and_batch_and_keeps_the_weights_before_the_step_that_broke_it()
    {
        var net = new LinearNet();
        var recorder = new RecordingOptimizer(new Sgd());
        var error = Assert.Throws<TrainingDivergedException>(() => NetworkTrainer.Train(net, TestData.Regression(), new TrainingOptions
        {
            Epochs = 100, BatchSize = 16, LearningRate = 50f, Seed = 1, Optimizer = recorder,
        }));

        Assert.Contains($"epoch {error.Epoch}, batch {error.Batch}", error.Message);
        Assert.Contains("lower learning rate than 50", error.Message);
        Assert.Equal(50f, error.LearningRate);

        // 200 rows in batches of 16: 13 steps per epoch; the failing batch is the one after the last recorded step
        // (a non-finite loss) or the last recorded step itself (a non-finite weight).
        int stepsPerEpoch = 13, failingStep = (error.Epoch - 1) * stepsPerEpoch + error.Batch;
        Assert.InRange(recorder.Before.Count, failingStep - 1, failingStep);
        Assert.Equal(recorder.Before[^1], net.Parameters);
        Assert.All(net.Parameters, p => Assert.True(float.IsFinite(p)));
    }

    [Fact]
    public void A_step_that_makes_a_weight_infinite_is_caught_at_that_batch_even_at_the_very_end()
    {
        var net = new LinearNet();
        var recorder = new RecordingOptimizer(new Sgd())
        {
            AfterStep = (step, parameters) => { if (step == 3) parameters[1] = float.PositiveInfinity; },
        };

        // 24 rows in batches of 8, one epoch: step 3 is the last step of training.
        var error = Assert.Throws<TrainingDivergedException>(() => NetworkTrainer.Train(net, TestData.Regression(rows: 24), new TrainingOptions
        {
            Epochs = 1, BatchSize = 8, LearningRate = 0.1f, Optimizer = recorder,
        }));

        Assert.Equal((1, 3), (error.Epoch, error.Batch));
        Assert.True(double.IsFinite(error.Loss));
        Assert.Contains("turned a weight into NaN or ∞", error.Message);
        Assert.Equal(recorder.Before[2], net.Parameters);
    }

    [Fact]
    public void Non_finite_weights_from_the_caller_fail_on_the_first_batch_and_are_left_as_they_were()
    {
        float[] start = [float.MaxValue, float.MaxValue, float.MaxValue, 0f];
        var net = new LinearNet(start);
        var error = Assert.Throws<TrainingDivergedException>(() => NetworkTrainer.Train(net, TestData.Regression(), new TrainingOptions
        {
            Epochs = 3, Initialization = InitializationScheme.None,
        }));

        Assert.Equal((1, 1), (error.Epoch, error.Batch));
        Assert.False(double.IsFinite(error.Loss));
        Assert.Equal(start, net.Parameters);
    }
}
