using Backprop.Optimizers;
using Backprop.Schedules;
using Backprop.Trainer.Tests.Schedules;
using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.Training;

/// <summary>AdamW, RMSprop and the cosine, one-cycle and plateau schedules through <see cref="NetworkTrainer"/>.</summary>
public class OptimizerAndScheduleTrainingTests
{
    private static TrainingHistory TrainLinear(IOptimizer? optimizer, ILearningRateSchedule? schedule, float rate, int epochs = 30) =>
        NetworkTrainer.Train(new LinearNet(), TestData.Regression(), new TrainingOptions
        {
            Epochs = epochs, BatchSize = 16, LearningRate = rate, Seed = 3, Optimizer = optimizer, Schedule = schedule,
        });

    private static void AssertLearns(TrainingHistory history, string what)
    {
        double first = history.Epochs[0].TrainingLoss, last = history.Epochs[^1].TrainingLoss;
        Assert.True(last < 0.05 * first, $"{what}: the loss only went from {first} to {last}");
        Assert.All(history.Epochs, e => Assert.True(double.IsFinite(e.TrainingLoss), $"{what}, epoch {e.Epoch}: loss {e.TrainingLoss}"));
    }

    public static TheoryData<string> Optimizers => ["adamw", "adamw-strong-decay", "rmsprop", "rmsprop-momentum", "rmsprop-centered"];

    private static IOptimizer Create(string name) => name switch
    {
        "adamw" => new AdamW(),
        "adamw-strong-decay" => new AdamW(weightDecay: 0.1f),
        "rmsprop" => new RMSprop(),
        "rmsprop-momentum" => new RMSprop(momentum: 0.9f),
        "rmsprop-centered" => new RMSprop(centered: true),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown optimizer in the test data."),
    };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void The_loss_falls_with_each_optimizer(string name)
    {
        float rate = name == "rmsprop-momentum" ? 0.003f : 0.02f;
        AssertLearns(TrainLinear(Create(name), null, rate), name);
    }

    [Fact]
    public void The_same_seed_gives_bit_identical_weights_with_the_new_optimizers()
    {
        foreach (string name in new[] { "adamw", "rmsprop-centered" })
        {
            var a = new LinearNet();
            var b = new LinearNet();
            var options = new TrainingOptions { Epochs = 3, BatchSize = 16, LearningRate = 0.02f, Seed = 3, Optimizer = Create(name) };
            NetworkTrainer.Train(a, TestData.Regression(), options);
            NetworkTrainer.Train(b, TestData.Regression(), options);
            Assert.Equal(a.Parameters, b.Parameters);
        }
    }

    public static TheoryData<string> Schedules => ["cosine", "warm-restarts", "one-cycle", "plateau"];

    [Theory]
    [MemberData(nameof(Schedules))]
    public void The_loss_falls_with_each_schedule_and_each_epoch_uses_its_rate(string name)
    {
        const int epochs = 30;
        const float rate = 0.05f;
        ILearningRateSchedule schedule = name switch
        {
            "cosine" => new CosineAnnealing(epochs),
            "warm-restarts" => new CosineAnnealingWarmRestarts(5, 2, minRate: 1e-3f),
            "one-cycle" => new OneCycle(epochs),
            "plateau" => new ReduceOnPlateau(factor: 0.5f, patience: 1),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown schedule in the test data."),
        };
        TrainingHistory history = TrainLinear(new Adam(), schedule, rate, epochs);
        AssertLearns(history, name);
        if (schedule is ReduceOnPlateau)
        {
            // Without validation data the training loss drives it.
            var torch = new PyTorchScheduleTests.TorchPlateau(rate, 0.5f, 1, 1e-4f, relative: true, cooldown: 0, minLr: 0);
            double expected = rate;
            foreach (EpochReport report in history.Epochs)
            {
                Assert.True(Math.Abs(report.LearningRate - expected) <= 1e-6 * expected, $"epoch {report.Epoch}: rate {report.LearningRate}, torch gives {expected}");
                expected = torch.Step(report.TrainingLoss);
            }
        }
        else
        {
            schedule.Reset();
            Assert.All(history.Epochs, e => Assert.Equal(schedule.LearningRate(rate, e.Epoch - 1), e.LearningRate));
        }
    }

