using Backprop.Training;

namespace Backprop.Schedules;

/// <summary>
/// The learning rate for each epoch, from the base rate in the training options. The trainer calls, per training run:
/// <see cref="Reset"/> once at the start (before it checks the first epochs' rates), <see cref="LearningRate"/> as each
/// epoch starts (and up front for the first epochs, so it must not change the schedule's state), and
/// <see cref="EpochEnded"/> after each epoch with its report. Every call to <c>NetworkTrainer.Train</c> is a new run: epochs
/// count from 0 again and a schedule with state (<see cref="ReduceOnPlateau"/>) starts afresh, as the optimizer does.
/// </summary>
/// <remarks>
/// <see cref="Reset"/> and <see cref="EpochEnded"/> have empty default implementations, so a schedule that is a function
/// of the epoch implements <see cref="LearningRate"/> alone. A schedule with state serves one training run at a time.
/// </remarks>
public interface ILearningRateSchedule
{
    /// <summary>The learning rate to use during <paramref name="epoch"/> (0 = the first epoch).</summary>
    float LearningRate(float baseRate, int epoch);

    /// <summary>Forgets what earlier runs taught the schedule; called once at the start of every training run.</summary>
    void Reset()
    {
    }

    /// <summary>
    /// Learns how the finished epoch went (its training loss, and validation loss when there is validation data); called
    /// after every epoch, before the next epoch's <see cref="LearningRate"/>.
    /// </summary>
    void EpochEnded(EpochReport report)
    {
    }
}
