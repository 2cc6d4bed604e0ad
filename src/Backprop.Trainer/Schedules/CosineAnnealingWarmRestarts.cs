namespace Backprop.Schedules;

/// <summary>
/// Cosine annealing with warm restarts (SGDR, Loshchilov and Hutter, 2017), PyTorch's
/// <c>torch.optim.lr_scheduler.CosineAnnealingWarmRestarts</c> stepped once per epoch:
/// η(t) = η_min + (η₀ − η_min)(1 + cos(π T_cur / T_i)) / 2, where T_cur counts the epochs since the last restart and the
/// i-th period lasts T_i = T_0 · T_multⁱ epochs; at each restart the rate jumps back to the base rate η₀.
/// </summary>
/// <remarks>
/// Per-epoch granularity: PyTorch can also step it by fractions of an epoch (per mini-batch); here T_cur is a whole number
/// of epochs. T_cur &lt; T_i, so the rate stays above η_min. Computed in double, the periods in integers.
/// </remarks>
public sealed class CosineAnnealingWarmRestarts : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="firstPeriod">T_0 ≥ 1, the epochs of the first period (PyTorch's <c>T_0</c>).</param>
    /// <param name="periodMultiplier">T_mult ≥ 1, the factor by which each period is longer than the one before (PyTorch's <c>T_mult</c>).</param>
    /// <param name="minRate">η_min ≥ 0, the rate the cosine falls towards (PyTorch's <c>eta_min</c>), an absolute rate.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range (the message names it and the range).</exception>
    public CosineAnnealingWarmRestarts(int firstPeriod, int periodMultiplier = 1, float minRate = 0f)
    {
        if (firstPeriod < 1)
            throw new ArgumentOutOfRangeException(nameof(firstPeriod), firstPeriod, "CosineAnnealingWarmRestarts: T_0 (firstPeriod) must be at least 1 epoch.");
        if (periodMultiplier < 1)
            throw new ArgumentOutOfRangeException(nameof(periodMultiplier), periodMultiplier, "CosineAnnealingWarmRestarts: T_mult (periodMultiplier) must be at least 1.");
        if (!(minRate >= 0f) || !float.IsFinite(minRate))
            throw new ArgumentOutOfRangeException(nameof(minRate), minRate, "CosineAnnealingWarmRestarts: η_min (minRate) must be a non-negative finite rate.");
        FirstPeriod = firstPeriod;
        PeriodMultiplier = periodMultiplier;
        MinRate = minRate;
    }

    /// <summary>T_0, the epochs of the first period.</summary>
    public int FirstPeriod { get; }

    /// <summary>T_mult, the growth of each period over the one before.</summary>
    public int PeriodMultiplier { get; }

    /// <summary>η_min, the rate the cosine falls towards.</summary>
    public float MinRate { get; }

    /// <inheritdoc />
    public float LearningRate(float baseRate, int epoch)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        long sinceRestart = epoch, period = FirstPeriod;
        if (PeriodMultiplier == 1) sinceRestart %= period;
        else
        {
            // At most 31 periods fit in int.MaxValue epochs when each is at least twice as long as the one before.
            while (sinceRestart >= period)
            {
                sinceRestart -= period;
                period *= PeriodMultiplier;
            }
        }

        return CosineAnnealing.Cosine(baseRate, MinRate, sinceRestart, period);
    }
}
