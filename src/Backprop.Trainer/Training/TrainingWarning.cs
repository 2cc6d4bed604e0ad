namespace Backprop.Training;

/// <summary>What kind of "no progress" a <see cref="TrainingWarning"/> reports. The rules are on <see cref="StallCheck"/>.</summary>
public enum TrainingWarningKind
{
    /// <summary>
    /// The training loss did not decrease meaningfully: over at least <see cref="StallCheck.MinimumEpochs"/> epochs the last
    /// epoch's training loss is at least <see cref="StallCheck.FlatLossRatio"/> × the first epoch's, and the loss on the
    /// probe rows with the final weights is at least that ratio × the loss with the weights training started from.
    /// </summary>
    LossFlat = 0,

    /// <summary>Every unit of a ReLU dense layer outputs 0 for every probe row: no gradient reaches its weights or anything before it.</summary>
    DeadLayer = 1,

    /// <summary>
    /// At least <see cref="StallCheck.MostlyDeadFraction"/> (but not all) of the units of a ReLU dense layer output 0 for
    /// every probe row.
    /// </summary>
    MostlyDeadLayer = 2,

    /// <summary>
    /// The network's outputs barely vary over the probe rows: for every output whose target varies, the outputs' standard
    /// deviation over the probe rows is at most <see cref="StallCheck.ConstantOutputRatio"/> × the target's over the training rows.
    /// </summary>
    ConstantOutputs = 3,

    /// <summary>Every training row has the same target: there is nothing to learn but a constant.</summary>
    ConstantTargets = 4,
}

/// <summary>
/// A sign, found after training, that the run made no progress: its kind, the layer it concerns (null when it concerns
/// the whole network) and a message that names the layer and suggests a fix. See <see cref="TrainingHistory.Warnings"/>.
/// </summary>
/// <param name="Kind">What was found.</param>
/// <param name="Layer">The layer's property name (e.g. <c>Hidden</c>); the output layer for <see cref="TrainingWarningKind.ConstantOutputs"/>; null for <see cref="TrainingWarningKind.LossFlat"/> and <see cref="TrainingWarningKind.ConstantTargets"/>.</param>
/// <param name="Message">One sentence or a few, in English, with the numbers measured and the fixes to try.</param>
public sealed record TrainingWarning(TrainingWarningKind Kind, string? Layer, string Message)
{
    /// <summary>The message.</summary>
    public override string ToString() => Message;
}
