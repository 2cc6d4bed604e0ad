namespace Backprop.Training;

/// <summary>What happened in one epoch (a value: recording one allocates nothing).</summary>
/// <param name="Epoch">1 for the first epoch.</param>
/// <param name="TrainingLoss">
/// Mean loss per training sample over the epoch (each batch measured before its step), plus the L2 penalty
/// λ/(2N) Σ w² at the end of the epoch when one is set.
/// </param>
/// <param name="ValidationLoss">Mean loss per validation sample after the epoch, or null without validation data.</param>
/// <param name="LearningRate">The learning rate used during the epoch.</param>
/// <param name="Elapsed">Wall-clock time of the epoch.</param>
public readonly record struct EpochReport(int Epoch, double TrainingLoss, double? ValidationLoss, double LearningRate, TimeSpan Elapsed)
{
    /// <summary>
    /// Fraction of validation samples classified correctly after the epoch, for the classification losses
    /// (BinaryCrossEntropy: p ≥ 0.5 matches t ≥ 0.5; SoftmaxCrossEntropy: the largest output is at the largest target);
    /// null for the regression losses or without validation data.
    /// </summary>
    public double? ValidationAccuracy { get; init; }
}
