namespace Backprop.Schedules;

/// <summary>η(epoch) = η₀ / (1 + k · epoch): a slow decay that tames the early oscillations of wide layers.</summary>
public sealed class InverseTimeDecay : ILearningRateSchedule
{
    /// <summary>Creates the schedule with decay rate <paramref name="k"/> ≥ 0.</summary>
    public InverseTimeDecay(float k)
    {
        if (!(k >= 0f)) throw new ArgumentOutOfRangeException(nameof(k), k, "The decay rate must be non-negative.");
        K = k;
    }

    /// <summary>The decay rate k.</summary>
    public float K { get; }

    /// <inheritdoc />
    public float LearningRate(float baseRate, int epoch) => baseRate / (1f + K * epoch);
}
