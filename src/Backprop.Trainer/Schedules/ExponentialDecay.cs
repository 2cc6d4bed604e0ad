namespace Backprop.Schedules;

/// <summary>η(epoch) = η₀ · γ^epoch.</summary>
public sealed class ExponentialDecay : ILearningRateSchedule
{
    /// <summary>Creates the schedule with per-epoch factor <paramref name="gamma"/> in (0, 1].</summary>
    public ExponentialDecay(float gamma)
    {
        if (!(gamma > 0f && gamma <= 1f)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "γ must be in (0, 1].");
        Gamma = gamma;
    }

    /// <summary>The per-epoch factor γ.</summary>
    public float Gamma { get; }

    /// <inheritdoc />
    public float LearningRate(float baseRate, int epoch) => baseRate * MathF.Pow(Gamma, epoch);
}
