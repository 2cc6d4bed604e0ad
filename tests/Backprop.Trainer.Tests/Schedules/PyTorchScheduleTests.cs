using Backprop.Schedules;
using Backprop.Trainer.Tests.Optimizers;
using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.Schedules;

/// <summary>
/// CosineAnnealing, CosineAnnealingWarmRestarts, OneCycle and ReduceOnPlateau against PyTorch's definitions
/// (torch.optim.lr_scheduler.CosineAnnealingLR, CosineAnnealingWarmRestarts, OneCycleLR, ReduceLROnPlateau), in double.
/// </summary>
public class PyTorchScheduleTests
{
    private static void Close(double expected, float actual, string what) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-6 * Math.Abs(expected) + 1e-12, $"{what}: {actual}, expected {expected}");

    [Fact]
    public void Cosine_annealing_by_hand()
    {
        var cosine = new CosineAnnealing(10, minRate: 0.001f);
        Close(0.1, cosine.LearningRate(0.1f, 0), "t = 0");
        Close(0.001 + 0.099 * (1 + Math.Cos(Math.PI / 10)) / 2, cosine.LearningRate(0.1f, 1), "t = 1"); // ≈ 0.0975773
        Close(0.0975772975, cosine.LearningRate(0.1f, 1), "t = 1 printed");
        Close(0.0505, cosine.LearningRate(0.1f, 5), "t = 5 (half way)");
        Close(0.001, cosine.LearningRate(0.1f, 10), "t = T_max");
        Close(0.0505, cosine.LearningRate(0.1f, 15), "t = 1.5 T_max (the closed form climbs again)");
        Close(0.1, cosine.LearningRate(0.1f, 20), "t = 2 T_max");
    }

    /// <summary>The closed form agrees with PyTorch's recursive (chainable) CosineAnnealingLR.get_lr over two periods.</summary>
    [Fact]
    public void Cosine_annealing_matches_torch_recursive_form()
    {
        const double baseLr = 0.5, etaMin = 0.01;
        const int tMax = 7;
        var cosine = new CosineAnnealing(tMax, (float)etaMin);
        double lr = baseLr;
        Close(lr, cosine.LearningRate((float)baseLr, 0), "epoch 0");
        for (int t = 1; t <= 2 * tMax; t++)
        {
            // torch: lr at last_epoch = t from the one at t − 1.
            if ((t - 1 - tMax) % (2 * tMax) == 0)
                lr += (baseLr - etaMin) * (1 - Math.Cos(Math.PI / tMax)) / 2;
            else
                lr = (1 + Math.Cos(Math.PI * t / tMax)) / (1 + Math.Cos(Math.PI * (t - 1) / tMax)) * (lr - etaMin) + etaMin;
            Close(lr, cosine.LearningRate((float)baseLr, t), $"epoch {t}");
        }
    }

    [Fact]
    public void Warm_restarts_by_hand()
    {
        // T_0 = 3, T_mult = 2: periods of 3, 6, 12 epochs restarting at epochs 0, 3, 9, 21.
        var restarts = new CosineAnnealingWarmRestarts(3, 2, minRate: 0.01f);
        double Rate(int tCur, int tI) => 0.01 + 0.99 * (1 + Math.Cos(Math.PI * tCur / tI)) / 2;
        (int Epoch, int TCur, int TI)[] expected =
        [
            (0, 0, 3), (1, 1, 3), (2, 2, 3), (3, 0, 6), (4, 1, 6), (8, 5, 6), (9, 0, 12), (15, 6, 12), (20, 11, 12), (21, 0, 24), (44, 23, 24), (45, 0, 48),
        ];
        foreach ((int epoch, int tCur, int tI) in expected) Close(Rate(tCur, tI), restarts.LearningRate(1f, epoch), $"epoch {epoch}");
        Close(0.7525, restarts.LearningRate(1f, 1), "epoch 1 printed: 0.01 + 0.99·(1 + ½)/2");
        Close(1.0, restarts.LearningRate(1f, 9), "restart at 9");

        // T_mult = 1: every T_0 epochs, T_cur = epoch mod T_0.
        var periodic = new CosineAnnealingWarmRestarts(4);
        for (int epoch = 0; epoch < 40; epoch++)
            Close(0.2 * (1 + Math.Cos(Math.PI * (epoch % 4) / 4)) / 2, periodic.LearningRate(0.2f, epoch), $"T_mult 1, epoch {epoch}");
        Assert.True(periodic.LearningRate(0.2f, int.MaxValue) > 0f);
        Assert.True(restarts.LearningRate(1f, int.MaxValue) > 0f);
    }

    /// <summary>torch's OneCycleLR.get_lr (two phases) for each step, written as PyTorch computes it, in double.</summary>
    private static double TorchOneCycle(int step, int totalSteps, double maxLr, double pctStart, double divFactor, double finalDivFactor, bool cosine)
    {
        double initialLr = maxLr / divFactor, minLr = initialLr / finalDivFactor;
        (double EndStep, double Start, double End)[] phases = [(pctStart * totalSteps - 1, initialLr, maxLr), (totalSteps - 1, maxLr, minLr)];
        double startStep = 0;
        for (int i = 0; i < phases.Length; i++)
        {
            (double endStep, double start, double end) = phases[i];
            if (step <= endStep || i == phases.Length - 1)
            {
                double pct = (step - startStep) / (endStep - startStep);
                return cosine ? end + (start - end) / 2 * (Math.Cos(Math.PI * pct) + 1) : (end - start) * pct + start;
            }

            startStep = endStep;
        }

        throw new InvalidOperationException("unreachable");
    }

    [Fact]
    public void One_cycle_by_hand()
    {
        // T = 10, η_max = 1 (the base rate), pct 0.3, div 25, final div 1e4: 0.04 → 1 over epochs 0–2, then → 4e−6 at epoch 9.
        var oneCycle = new OneCycle(10);
        Close(0.04, oneCycle.LearningRate(1f, 0), "epoch 0: η_max/25");
        Close(0.52, oneCycle.LearningRate(1f, 1), "epoch 1: half way up the cosine");
        Close(1.0, oneCycle.LearningRate(1f, 2), "epoch 2: the peak");
        Close(4e-6 + (1 - 4e-6) * (1 + Math.Cos(Math.PI / 7)) / 2, oneCycle.LearningRate(1f, 3), "epoch 3");
        Close(4e-6, oneCycle.LearningRate(1f, 9), "epoch 9: η_max/25/1e4");

        var linear = new OneCycle(10, maxRate: 0.5f, strategy: AnnealStrategy.Linear);
        Close(0.26, linear.LearningRate(123f, 1), "linear, epoch 1: maxRate, not the base rate");
        Close(0.5 + (2e-6 - 0.5) / 7, linear.LearningRate(123f, 3), "linear, epoch 3");
    }

    [Theory]
    [InlineData(10, 0.3, 25.0, 1e4, true)]
    [InlineData(37, 0.25, 10.0, 100.0, true)]
    [InlineData(100, 0.3, 25.0, 1e4, false)]
    [InlineData(7, 0.5, 4.0, 1.0, false)]
    [InlineData(1, 0.3, 25.0, 1e4, true)]
    public void One_cycle_follows_torch_OneCycleLR(int total, double pct, double div, double finalDiv, bool cosine)
    {
        var oneCycle = new OneCycle(total, maxRate: 0.2f, pctStart: (float)pct, divFactor: (float)div, finalDivFactor: (float)finalDiv,
            strategy: cosine ? AnnealStrategy.Cosine : AnnealStrategy.Linear);
        for (int epoch = 0; epoch < total; epoch++)
        {
            double expected = TorchOneCycle(epoch, total, 0.2f, (float)pct, div, finalDiv, cosine);
            Assert.True(Math.Abs(oneCycle.LearningRate(1f, epoch) - expected) <= 1e-5 * expected, $"epoch {epoch}: {oneCycle.LearningRate(1f, epoch)}, torch gives {expected}");
        }
    }

    [Fact]
    public void One_cycle_rejects_an_epoch_past_its_end_and_the_trainer_says_so_before_training()
    {
        var oneCycle = new OneCycle(10);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => oneCycle.LearningRate(1f, 10));
        Assert.Contains("totalEpochs = 10", error.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => oneCycle.LearningRate(1f, -1));

        var net = new LinearNet();
        float[] before = net.Parameters.ToArray();
        var fromTrainer = Assert.Throws<ArgumentOutOfRangeException>(() => NetworkTrainer.Train(net, RegressionData(), new TrainingOptions { Epochs = 11, Schedule = oneCycle }));
        Assert.Contains("epoch number 11", fromTrainer.Message);
        Assert.Equal(before, net.Parameters);
    }

    /// <summary>torch's ReduceLROnPlateau.step(metrics) in mode 'min', in double: returns the rate of the next epoch.</summary>
    internal sealed class TorchPlateau(double lr, double factor, int patience, double threshold, bool relative, int cooldown, double minLr, double eps = 1e-8)
    {
        private double _best = double.PositiveInfinity;
        private int _numBadEpochs, _cooldownCounter;

        public double Lr { get; private set; } = lr;

        public double Step(double current)
        {
            bool better = relative ? current < _best * (1 - threshold) : current < _best - threshold;
            if (better)
            {
                _best = current;
                _numBadEpochs = 0;
            }
            else _numBadEpochs++;

            if (_cooldownCounter > 0)
            {
                _cooldownCounter--;
                _numBadEpochs = 0;
            }

            if (_numBadEpochs > patience)
            {
                double newLr = Math.Max(Lr * factor, minLr);
                if (Lr - newLr > eps) Lr = newLr;
                _cooldownCounter = cooldown;
                _numBadEpochs = 0;
            }

            return Lr;
        }
    }

    /// <summary>Feeds a scripted validation-loss sequence to the schedule epoch by epoch; returns the rate of each epoch.</summary>
    private static List<float> Drive(ILearningRateSchedule schedule, float baseRate, IReadOnlyList<double> validationLosses, IReadOnlyList<double>? trainingLosses = null)
    {
        schedule.Reset();
        var rates = new List<float>();
        for (int epoch = 0; epoch < validationLosses.Count; epoch++)
        {
            float rate = schedule.LearningRate(baseRate, epoch);
            rates.Add(rate);
            schedule.EpochEnded(new EpochReport(epoch + 1, trainingLosses?[epoch] ?? 1.0 / (epoch + 1), validationLosses[epoch], rate, TimeSpan.Zero));
        }

        return rates;
    }

    [Fact]
    public void Plateau_reduces_the_rate_after_patience_epochs_without_improvement()
    {
        // patience 2: the best is 0.9 after epoch 2; epochs 3, 4, 5 do not improve on it (0.89995 is within the relative
        // threshold 1e−4 of 0.9), so after the third the rate drops ×0.5 for epoch 6. Epoch 6 improves (0.5), then epochs 7–9
        // are bad again: a second drop for epoch 10. The training loss, falling all along, is not what counts.
        double[] losses = [1.0, 0.9, 0.95, 0.89995, 0.9, 0.5, 0.6, 0.5, 0.7, 0.4, 0.4];
        List<float> rates = Drive(new ReduceOnPlateau(factor: 0.5f, patience: 2), 1f, losses);
        Assert.Equal(new[] { 1f, 1f, 1f, 1f, 1f, 0.5f, 0.5f, 0.5f, 0.5f, 0.25f, 0.25f }, rates);
    }

    [Fact]
    public void Plateau_with_torch_defaults_waits_ten_bad_epochs()
    {
        double[] losses = [.. Enumerable.Repeat(1.0, 15)];
        List<float> rates = Drive(new ReduceOnPlateau(), 0.1f, losses);
        // Epoch 1 sets the best; epochs 2–11 are 10 bad epochs (= patience, tolerated); epoch 12 is the 11th: ×0.1 from epoch 13.
        for (int epoch = 0; epoch < 12; epoch++) Assert.Equal(0.1f, rates[epoch]);
        for (int epoch = 12; epoch < 15; epoch++) Close(0.1 * 0.1f, rates[epoch], $"epoch {epoch + 1}");
    }

    [Theory]
    [InlineData(0.1f, 3, 1e-4f, true, 0, 0f)]
    [InlineData(0.5f, 0, 1e-2f, true, 2, 0f)]
    [InlineData(0.3f, 1, 0.05f, false, 1, 0.02f)]
    [InlineData(0.9f, 2, 0f, false, 0, 0f)]
    public void Plateau_follows_torch_ReduceLROnPlateau(float factor, int patience, float threshold, bool relative, int cooldown, float minRate)
    {
        var random = new Random(3);
        var losses = new List<double>();
        double level = 2;
        for (int i = 0; i < 60; i++)
        {
            level *= random.NextDouble() < 0.3 ? 0.9 : 1.0;   // long plateaus with occasional steps down, and noise
            losses.Add(level * (1 + 0.02 * (random.NextDouble() - 0.5)));
        }

        var schedule = new ReduceOnPlateau(factor, patience, threshold, relative ? ThresholdMode.Relative : ThresholdMode.Absolute, cooldown, minRate);
        var torch = new TorchPlateau(1.0, factor, patience, threshold, relative, cooldown, minRate);
        List<float> rates = Drive(schedule, 1f, losses);
        double expected = 1.0;
        int reductions = 0;
        for (int epoch = 0; epoch < losses.Count; epoch++)
        {
            Assert.True(Math.Abs(rates[epoch] - expected) <= 1e-5 * expected, $"epoch {epoch + 1}: rate {rates[epoch]}, torch gives {expected}");
            double next = torch.Step(losses[epoch]);
            if (next < expected) reductions++;
            expected = next;
        }

        Assert.True(reductions > 0, "the scripted losses should make the schedule reduce the rate at least once");
        Assert.True(rates[^1] >= minRate);
    }

    [Fact]
    public void Plateau_follows_the_training_loss_without_validation_and_stops_above_min_rate()
    {
        var schedule = new ReduceOnPlateau(factor: 0.1f, patience: 0, minRate: 1e-3f);
        schedule.Reset();
        float rate = schedule.LearningRate(1f, 0);
        for (int epoch = 0; epoch < 10; epoch++)
        {
            schedule.EpochEnded(new EpochReport(epoch + 1, 5.0, null, rate, TimeSpan.Zero)); // the training loss never improves
            rate = schedule.LearningRate(1f, epoch + 1);
        }

        Close(1e-3, rate, "clamped at minRate");
        Assert.Equal(0, schedule.BadEpochs);

        // With min_lr 0 the rate stops falling once a reduction would change it by no more than eps (1e−8), so it stays positive.
        var unbounded = new ReduceOnPlateau(factor: 0.5f, patience: 0);
        List<float> rates = Drive(unbounded, 1f, [.. Enumerable.Repeat(1.0, 100)]);
        Assert.All(rates, r => Assert.True(r > 0f));
        Assert.InRange(rates[^1], 1e-8f, 2.1e-8f);
    }

    [Fact]
    public void Plateau_is_reset_for_each_run()
    {
        var schedule = new ReduceOnPlateau(factor: 0.5f, patience: 0);
        List<float> first = Drive(schedule, 1f, [1, 1, 1, 1]);
        Assert.Equal(new[] { 1f, 1f, 0.5f, 0.25f }, first);
        Assert.Equal(0.125f, schedule.LearningRate(1f, 0)); // the fourth epoch's report reduced it once more
        schedule.Reset();
        Assert.Equal(1f, schedule.LearningRate(1f, 0));
        Assert.Equal(double.PositiveInfinity, schedule.BestLoss);
    }

    [Fact]
    public void The_schedules_reject_arguments_out_of_range_naming_them()
    {
        AdamWAndRMSpropTests.AssertOutOfRange("CosineAnnealing", "annealingEpochs", "at least 1", () => new CosineAnnealing(0));
        AdamWAndRMSpropTests.AssertOutOfRange("CosineAnnealing", "minRate", "non-negative", () => new CosineAnnealing(10, -1e-3f));
        AdamWAndRMSpropTests.AssertOutOfRange("CosineAnnealingWarmRestarts", "firstPeriod", "at least 1", () => new CosineAnnealingWarmRestarts(0));
        AdamWAndRMSpropTests.AssertOutOfRange("CosineAnnealingWarmRestarts", "periodMultiplier", "at least 1", () => new CosineAnnealingWarmRestarts(5, 0));
        AdamWAndRMSpropTests.AssertOutOfRange("CosineAnnealingWarmRestarts", "minRate", "non-negative", () => new CosineAnnealingWarmRestarts(5, 1, float.NaN));
        AdamWAndRMSpropTests.AssertOutOfRange("OneCycle", "totalEpochs", "at least 1", () => new OneCycle(0));
        AdamWAndRMSpropTests.AssertOutOfRange("OneCycle", "maxRate", "positive", () => new OneCycle(10, maxRate: 0f));
        AdamWAndRMSpropTests.AssertOutOfRange("OneCycle", "pctStart", "(0, 1)", () => new OneCycle(10, pctStart: 1f));
        AdamWAndRMSpropTests.AssertOutOfRange("OneCycle", "divFactor", "at least 1", () => new OneCycle(10, divFactor: 0.5f));
        AdamWAndRMSpropTests.AssertOutOfRange("OneCycle", "finalDivFactor", "at least 1", () => new OneCycle(10, finalDivFactor: float.PositiveInfinity));
        AdamWAndRMSpropTests.AssertOutOfRange("OneCycle", "strategy", "Cosine", () => new OneCycle(10, strategy: (AnnealStrategy)7));
        AdamWAndRMSpropTests.AssertOutOfRange("ReduceOnPlateau", "factor", "(0, 1)", () => new ReduceOnPlateau(factor: 1f));
        AdamWAndRMSpropTests.AssertOutOfRange("ReduceOnPlateau", "patience", "at least 0", () => new ReduceOnPlateau(patience: -1));
        AdamWAndRMSpropTests.AssertOutOfRange("ReduceOnPlateau", "threshold", "non-negative", () => new ReduceOnPlateau(threshold: -1e-4f));
        AdamWAndRMSpropTests.AssertOutOfRange("ReduceOnPlateau", "thresholdMode", "Relative", () => new ReduceOnPlateau(thresholdMode: (ThresholdMode)2));
        AdamWAndRMSpropTests.AssertOutOfRange("ReduceOnPlateau", "cooldown", "at least 0", () => new ReduceOnPlateau(cooldown: -1));
        AdamWAndRMSpropTests.AssertOutOfRange("ReduceOnPlateau", "minRate", "non-negative", () => new ReduceOnPlateau(minRate: -1f));
        AdamWAndRMSpropTests.AssertOutOfRange("ReduceOnPlateau", "epsilon", "non-negative", () => new ReduceOnPlateau(epsilon: float.NaN));
    }

    private static InMemorySamples RegressionData() => Training.TestData.Regression(rows: 20);
}
