namespace Backprop.Training;

/// <summary>
/// The loss (or the weights after a step) became NaN or infinite. The network keeps the last weights that gave a
/// finite loss: those from before the step that broke it.
/// </summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for a divergence at <paramref name="epoch"/>, batch <paramref name="batch"/>.</summary>
    /// <param name="epoch">The epoch (1-based).</param>
    /// <param name="batch">The mini-batch (1-based, within the epoch).</param>
    /// <param name="loss">The batch's loss: not finite, unless <paramref name="weightsOverflowed"/>.</param>
    /// <param name="learningRate">The learning rate in use, quoted in the advice.</param>
    /// <param name="weightsOverflowed">True when the loss was finite but the step drove a weight to NaN or ∞.</param>
    public TrainingDivergedException(int epoch, int batch, double loss, float learningRate, bool weightsOverflowed = false)
        : base((weightsOverflowed
                   ? $"Training diverged at epoch {epoch}, batch {batch}: the step turned a weight into NaN or ∞ (the batch loss was {loss}). "
                   : $"Training diverged at epoch {epoch}, batch {batch}: the loss is {loss}. ") +
               "The network keeps the weights from before the step that broke it. " +
               $"Try a lower learning rate than {learningRate} (or gradient clipping, or normalised inputs).")
    {
        Epoch = epoch;
        Batch = batch;
        Loss = loss;
        LearningRate = learningRate;
    }

    /// <summary>The epoch (1-based) in which training diverged.</summary>
    public int Epoch { get; }

    /// <summary>The mini-batch (1-based, within the epoch) at which training diverged.</summary>
    public int Batch { get; }

    /// <summary>The batch's loss (NaN or ∞ unless the weights overflowed on a finite loss).</summary>
    public double Loss { get; }

    /// <summary>The learning rate in use when training diverged.</summary>
    public float LearningRate { get; }
}
