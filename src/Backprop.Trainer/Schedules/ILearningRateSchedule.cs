namespace Backprop.Schedules;

/// <summary>The learning rate for each epoch, from the base rate in the training options.</summary>
public interface ILearningRateSchedule
{
    /// <summary>The learning rate to use during <paramref name="epoch"/> (0 = the first epoch).</summary>
    float LearningRate(float baseRate, int epoch);
}
