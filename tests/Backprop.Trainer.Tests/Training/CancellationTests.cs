using Backprop.Optimizers;
using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.Training;

public class CancellationTests
{
    [Fact]
    public void Cancelling_after_an_epoch_leaves_exactly_that_epochs_weights()
    {
        using var cancel = new CancellationTokenSource();
        var net = new LinearNet();
        var options = new TrainingOptions
        {
            Epochs = 100, BatchSize = 16, LearningRate = 0.05f, Seed = 6, CancellationToken = cancel.Token,
            Progress = new SyncProgress(report => { if (report.Epoch == 2) cancel.Cancel(); }),
        };
        Assert.ThrowsAny<OperationCanceledException>(() => NetworkTrainer.Train(net, TestData.Regression(), options));

        var twoEpochs = new LinearNet();
        NetworkTrainer.Train(twoEpochs, TestData.Regression(), new TrainingOptions { Epochs = 2, BatchSize = 16, LearningRate = 0.05f, Seed = 6 });
        Assert.Equal(twoEpochs.Parameters, net.Parameters);
    }

    [Fact]
    public void Cancelling_mid_epoch_stops_before_the_next_batch()
    {
        using var cancel = new CancellationTokenSource();
        var recorder = new RecordingOptimizer(new Sgd()) { AfterStep = (step, _) => { if (step == 5) cancel.Cancel(); } };
        var net = new LinearNet();
        Assert.ThrowsAny<OperationCanceledException>(() => NetworkTrainer.Train(net, TestData.Regression(), new TrainingOptions
        {
            Epochs = 3, BatchSize = 16, Optimizer = recorder, CancellationToken = cancel.Token,
        }));

        Assert.Equal(5, recorder.After.Count);
        Assert.Equal(recorder.After[4], net.Parameters);
    }

    [Fact]
    public void An_already_cancelled_token_trains_nothing()
    {
        var recorder = new RecordingOptimizer(new Sgd());
        Assert.ThrowsAny<OperationCanceledException>(() => NetworkTrainer.Train(new LinearNet(), TestData.Regression(), new TrainingOptions
        {
            Optimizer = recorder, CancellationToken = new CancellationToken(canceled: true),
        }));
        Assert.Empty(recorder.After);
    }
}
