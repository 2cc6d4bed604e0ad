namespace Backprop.Schedules;

/// <summary>
/// Cosine annealing, PyTorch's <c>torch.optim.lr_scheduler.CosineAnnealingLR</c> in its closed form:
/// η(t) = η_min + (η₀ − η_min)(1 + cos(π t / T_max)) / 2 for epoch t, from the base rate η₀ at t = 0 down to η_min at
/// t = T_max (<see cref="AnnealingEpochs"/>).
/// </summary>
/// <remarks>
/// Past T_max the cosine goes on, as in PyTorch: the rate climbs back to η₀ at 2T_max. With η_min = 0 the rate of epoch
/// T_max is 0, which the trainer rejects (every epoch's rate must be positive): anneal over T_max ≥ Epochs, or set a
/// positive η_min. For restarts, see <see cref="CosineAnnealingWarmRestarts"/>. Computed in double.
/// </remarks>
public sealed class CosineAnnealing : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="annealingEpochs">T_max ≥ 1, the epochs from η₀ down to η_min (PyTorch's <c>T_max</c>); usually the run's Epochs.</param>
    /// <param name="minRate">η_min ≥ 0, the rate at T_max (PyTorch's <c>eta_min</c>), an absolute rate.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range (the message names it and the range).</exception>
    public CosineAnnealing(int annealingEpochs, float minRate = 0f)
    {
        if (annealingEpochs < 1)
            throw new ArgumentOutOfRangeException(nameof(annealingEpochs), annealingEpochs, "CosineAnnealing: T_max (annealingEpochs) must be at least 1 epoch.");
        if (!(minRate >= 0f) || !float.IsFinite(minRate))
            throw new ArgumentOutOfRangeException(nameof(minRate), minRate, "CosineAnnealing: η_min (minRate) must be a non-negative finite rate.");
        AnnealingEpochs = annealingEpochs;
        MinRate = minRate;
    }

    /// <summary>T_max, the epochs from the base rate down to <see cref="MinRate"/>.</summary>
    public int AnnealingEpochs { get; }

    /// <summary>η_min, the rate at epoch T_max.</summary>
    public float MinRate { get; }

    /// <inheritdoc />
    public float LearningRate(float baseRate, int epoch) => Cosine(baseRate, MinRate, epoch, AnnealingEpochs);

    /// <summary>η_min + (η₀ − η_min)(1 + cos(π t / T)) / 2, in double.</summary>
    internal static float Cosine(float baseRate, float minRate, long t, long period) =>
        (float)(minRate + ((double)baseRate - minRate) * (1 + Math.Cos(Math.PI * t / period)) / 2);
}
