using Backprop.Initialization;
using Backprop.Optimizers;
using Backprop.Schedules;

namespace Backprop.Training;

/// <summary>How <see cref="NetworkTrainer"/> trains a network. Every value is checked by <see cref="Validate"/> before training starts.</summary>
public sealed class TrainingOptions
{
    /// <summary>Passes over the training data. Default 100.</summary>
    public int Epochs { get; set; } = 100;

    /// <summary>
    /// Samples per mini-batch; the gradient is the mean over the batch and the last partial batch is kept. Default 32.
    /// Any positive value is accepted: the batch buffers are sized by the smaller of this and the number of rows when
    /// the sources know it, and a batch whose buffers would exceed the largest .NET array is rejected naming the limit.
    /// </summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Base step size η (a schedule may change it per epoch). Default 0.01.</summary>
    public float LearningRate { get; set; } = 0.01f;

    /// <summary>
    /// The update rule; null means plain SGD. The trainer resets it before training. Provided: <see cref="Sgd"/>,
    /// <see cref="Momentum"/>, <see cref="Adam"/>, <see cref="AdamW"/>, <see cref="RMSprop"/>.
    /// </summary>
    public IOptimizer? Optimizer { get; set; }

    /// <summary>
    /// The learning rate per epoch, from <see cref="LearningRate"/>; null means constant. The trainer resets it at the start
    /// of each run and tells it every finished epoch's report (<see cref="ILearningRateSchedule.EpochEnded"/>), which
    /// <see cref="ReduceOnPlateau"/> uses. Provided: <see cref="ConstantSchedule"/>, <see cref="StepDecay"/>,
    /// <see cref="ExponentialDecay"/>, <see cref="InverseTimeDecay"/>, <see cref="CosineAnnealing"/>,
    /// <see cref="CosineAnnealingWarmRestarts"/>, <see cref="OneCycle"/>, <see cref="ReduceOnPlateau"/>.
    /// </summary>
    public ILearningRateSchedule? Schedule { get; set; }

    /// <summary>
    /// L2 penalty λ: the trainer minimises C = (1/N) Σₙ Cₙ + λ/(2N) Σ w² over the weights (not the biases), N being the
    /// number of training samples; each step adds (λ/N)·w to the weight gradients. Default 0 (off).
    /// </summary>
    public float L2 { get; set; }

    /// <summary>Seed for initialisation, shuffling and the validation split: the same seed and data give bit-identical weights.</summary>
    public int Seed { get; set; }

    /// <summary>Visit the training samples in a new seeded order every epoch. Default true.</summary>
    public bool Shuffle { get; set; } = true;

    /// <summary>
    /// Fraction of the data held out for validation when no validation source is given (0 = none). In [0, 1); a fraction
    /// so large that no training row is left fails with a message that names it. Each row is held out or not by a seeded
    /// hash of its position (no extra pass over streamed data); <see cref="InMemorySamples"/> are split once into two
    /// parts by the same rule that read the same arrays (no copy of the rows), messages naming rows by their position in the data.
    /// </summary>
    public float ValidationFraction { get; set; }

    /// <summary>
    /// Stop when the validation loss has not improved for this many epochs and restore the best weights; null = never.
    /// Needs validation data (a validation source or <see cref="ValidationFraction"/> &gt; 0).
    /// </summary>
    public int? EarlyStoppingPatience { get; set; }

    /// <summary>
    /// Rescale each step's gradient (over all parameters, after the L2 term is added) to this L2 norm when its norm is larger;
    /// 0 = no clipping.
    /// </summary>
    public float GradientClipNorm { get; set; }

    /// <summary>
    /// Weights per class for the classification losses: with <see cref="Loss.SoftmaxCrossEntropy"/> one per output (the
    /// weight of the class a target marks with its largest value); with <see cref="Loss.BinaryCrossEntropy"/> on one output,
    /// two: the weight of targets below 0.5, then of targets at or above it. They multiply the sample weights; null = all 1.
    /// </summary>
    public float[]? ClassWeights { get; set; }

    /// <summary>How the weights are set before training. Default <see cref="InitializationScheme.Auto"/>.</summary>
    public InitializationScheme Initialization { get; set; } = InitializationScheme.Auto;

    /// <summary>
    /// After a run that completes, check whether it made progress and list what looks wrong in
    /// <see cref="TrainingHistory.Warnings"/> (see <see cref="StallCheck"/> for the rules): one more pass over the training
    /// rows and an inference pass over a probe of at most <see cref="StallCheck.ProbeRows"/> of them; nothing during the
    /// epochs, and no effect on the weights. Default true.
    /// </summary>
    public bool StallWarnings { get; set; } = true;

    /// <summary>Receives one report per epoch (on the training thread).</summary>
    public IProgress<EpochReport>? Progress { get; set; }

    /// <summary>
    /// Checked before anything else (a token already cancelled throws at once and changes nothing) and between
    /// mini-batches; cancelling throws <see cref="OperationCanceledException"/> and leaves the last completed step's weights.
    /// </summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>
    /// The learning rate of <paramref name="epoch"/> (0-based): the schedule's, or the base rate without one.
    /// </summary>
    /// <exception cref="ArgumentException">The schedule gives a rate that is not a positive finite number.</exception>
    internal float LearningRateAt(int epoch)
    {
        if (Schedule is not ILearningRateSchedule schedule) return LearningRate;
        float rate = schedule.LearningRate(LearningRate, epoch);
        if (!(rate > 0f) || !float.IsFinite(rate))
            throw new ArgumentException(
                $"The learning-rate schedule {schedule.GetType().Name} gives {rate} for epoch {epoch + 1} (base rate {LearningRate}); every epoch's learning rate must be a positive finite number.",
                "options");
        return rate;
    }

    /// <summary>Throws if any option is out of range, naming the option, its value and what is allowed.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentOutOfRangeException(nameof(Epochs), Epochs, "Epochs must be at least 1.");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize must be at least 1.");
        if (!(LearningRate > 0f) || !float.IsFinite(LearningRate))
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "LearningRate must be a positive finite number.");
        if (!(L2 >= 0f) || !float.IsFinite(L2)) throw new ArgumentOutOfRangeException(nameof(L2), L2, "L2 must be a non-negative finite number.");
        if (!(ValidationFraction >= 0f && ValidationFraction < 1f))
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "ValidationFraction must be in [0, 1).");
        if (EarlyStoppingPatience is < 1)
            throw new ArgumentOutOfRangeException(nameof(EarlyStoppingPatience), EarlyStoppingPatience, "EarlyStoppingPatience must be at least 1 epoch (or null for none).");
        if (!(GradientClipNorm >= 0f) || !float.IsFinite(GradientClipNorm))
            throw new ArgumentOutOfRangeException(nameof(GradientClipNorm), GradientClipNorm, "GradientClipNorm must be a non-negative finite number (0 = off).");
        if (ClassWeights is not null)
            for (int i = 0; i < ClassWeights.Length; i++)
                if (!(ClassWeights[i] >= 0f) || !float.IsFinite(ClassWeights[i]))
                    throw new ArgumentOutOfRangeException(nameof(ClassWeights), ClassWeights[i], $"ClassWeights[{i}] must be a finite non-negative number.");
        if (!Enum.IsDefined(Initialization))
            throw new ArgumentOutOfRangeException(nameof(Initialization), Initialization, "Unknown initialisation scheme.");
    }
}
