using Backprop.Initialization;
using Backprop.Optimizers;
using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.Training;

/// <summary>
/// The rule for an exception during training: cancellation keeps the last completed step, divergence the last good
/// weights, and every other exception (whatever its type, wherever it comes from) gives the network back the weights
/// it had before the call, and propagates unchanged.
/// </summary>
public class FailureRuleTests
{
    private static readonly float[] Start = [0.1f, 0.2f, 0.3f, 0.4f];

    public static TheoryData<string> Failures => ["IOException", "UnauthorizedAccessException", "InvalidOperationException", "InvalidDataException"];

    private static Exception Create(string failure) => failure switch
    {
        "IOException" => new IOException("The connection to the data store was reset."),
        "UnauthorizedAccessException" => new UnauthorizedAccessException("The data file's permissions changed."),
        "InvalidOperationException" => new InvalidOperationException("The collection was modified."),
        _ => new InvalidDataException("Row 3 of the remote file is malformed."),
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void A_sample_source_that_throws_in_epoch_3_leaves_the_weights_from_before_the_call(string failure)
    {
        Exception thrown = Create(failure);
        var net = new LinearNet(Start);
        var recorder = new RecordingOptimizer(new Sgd());
        var data = new FlakySamples(TestData.Regression()) { FailInPass = 3, FailAtRow = 57, Failure = () => thrown };

        Exception error = Assert.ThrowsAny<Exception>(() => NetworkTrainer.Train(net, data, new TrainingOptions { Epochs = 5, BatchSize = 16, Optimizer = recorder }));

        Assert.Same(thrown, error);
        Assert.Equal(2 * 13 + 3, recorder.After.Count); // two epochs of 13 steps, then 3 steps of epoch 3 before row 57
        Assert.Equal(Start, net.Parameters);
    }

    [Fact]
    public void An_exception_from_the_progress_callback_follows_the_same_rule()
    {
        var net = new LinearNet(Start);
        var options = new TrainingOptions { Epochs = 5, Progress = new SyncProgress(r => { if (r.Epoch == 2) throw new IOException("The log disk is full."); }) };
        Assert.Throws<IOException>(() => NetworkTrainer.Train(net, TestData.Regression(), options));
        Assert.Equal(Start, net.Parameters);
    }

    [Fact]
    public void A_cancelled_source_keeps_the_last_completed_step_as_cancellation_does()
    {
        var net = new LinearNet(Start);
        var recorder = new RecordingOptimizer(new Sgd());
        var data = new FlakySamples(TestData.Regression()) { FailInPass = 2, FailAtRow = 40, Failure = () => new OperationCanceledException("The request timed out.") };
        Assert.ThrowsAny<OperationCanceledException>(() => NetworkTrainer.Train(net, data, new TrainingOptions { Epochs = 3, BatchSize = 16, Optimizer = recorder }));
        Assert.Equal(recorder.After[^1], net.Parameters);
    }

    [Fact]
    public void A_divergence_keeps_the_last_good_weights_and_carries_the_completed_epochs()
    {
        var net = new LinearNet();
        var recorder = new RecordingOptimizer(new Sgd())
        {
            AfterStep = (step, parameters) => { if (step == 13 * 3 + 2) parameters[0] = float.NaN; },
        };
        var error = Assert.Throws<TrainingDivergedException>(() => NetworkTrainer.Train(net, TestData.Regression(), new TrainingOptions
        {
            Epochs = 10, BatchSize = 16, Optimizer = recorder, Initialization = InitializationScheme.Auto,
        }));

        Assert.Equal((4, 2), (error.Epoch, error.Batch));
        Assert.Equal(3, error.History!.Epochs.Count);
        Assert.Equal(recorder.Before[^1], net.Parameters);
    }
}
