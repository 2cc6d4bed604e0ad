using System.Diagnostics;
using Backprop.Initialization;
using Backprop.Optimizers;
using Backprop.Schedules;
using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.Training;

/// <summary>Options at their extremes: huge batches and epoch counts, fractions that leave nothing, data that overflows.</summary>
public class TrainingLimitsTests
{
    private static readonly float[] Start = [0.1f, 0.2f, 0.3f, 0.4f];

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(1_000_000)]
    public void A_batch_larger_than_the_data_is_the_whole_data_and_allocates_for_the_rows_only(int batchSize)
    {
        var huge = new LinearNet(Start);
        var exact = new LinearNet(Start);
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        NetworkTrainer.Train(huge, TestData.Regression(rows: 100), new TrainingOptions { Epochs = 3, BatchSize = batchSize, Initialization = InitializationScheme.None });
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        NetworkTrainer.Train(exact, TestData.Regression(rows: 100), new TrainingOptions { Epochs = 3, BatchSize = 100, Initialization = InitializationScheme.None });

        Assert.Equal(exact.Parameters, huge.Parameters);
        Assert.True(allocated < 1 << 20, $"allocated {allocated:N0} bytes");
    }

    [Fact]
    public void A_batch_too_large_for_any_buffer_names_the_limit_when_the_row_count_is_unknown()
    {
        var net = new LinearNet(Start);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            NetworkTrainer.Train(net, new FlakySamples(TestData.Regression(rows: 100), knowsCount: false), new TrainingOptions { BatchSize = int.MaxValue }));
        Assert.Equal(nameof(TrainingOptions.BatchSize), error.ParamName);
        Assert.Contains($"BatchSize {int.MaxValue} needs buffers of {int.MaxValue} × ", error.Message);
        Assert.Contains("the row count is unknown", error.Message);
        int perSample = Math.Max(LinearNet.Shape.InputCount, LinearNet.BatchWorkspaceSize(1));
        Assert.Contains($"more than the largest array of {Array.MaxLength}; use a BatchSize of at most {Array.MaxLength / perSample}", error.Message);
        Assert.Equal(Start, net.Parameters);
    }

    [Fact]
    public void The_batch_capacity_is_bounded_by_the_largest_per_sample_buffer()
    {
        int perSample = WideNet.BatchWorkspaceSize(1);
        Assert.Equal(100, TrainingRun<WideNet>.BatchCapacity(int.MaxValue, 100, WideNet.Shape, perSample));
        Assert.Equal(1, TrainingRun<WideNet>.BatchCapacity(32, 0, WideNet.Shape, perSample));
        Assert.Equal(Array.MaxLength / perSample, TrainingRun<WideNet>.BatchCapacity(Array.MaxLength / perSample, null, WideNet.Shape, perSample));
        Assert.Throws<ArgumentOutOfRangeException>(() => TrainingRun<WideNet>.BatchCapacity(Array.MaxLength / perSample + 1, null, WideNet.Shape, perSample));
    }

    [Fact]
    public void A_target_that_overflows_before_any_step_says_the_data_overflows()
    {
        var inputs = new float[20 * 3];
        var targets = new float[20];
        targets[0] = 3e38f;
        var net = new LinearNet(Start);
        var recorder = new RecordingOptimizer(new Sgd());
        var error = Assert.Throws<TrainingDivergedException>(() => NetworkTrainer.Train(net, new InMemorySamples(inputs, 3, targets, 1), new TrainingOptions
        {
            Epochs = 2, BatchSize = 32, Optimizer = recorder, Initialization = InitializationScheme.None,
        }));

        Assert.Equal((1, 1), (error.Epoch, error.Batch));
        Assert.True(error.BeforeFirstStep);
        Assert.Contains("before any step was taken", error.Message);
        Assert.Contains("the data overflows float32", error.Message);
        Assert.Contains("the learning rate is not the cause", error.Message);
        Assert.DoesNotContain("lower learning rate", error.Message);
        Assert.Empty(recorder.After);
        Assert.Equal(Start, net.Parameters);
    }

    [Fact]
    public void A_divergence_after_steps_still_advises_a_lower_learning_rate()
    {
        var error = Assert.Throws<TrainingDivergedException>(() => NetworkTrainer.Train(new LinearNet(), TestData.Regression(), new TrainingOptions
        {
            Epochs = 100, BatchSize = 16, LearningRate = 50f, Seed = 1,
        }));
        Assert.False(error.BeforeFirstStep);
        Assert.Contains("lower learning rate than 50", error.Message);
    }

    [Fact]
    public void A_validation_fraction_that_leaves_no_training_rows_is_named()
    {
        var net = new LinearNet(Start);
        var error = Assert.Throws<InvalidDataException>(() =>
            NetworkTrainer.Train(net, TestData.Regression(rows: 20), new TrainingOptions { ValidationFraction = 0.999f, Epochs = 1 }));
        Assert.Contains("Holding out ValidationFraction 0.999 of the data for validation left no training samples for network 'LinearNet'", error.Message);
        Assert.Equal(Start, net.Parameters);
    }

    [Fact]
    public void A_cancelled_token_is_honoured_at_once_with_epochs_at_int_max()
    {
        var schedule = new CountingSchedule();
        var net = new LinearNet(Start);
        long started = Stopwatch.GetTimestamp();
        Assert.ThrowsAny<OperationCanceledException>(() => NetworkTrainer.Train(net, TestData.Regression(), new TrainingOptions
        {
            Epochs = int.MaxValue, Schedule = schedule, CancellationToken = new CancellationToken(canceled: true),
        }));

        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(1));
        Assert.Equal(0, schedule.Calls);
        Assert.Equal(Start, net.Parameters);
    }

    [Fact]
    public void With_epochs_at_int_max_the_schedule_is_checked_up_front_only_for_the_first_epochs()
    {
        using var cancel = new CancellationTokenSource();
        var schedule = new CountingSchedule();
        long started = Stopwatch.GetTimestamp();
        Assert.ThrowsAny<OperationCanceledException>(() => NetworkTrainer.Train(new LinearNet(), TestData.Regression(rows: 10), new TrainingOptions
        {
            Epochs = int.MaxValue, Schedule = schedule, CancellationToken = cancel.Token,
            Progress = new SyncProgress(r => { if (r.Epoch == 3) cancel.Cancel(); }),
        }));

        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(2));
        Assert.Equal(NetworkTrainer.ScheduleEpochsCheckedUpFront + 4, schedule.Calls); // epochs 1–4 as they start; 4 is cancelled at its first batch
    }

    [Fact]
    public void A_schedule_that_fails_after_the_checked_epochs_fails_as_that_epoch_starts_and_restores_the_weights()
    {
        int badEpoch = NetworkTrainer.ScheduleEpochsCheckedUpFront + 3;
        var net = new LinearNet(Start);
        var error = Assert.Throws<ArgumentException>(() => NetworkTrainer.Train(net, TestData.Regression(rows: 2), new TrainingOptions
        {
            Epochs = int.MaxValue, BatchSize = 2, LearningRate = 1e-6f, Schedule = new CountingSchedule { ZeroFrom = badEpoch - 1 },
        }));

        Assert.Contains($"gives 0 for epoch {badEpoch}", error.Message);
        Assert.Equal(Start, net.Parameters);
    }

    private sealed class CountingSchedule : ILearningRateSchedule
    {
        public int Calls { get; private set; }

        public int ZeroFrom { get; init; } = int.MaxValue;

        public float LearningRate(float baseRate, int epoch)
        {
            Calls++;
            return epoch >= ZeroFrom ? 0f : baseRate;
        }
    }
}
