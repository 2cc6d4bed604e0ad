namespace Backprop.Schedules;

/// <summary>η(epoch) = η₀ · factor^⌊epoch / every⌋: the rate drops by <c>factor</c> every <c>every</c> epochs.</summary>
public sealed class StepDecay : ILearningRateSchedule
{
    /// <summary>Creates the schedule.</summary>
    /// <param name="every">Epochs between drops (≥ 1).</param>
    /// <param name="factor">Multiplier at each drop, in (0, 1].</param>
    public StepDecay(int every, float factor)
    {
        if (every < 1) throw new ArgumentOutOfRangeException(nameof(every), every, "The decay period must be at least one epoch.");
        if (!(factor > 0f && factor <= 1f)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "The decay factor must be in (0, 1].");
        Every = every;
        Factor = factor;
    }

    /// <summary>Epochs between drops.</summary>
    public int Every { get; }

    /// <summary>Multiplier at each drop.</summary>
    public float Factor { get; }

    /// <inheritdoc />
    public float LearningRate(float baseRate, int epoch) => baseRate * MathF.Pow(Factor, epoch / Every);
}
