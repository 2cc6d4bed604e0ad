using Backprop.Optimizers;
using Backprop.Schedules;
using Backprop.Training;
using Microsoft.ML;
using Xunit;

namespace Backprop.MLNet.Tests;

/// <summary>The new optimizers and schedules through the ML.NET trainers' options.</summary>
public sealed class OptimizerAndScheduleTests
{
    /// <summary>y = sin(x) rows, or y = −sin(x) (a validation view the better fit makes worse).</summary>
    private static IDataView Sine(MLContext ml, int rows, int seed, float sign)
    {
        var random = new Random(seed);
        var points = new List<SineRow>();
        for (int i = 0; i < rows; i++)
        {
            float x = (float)((random.NextDouble() * 2 - 1) * Math.PI);
            points.Add(new SineRow { X = [x], Label = sign * MathF.Sin(x), Both = [0f, 0f] });
        }

        return ml.Data.LoadFromEnumerable(points);
    }

    [Fact]
    public void Plateau_follows_the_validation_view_of_Fit_train_valid()
    {
        var ml = new MLContext(seed: 1);
        const float rate = 0.01f;
        var trainer = ml.Regression.Trainers.Backprop<SineNet>(new BackpropRegressionTrainer.Options
        {
            FeatureColumnName = "X", Epochs = 40, BatchSize = 16, LearningRate = rate, Optimizer = new AdamW(),
            Schedule = new ReduceOnPlateau(factor: 0.5f, patience: 2), Seed = 1,
        });
        TrainingHistory history = trainer.Fit(Sine(ml, 300, 3, 1f), Sine(ml, 100, 4, -1f)).Model.History!;

        // torch's ReduceLROnPlateau.step(validation loss), by hand: the rate of each epoch from the epochs before it.
        double lr = rate, best = double.PositiveInfinity;
        int bad = 0, drops = 0;
        foreach (EpochReport report in history.Epochs)
        {
            Assert.True(Math.Abs(report.LearningRate - lr) <= 1e-6 * lr, $"epoch {report.Epoch}: rate {report.LearningRate}, expected {lr}");
            double loss = report.ValidationLoss!.Value;
            if (loss < best * (1 - 1e-4f)) (best, bad) = (loss, 0);
            else if (++bad > 2)
            {
                (lr, bad) = (lr * 0.5f, 0);
                drops++;
            }
        }

        Assert.True(drops >= 2, $"the validation loss should have made the rate fall at least twice; it fell {drops} times");
        Assert.True(history.Epochs[^1].TrainingLoss < history.Epochs[0].TrainingLoss, "the training loss should fall");
    }

    [Fact]
    public void The_new_optimizers_and_schedules_train_through_the_options()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = Sine(ml, 300, 3, 1f);
        (IOptimizer Optimizer, ILearningRateSchedule Schedule)[] recipes =
        [
            (new RMSprop(), new CosineAnnealing(40)),
            (new AdamW(), new OneCycle(40)),
            (new RMSprop(momentum: 0.5f, centered: true), new CosineAnnealingWarmRestarts(10)),
        ];
        foreach ((IOptimizer optimizer, ILearningRateSchedule schedule) in recipes)
        {
            TrainingHistory history = ml.Regression.Trainers.Backprop<SineNet>(new BackpropRegressionTrainer.Options
            {
                FeatureColumnName = "X", Epochs = 40, BatchSize = 16, LearningRate = 0.01f, Optimizer = optimizer, Schedule = schedule, Seed = 1,
            }).Fit(data).Model.History!;
            string what = $"{optimizer.GetType().Name} with {schedule.GetType().Name}";
            Assert.True(history.Epochs[^1].TrainingLoss < 0.3 * history.Epochs[0].TrainingLoss, $"{what}: loss {history.Epochs[0].TrainingLoss} → {history.Epochs[^1].TrainingLoss}");
            Assert.All(history.Epochs, e => Assert.Equal(schedule.LearningRate(0.01f, e.Epoch - 1), e.LearningRate));
        }
    }
}
