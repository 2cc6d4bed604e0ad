namespace Backprop.Schedules;

/// <summary>η(epoch) = η₀.</summary>
public sealed class ConstantSchedule : ILearningRateSchedule
{
    /// <inheritdoc />
    public float LearningRate(float baseRate, int epoch) => baseRate;
}