    [Fact]
    public void Plateau_follows_the_validation_loss_and_starts_afresh_each_run()
    {
        // Validated on XOR with the labels flipped: the better the net learns XOR, the worse the validation loss, so the
        // rate must fall though the training loss keeps falling.
        float[,] flipped = { { 1 }, { 0 }, { 0 }, { 1 } };
        var validation = new InMemorySamples(XorData.Inputs, flipped);
        const float rate = 0.05f;
        var schedule = new ReduceOnPlateau(factor: 0.5f, patience: 3);
        TrainingHistory Run() => NetworkTrainer.Train(new BinaryXorNet(), XorData.Samples(), validation, new TrainingOptions
        {
            Epochs = 150, BatchSize = 4, LearningRate = rate, Seed = 1, Optimizer = new Adam(), Schedule = schedule,
        });

        TrainingHistory history = Run();
        Assert.True(history.Epochs[^1].TrainingLoss < history.Epochs[0].TrainingLoss, "the training loss should fall");
        Assert.True(history.Epochs[^1].ValidationLoss > history.Epochs[0].ValidationLoss, "the validation loss should rise");
        var torch = new PyTorchScheduleTests.TorchPlateau(rate, 0.5f, 3, 1e-4f, relative: true, cooldown: 0, minLr: 0);
        double expected = rate;
        foreach (EpochReport report in history.Epochs)
        {
            Assert.True(Math.Abs(report.LearningRate - expected) <= 1e-6 * expected, $"epoch {report.Epoch}: rate {report.LearningRate}, torch gives {expected}");
            expected = torch.Step(report.ValidationLoss!.Value);
        }

        Assert.True(history.Epochs[^1].LearningRate < rate / 4, $"the rate only fell to {history.Epochs[^1].LearningRate}");

        // Driven by the training loss instead, torch's rule would have given other rates.
        var byTraining = new PyTorchScheduleTests.TorchPlateau(rate, 0.5f, 3, 1e-4f, relative: true, cooldown: 0, minLr: 0);
        double[] trainingDriven = [rate, .. history.Epochs.SkipLast(1).Select(e => byTraining.Step(e.TrainingLoss))];
        static int[] Drops(IReadOnlyList<double> rates) => [.. Enumerable.Range(1, rates.Count - 1).Where(i => rates[i] < 0.9 * rates[i - 1])];
        Assert.NotEqual(Drops(trainingDriven), Drops([.. history.Epochs.Select(e => e.LearningRate)]));

        // A second run with the same schedule object starts from the base rate again and repeats the first run exactly.
        TrainingHistory again = Run();
        Assert.Equal(rate, again.Epochs[0].LearningRate);
        Assert.Equal(history.Epochs.Select(e => (e.TrainingLoss, e.ValidationLoss, e.LearningRate)), again.Epochs.Select(e => (e.TrainingLoss, e.ValidationLoss, e.LearningRate)));
    }

    /// <summary>A schedule written before EpochEnded and Reset existed still compiles and runs (the members have defaults).</summary>
    private sealed class HalvingSchedule : ILearningRateSchedule
    {
        public float LearningRate(float baseRate, int epoch) => baseRate / (1 << Math.Min(epoch, 20));
    }

    [Fact]
    public void A_schedule_that_implements_only_LearningRate_still_works()
    {
        TrainingHistory history = TrainLinear(new Adam(), new HalvingSchedule(), 0.1f, epochs: 5);
        Assert.Equal(new[] { 0.1, 0.05, 0.025, 0.0125, 0.00625 }, history.Epochs.Select(e => Math.Round(e.LearningRate, 8)));
    }
}
