namespace Backprop.Training;

/// <summary>What happened in one epoch.</summary>
/// <param name="Epoch">1 for the first epoch.</param>
/// <param name="TrainingLoss">Mean loss per training sample over the epoch (measured before each step), plus the L2 penalty when one is set.</param>
/// <param name="ValidationLoss">Mean loss per validation sample after the epoch, or null without validation data.</param>
/// <param name="LearningRate">The learning rate used during the epoch.</param>
/// <param name="Elapsed">Wall-clock time of the epoch.</param>
public sealed record EpochReport(int Epoch, double TrainingLoss, double? ValidationLoss, double LearningRate, TimeSpan Elapsed);
