using Backprop.Training;

namespace Backprop.Schedules;

/// <summary>How <see cref="ReduceOnPlateau"/> decides that a loss improved (PyTorch's <c>threshold_mode</c>).</summary>
public enum ThresholdMode
{
    /// <summary>Better when loss &lt; best · (1 − threshold) (PyTorch's <c>'rel'</c>).</summary>
    Relative,

    /// <summary>Better when loss &lt; best − threshold (PyTorch's <c>'abs'</c>).</summary>
    Absolute,
}

/// <summary>
/// Lowers the rate when the loss stops improving: PyTorch's <c>torch.optim.lr_scheduler.ReduceLROnPlateau</c> in mode
/// 'min', stepped after every epoch with the validation loss when there is validation data, else the training loss.
/// After more than <see cref="Patience"/> epochs in a row without a better loss, the rate becomes
/// η ← max(η · <see cref="Factor"/>, <see cref="MinRate"/>) (kept when that changes it by no more than
/// <see cref="Epsilon"/>), then <see cref="Cooldown"/> epochs pass before bad epochs count again.
/// </summary>
/// <remarks>
/// <para>As PyTorch: the best loss starts at +∞; an epoch is better when its loss is below best·(1 − threshold)
/// (<see cref="ThresholdMode.Relative"/>) or best − threshold (<see cref="ThresholdMode.Absolute"/>), and then becomes
/// the best; otherwise it is a bad epoch. During cooldown the count of bad epochs stays at 0. A reduction after epoch e
/// applies from epoch e + 1.</para>
/// <para>The schedule has state: the trainer resets it at the start of every training run (a continued run starts again
/// from the base rate and a best loss of +∞), and it serves one run at a time. Its rate comes from the rate the finished
/// epoch used (<see cref="EpochReport.LearningRate"/>), as PyTorch reads the optimizer's current rate.</para>
/// </remarks>
public sealed class ReduceOnPlateau : ILearningRateSchedule
{
    private double? _rate;
    private double _best;
    private int _badEpochs, _cooldownLeft;

    /// <summary>Creates the schedule; the defaults are PyTorch's.</summary>
    /// <param name="factor">The multiplier at each reduction, in (0, 1) (PyTorch's <c>factor</c>).</param>
    /// <param name="patience">Bad epochs tolerated before a reduction, ≥ 0 (PyTorch's <c>patience</c>): the rate drops after patience + 1 of them.</param>
    /// <param name="threshold">The least improvement that counts, ≥ 0 (PyTorch's <c>threshold</c>), relative or absolute per <paramref name="thresholdMode"/>.</param>
    /// <param name="thresholdMode">Whether the threshold is relative to the best loss (the default) or absolute.</param>
    /// <param name="cooldown">Epochs after a reduction during which bad epochs are not counted, ≥ 0 (PyTorch's <c>cooldown</c>).</param>
    /// <param name="minRate">The lowest rate, ≥ 0 (PyTorch's <c>min_lr</c>).</param>
    /// <param name="epsilon">A reduction smaller than this is skipped, ≥ 0 (PyTorch's <c>eps</c>): it keeps the rate positive.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range (the message names it and the range).</exception>
    public ReduceOnPlateau(float factor = 0.1f, int patience = 10, float threshold = 1e-4f, ThresholdMode thresholdMode = ThresholdMode.Relative,
        int cooldown = 0, float minRate = 0f, float epsilon = 1e-8f)
    {
        if (!(factor > 0f && factor < 1f)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "ReduceOnPlateau: the reduction (factor) must be in (0, 1).");
        if (patience < 0) throw new ArgumentOutOfRangeException(nameof(patience), patience, "ReduceOnPlateau: the bad epochs tolerated (patience) must be at least 0.");
        if (!(threshold >= 0f) || !float.IsFinite(threshold))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "ReduceOnPlateau: the least improvement (threshold) must be a non-negative finite number.");
        if (!Enum.IsDefined(thresholdMode))
            throw new ArgumentOutOfRangeException(nameof(thresholdMode), thresholdMode, "ReduceOnPlateau: the threshold mode (thresholdMode) must be ThresholdMode.Relative or ThresholdMode.Absolute.");
        if (cooldown < 0) throw new ArgumentOutOfRangeException(nameof(cooldown), cooldown, "ReduceOnPlateau: the cooldown (cooldown) must be at least 0 epochs.");
        if (!(minRate >= 0f) || !float.IsFinite(minRate))
            throw new ArgumentOutOfRangeException(nameof(minRate), minRate, "ReduceOnPlateau: the lowest rate (minRate) must be a non-negative finite rate.");
        if (!(epsilon >= 0f) || !float.IsFinite(epsilon))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ReduceOnPlateau: the smallest change (epsilon) must be a non-negative finite number.");
        Factor = factor;
        Patience = patience;
        Threshold = threshold;
        ThresholdMode = thresholdMode;
        Cooldown = cooldown;
        MinRate = minRate;
        Epsilon = epsilon;
        Reset();
    }

    /// <summary>The multiplier at each reduction.</summary>
    public float Factor { get; }

    /// <summary>Bad epochs tolerated before a reduction.</summary>
    public int Patience { get; }

    /// <summary>The least improvement that counts.</summary>
    public float Threshold { get; }

    /// <summary>Whether <see cref="Threshold"/> is relative to the best loss or absolute.</summary>
    public ThresholdMode ThresholdMode { get; }

    /// <summary>Epochs after a reduction during which bad epochs are not counted.</summary>
    public int Cooldown { get; }

    /// <summary>The lowest rate.</summary>
    public float MinRate { get; }

    /// <summary>The smallest change of rate that is made.</summary>
    public float Epsilon { get; }

    /// <summary>The best loss of this run so far (+∞ before the first epoch).</summary>
    public double BestLoss => _best;

    /// <summary>Bad epochs since the last improvement, reduction or cooldown.</summary>
    public int BadEpochs => _badEpochs;

    /// <inheritdoc />
    /// <remarks>The base rate until the first reduction, then the reduced rate (whatever the epoch).</remarks>
    public float LearningRate(float baseRate, int epoch) => _rate is double rate ? (float)rate : baseRate;

    /// <inheritdoc />
    public void Reset()
    {
        _rate = null;
        _best = double.PositiveInfinity;
        _badEpochs = 0;
        _cooldownLeft = 0;
    }

    /// <summary>Steps the schedule with the epoch's validation loss, or its training loss without validation data.</summary>
    /// <inheritdoc />
    public void EpochEnded(EpochReport report)
    {
        Step(report.ValidationLoss ?? report.TrainingLoss, report.LearningRate);
    }

    /// <summary>PyTorch's <c>step(metrics)</c>: <paramref name="loss"/> ended an epoch trained at <paramref name="rate"/>.</summary>
    private void Step(double loss, double rate)
    {
        if (IsBetter(loss))
        {
            _best = loss;
            _badEpochs = 0;
        }
        else _badEpochs++;

        if (_cooldownLeft > 0)
        {
            _cooldownLeft--;
            _badEpochs = 0;
        }

        if (_badEpochs > Patience)
        {
            double reduced = Math.Max(rate * Factor, MinRate);
            if (rate - reduced > Epsilon) _rate = reduced;
            _cooldownLeft = Cooldown;
            _badEpochs = 0;
        }
    }

    private bool IsBetter(double loss) => ThresholdMode switch
    {
        ThresholdMode.Relative => loss < _best * (1.0 - Threshold),
        ThresholdMode.Absolute => loss < _best - Threshold,
        _ => throw new InvalidOperationException($"Unknown threshold mode {ThresholdMode}."),
    };
}
