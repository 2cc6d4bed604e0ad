namespace Backprop.Training;

/// <summary>The record of one training run: a report per epoch, and whether and where early stopping ended it.</summary>
public sealed class TrainingHistory
{
    private readonly List<EpochReport> _epochs = [];

    /// <summary>One report per completed epoch, in order.</summary>
    public IReadOnlyList<EpochReport> Epochs => _epochs;

    /// <summary>Whether early stopping ended the run before the last epoch.</summary>
    public bool StoppedEarly { get; internal set; }

    /// <summary>The epoch whose weights the network holds at the end: the best validation epoch with early stopping, else the last.</summary>
    public int BestEpoch { get; internal set; }

    /// <summary>Number of training samples per epoch (after any validation split).</summary>
    public long TrainingSamples { get; internal set; }

    /// <summary>Number of validation samples (0 without validation).</summary>
    public long ValidationSamples { get; internal set; }

    /// <summary>
    /// Signs that the run made no progress (a flat loss, a dead ReLU layer, constant outputs or targets), each naming the
    /// layer and suggesting a fix; empty when none was found, when <see cref="TrainingOptions.StallWarnings"/> is off, and
    /// for a restored history (they are not saved with a model). The rules are on <see cref="StallCheck"/>.
    /// </summary>
    public IReadOnlyList<TrainingWarning> Warnings { get; internal set; } = [];

    /// <summary>Rebuilds a history that was saved with a model (the training run itself is not repeated).</summary>
    public static TrainingHistory Restore(IEnumerable<EpochReport> epochs, bool stoppedEarly, int bestEpoch, long trainingSamples, long validationSamples)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        var history = new TrainingHistory
        {
            StoppedEarly = stoppedEarly, BestEpoch = bestEpoch, TrainingSamples = trainingSamples, ValidationSamples = validationSamples,
        };
        history._epochs.AddRange(epochs);
        return history;
    }

    internal void Add(EpochReport report) => _epochs.Add(report);

    /// <summary>Room for <paramref name="epochs"/> more reports (up to 65,536 at once), so that recording an epoch allocates nothing.</summary>
    internal void Reserve(int epochs) => _epochs.EnsureCapacity(_epochs.Count + Math.Min(epochs, 1 << 16));
}
