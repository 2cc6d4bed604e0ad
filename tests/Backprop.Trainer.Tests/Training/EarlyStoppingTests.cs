using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.Training;

public class EarlyStoppingTests
{
    [Fact]
    public void Early_stopping_stops_after_patience_epochs_and_restores_the_best_weights()
    {
        var net = new WideXorNet();
        var reports = new List<EpochReport>();
        var weights = new List<float[]>();
        const int patience = 5;
        TrainingHistory history = NetworkTrainer.Train(net, TestData.NoisyXor(), new TrainingOptions
        {
            Epochs = 500, BatchSize = 8, LearningRate = 2f, Seed = 4, ValidationFraction = 0.3f, EarlyStoppingPatience = patience,
            Progress = new SyncProgress(report => { reports.Add(report); weights.Add(net.Parameters.ToArray()); }),
        });

        Assert.True(history.StoppedEarly, $"expected the noisy data to stop the run early; it ran {history.Epochs.Count} epochs");
        Assert.Equal(history.Epochs, reports);
        Assert.Equal(60, history.TrainingSamples + history.ValidationSamples);
        Assert.InRange(history.ValidationSamples, 10, 30);

        // The best epoch has the lowest validation loss (the first one on a tie), and it is `patience` epochs before the end.
        double best = history.Epochs.Min(e => e.ValidationLoss!.Value);
        int firstBest = history.Epochs.First(e => e.ValidationLoss == best).Epoch;
        Assert.Equal(firstBest, history.BestEpoch);
        Assert.Equal(history.BestEpoch + patience, history.Epochs.Count);
        Assert.True(history.BestEpoch > 1);

        // The network holds exactly the weights it had after the best epoch, not the last epoch's.
        Assert.Equal(weights[history.BestEpoch - 1], net.Parameters);
        Assert.NotEqual(weights[^1], net.Parameters);
    }

    [Fact]
    public void Without_a_stop_the_run_ends_on_the_best_epoch_too()
    {
        var net = new WideXorNet();
        var weights = new List<float[]>();
        TrainingHistory history = NetworkTrainer.Train(net, TestData.NoisyXor(), new TrainingOptions
        {
            Epochs = 30, BatchSize = 8, LearningRate = 2f, Seed = 4, ValidationFraction = 0.3f, EarlyStoppingPatience = 1000,
            Progress = new SyncProgress(_ => weights.Add(net.Parameters.ToArray())),
        });

        Assert.False(history.StoppedEarly);
        Assert.Equal(30, history.Epochs.Count);
        Assert.Equal(weights[history.BestEpoch - 1], net.Parameters);
    }

    [Fact]
    public void A_validation_source_reports_loss_and_accuracy_every_epoch()
    {
        var net = new BinaryXorNet();
        InMemorySamples validation = XorData.Samples();
        TrainingHistory history = NetworkTrainer.Train(net, XorData.Samples(), validation, new TrainingOptions
        {
            Epochs = 5, BatchSize = 4, LearningRate = 0.5f, Seed = 2,
        });

        Assert.All(history.Epochs, e => Assert.True(e.ValidationLoss is > 0 && e.ValidationAccuracy is >= 0 and <= 1));
        Assert.Equal(4, history.ValidationSamples);
        Assert.Equal(5, history.BestEpoch);

        // The last report describes the weights the network ends with.
        double loss = 0;
        int correct = 0;
        Span<float> output = stackalloc float[1];
        for (int row = 0; row < 4; row++)
        {
            net.Forward([XorData.Inputs[row, 0], XorData.Inputs[row, 1]], output);
            float p = output[0], t = XorData.Targets[row, 0];
            loss -= t * Math.Log(p) + (1 - t) * Math.Log(1 - p);
            if ((p >= 0.5f) == (t >= 0.5f)) correct++;
        }

        Assert.Equal(loss / 4, history.Epochs[^1].ValidationLoss!.Value, 1e-5);
        Assert.Equal(correct / 4.0, history.Epochs[^1].ValidationAccuracy);
    }

    [Fact]
    public void Regression_losses_report_no_accuracy()
    {
        TrainingHistory history = NetworkTrainer.Train(new LinearNet(), TestData.Regression(), new TrainingOptions { Epochs = 2, ValidationFraction = 0.25f });
        Assert.All(history.Epochs, e => Assert.True(e.ValidationLoss is not null && e.ValidationAccuracy is null));
    }
}
