namespace Backprop.Training;

/// <summary>The loss became NaN or infinite. The network keeps the weights from before the step that broke it.</summary>
public sealed class TrainingDivergedException : Exception
{
    /// <summary>Creates the exception for a divergence at <paramref name="epoch"/>, batch <paramref name="batch"/>.</summary>
    public TrainingDivergedException(int epoch, int batch, double loss, float learningRate)
        : base($"Training diverged at epoch {epoch}, batch {batch}: the loss is {loss}. The network keeps the weights from before that step. " +
               $"Try a lower learning rate than {learningRate} (or gradient clipping, or normalised inputs).")
    {
        Epoch = epoch;
        Batch = batch;
        Loss = loss;
    }

    /// <summary>The epoch (1-based) in which the loss stopped being finite.</summary>
    public int Epoch { get; }

    /// <summary>The mini-batch (1-based, within the epoch) whose loss was not finite.</summary>
    public int Batch { get; }

    /// <summary>The non-finite loss.</summary>
    public double Loss { get; }
}
