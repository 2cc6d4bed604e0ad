namespace Backprop.Training;

/// <summary>
/// The loss (or the weights after a step) became NaN or infinite. The network keeps the last weights that gave a
/// finite loss: those from before the step that broke it (or, when no step had been taken yet, the weights it started
/// with). <see cref="History"/> holds the epochs completed before it.
/// </summary>
public class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for a divergence at <paramref name="epoch"/>, batch <paramref name="batch"/>.</summary>
    /// <param name="epoch">The epoch (1-based).</param>
    /// <param name="batch">The mini-batch (1-based, within the epoch).</param>
    /// <param name="loss">The batch's loss: not finite, unless <paramref name="weightsOverflowed"/>.</param>
    /// <param name="learningRate">The learning rate in use, quoted in the advice.</param>
    /// <param name="weightsOverflowed">True when the loss was finite but the step drove a weight to NaN or ∞.</param>
    public TrainingDivergedException(int epoch, int batch, double loss, float learningRate, bool weightsOverflowed = false)
        : this(epoch, batch, loss, learningRate, weightsOverflowed, beforeFirstStep: false)
    {
    }

    /// <summary>Creates the exception, saying whether any optimizer step had been taken before the divergence.</summary>
    /// <param name="epoch">The epoch (1-based).</param>
    /// <param name="batch">The mini-batch (1-based, within the epoch).</param>
    /// <param name="loss">The batch's loss: not finite, unless <paramref name="weightsOverflowed"/>.</param>
    /// <param name="learningRate">The learning rate in use, quoted in the advice.</param>
    /// <param name="weightsOverflowed">True when the loss was finite but the step drove a weight to NaN or ∞.</param>
    /// <param name="beforeFirstStep">
    /// True when the loss was not finite before the optimizer took any step: the learning rate is not the cause, the data
    /// (or the starting weights) overflow float32.
    /// </param>
    public TrainingDivergedException(int epoch, int batch, double loss, float learningRate, bool weightsOverflowed, bool beforeFirstStep)
        : base(MessageFor(epoch, batch, loss, learningRate, weightsOverflowed, beforeFirstStep))
    {
        Epoch = epoch;
        Batch = batch;
        Loss = loss;
        LearningRate = learningRate;
        WeightsOverflowed = weightsOverflowed;
        BeforeFirstStep = beforeFirstStep;
    }

    /// <summary>
    /// For wrappers that hand the caller more than the trainer can (ML.NET's Fit puts the last good model on its
    /// exception): the same divergence as <paramref name="cause"/>, with <paramref name="message"/>, and
    /// <paramref name="cause"/> as the inner exception.
    /// </summary>
    /// <param name="cause">The trainer's exception.</param>
    /// <param name="message">The full message.</param>
    protected TrainingDivergedException(TrainingDivergedException cause, string message)
        : base(message, cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        Epoch = cause.Epoch;
        Batch = cause.Batch;
        Loss = cause.Loss;
        LearningRate = cause.LearningRate;
        WeightsOverflowed = cause.WeightsOverflowed;
        BeforeFirstStep = cause.BeforeFirstStep;
        History = cause.History;
    }

    /// <summary>The epoch (1-based) in which training diverged.</summary>
    public int Epoch { get; }

    /// <summary>The mini-batch (1-based, within the epoch) at which training diverged.</summary>
    public int Batch { get; }

    /// <summary>The batch's loss (NaN or ∞ unless the weights overflowed on a finite loss).</summary>
    public double Loss { get; }

    /// <summary>The learning rate in use when training diverged.</summary>
    public float LearningRate { get; }

    /// <summary>True when the loss was finite but the step drove a weight to NaN or ∞.</summary>
    public bool WeightsOverflowed { get; }

    /// <summary>True when no optimizer step had been taken: the data (or the starting weights) overflow, not the learning rate.</summary>
    public bool BeforeFirstStep { get; }

    /// <summary>The epochs completed before the divergence (set by <see cref="NetworkTrainer"/>; null when thrown elsewhere).</summary>
    public TrainingHistory? History { get; internal set; }

    private static string MessageFor(int epoch, int batch, double loss, float learningRate, bool weightsOverflowed, bool beforeFirstStep)
    {
        if (beforeFirstStep && !weightsOverflowed)
            return $"Training diverged at epoch {epoch}, batch {batch}, before any step was taken: the loss of the starting weights on this batch is {loss}, " +
                   "so the data overflows float32 (an input or target too large, such as 3e38), or the starting weights do; the learning rate is not the cause. " +
                   "Scale or normalise the inputs and targets. The network keeps its starting weights.";
        return (weightsOverflowed
                   ? $"Training diverged at epoch {epoch}, batch {batch}: the step turned a weight into NaN or ∞ (the batch loss was {loss}). "
                   : $"Training diverged at epoch {epoch}, batch {batch}: the loss is {loss}. ") +
               "The network keeps the weights from before the step that broke it. " +
               $"Try a lower learning rate than {learningRate} (or gradient clipping, or normalised inputs).";
    }
}
