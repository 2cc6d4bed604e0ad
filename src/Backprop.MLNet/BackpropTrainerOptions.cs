using Backprop.Optimizers;
using Backprop.Schedules;
using Backprop.Training;

namespace Backprop.MLNet;

/// <summary>
/// Options of the Backprop trainers, in ML.NET's style: column names, and how the generated network is trained.
/// Every value is checked when the estimator is created. Each task has its own options class deriving from this one
/// (<see cref="BackpropBinaryTrainer.Options"/>, <see cref="BackpropMulticlassTrainer.Options"/>,
/// <see cref="BackpropRegressionTrainer.Options"/>), as ML.NET's trainers have; this base class is accepted too.
/// </summary>
public class BackpropTrainerOptions
{
    /// <summary>The label column: <see cref="bool"/> (binary), a key (multiclass) or <see cref="float"/> / float vector (regression). Default "Label".</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>
    /// The feature column: a known-size vector of <see cref="float"/> (dense or sparse) of the network's input size; for a
    /// network declared without <c>Inputs</c>, of any size, which becomes its input count at <c>Fit</c>. Default "Features".
    /// </summary>
    public string FeatureColumnName { get; set; } = "Features";

    /// <summary>
    /// The example-weight column (<see cref="float"/>, finite, ≥ 0), or null for none (the default): each row's loss and
    /// gradient count in proportion to its weight, Σ wₙ∇Cₙ / Σ wₙ per batch, as ML.NET's weighted trainers do.
    /// </summary>
    public string? ExampleWeightColumnName { get; set; }

    /// <summary>
    /// ML.NET's convention for scaling (default true): when the feature column is not marked <c>IsNormalized</c> (ML.NET's
    /// normalisers, e.g. <c>NormalizeMeanVariance</c>, mark their output) and the network has no <see cref="NormalizeAttribute"/>
    /// layer, the trainer standardises each feature with the mean and standard deviation of the training data, stores that
    /// in the model (<see cref="BackpropTransformer.Standardizer"/>) and applies it at prediction, so that a pipeline written
    /// for a tree trainer works unchanged. It is logged once at Info. False feeds the features to the network as they are.
    /// </summary>
    public bool StandardizeFeatures { get; set; } = true;

    /// <summary>Passes over the training data. Default 100.</summary>
    public int Epochs { get; set; } = 100;

    /// <summary>
    /// Rows per mini-batch (mean gradient; the last partial batch is kept). Default <see cref="DefaultBatchSize"/>; for
    /// classification with the default recipe (<see cref="UsesDefaultRecipe"/>) and this left unset, small data gets smaller
    /// batches so that an epoch has at least <see cref="DefaultBatchesPerEpoch"/> steps: rows / 12, between
    /// <see cref="MinimumDefaultBatchSize"/> and 32 (iris, 105 training rows: batch 8, mean test accuracy 0.971 against 0.961
    /// at batch 32; README, "Defaults"). Regression's recipe (L2, rescaling) was measured at 32 and keeps it.
    /// </summary>
    public int BatchSize { get => _batchSize ?? DefaultBatchSize; set => _batchSize = value; }

    private int? _batchSize;

    /// <summary>The batch size when none is set: 32.</summary>
    public const int DefaultBatchSize = 32;

    /// <summary>The fewest steps per epoch the default recipe gives small data by shrinking an unset batch size.</summary>
    public const int DefaultBatchesPerEpoch = 12;

    /// <summary>The smallest batch the default recipe picks for small data.</summary>
    public const int MinimumDefaultBatchSize = 8;

    /// <summary>The batch size of a <paramref name="kind"/> run on <paramref name="rows"/> labelled rows (see <see cref="BatchSize"/>).</summary>
    internal int BatchSizeFor(PredictionKind kind, long rows) => _batchSize ?? kind switch
    {
        PredictionKind.BinaryClassification or PredictionKind.MulticlassClassification when UsesDefaultRecipe =>
            (int)Math.Clamp(rows / DefaultBatchesPerEpoch, MinimumDefaultBatchSize, DefaultBatchSize),
        PredictionKind.BinaryClassification or PredictionKind.MulticlassClassification or PredictionKind.Regression => DefaultBatchSize,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown prediction kind."),
    };

    /// <summary>
    /// Base learning rate. Default: <see cref="DefaultAdamLearningRate"/> with the default optimizer (neither
    /// <see cref="Optimizer"/> nor <see cref="Schedule"/> nor this rate set), 0.01 otherwise (the rate's meaning before the
    /// default became Adam). A rate you set is used exactly as set.
    /// </summary>
    public float LearningRate
    {
        get => _learningRate ?? (UsesDefaultRecipe ? DefaultAdamLearningRate : 0.01f);
        set => _learningRate = value;
    }

    /// <summary>
    /// The update rule. Null (the default) means <see cref="Adam"/> (β₁ 0.9, β₂ 0.999) at <see cref="DefaultAdamLearningRate"/>
    /// when neither <see cref="LearningRate"/> nor <see cref="Schedule"/> is set, and plain SGD when either is: a rate or
    /// schedule chosen by hand was chosen for plain SGD (what null meant before) and keeps that meaning. Provided:
    /// <see cref="Sgd"/>, <see cref="Momentum"/>, <see cref="Adam"/>, <see cref="AdamW"/>, <see cref="RMSprop"/>.
    /// </summary>
    public IOptimizer? Optimizer { get; set; }

    /// <summary>The learning rate of the default optimizer (Adam): 3·10⁻³, measured on small tabular data (see README, "Defaults").</summary>
    public const float DefaultAdamLearningRate = 3e-3f;

    /// <summary>
    /// Whether the trainer picks the optimisation itself: none of <see cref="Optimizer"/>, <see cref="LearningRate"/> and
    /// <see cref="Schedule"/> is set. Then training uses Adam at <see cref="DefaultAdamLearningRate"/> and, unless set, holds
    /// out <see cref="DefaultValidationFraction"/> of the rows to stop early after <see cref="DefaultEarlyStoppingPatience"/>
    /// epochs without a better validation loss, from <see cref="DefaultHoldOutMinimumRows"/> labelled rows for classification
    /// and <see cref="DefaultRegressionHoldOutMinimumRows"/> for regression (5,000 both; below, every row trains for all
    /// <see cref="Epochs"/>). Regression also standardises its label (<see cref="StandardizeLabel"/>), uses L2
    /// <see cref="DefaultRegressionL2"/> and rescales its score (<see cref="RescaleScore"/>). Measured: README, "Defaults".
    /// </summary>
    public bool UsesDefaultRecipe => Optimizer is null && _learningRate is null && Schedule is null;

    private float? _learningRate;

    /// <summary>
    /// Learning rate per epoch (<see cref="TrainingOptions.Schedule"/>); null means constant. <see cref="ReduceOnPlateau"/>
    /// follows the validation loss of the validation view passed to <c>Fit(train, validation)</c> or of the
    /// <see cref="ValidationFraction"/> hold-out, else the training loss; each <c>Fit</c> starts the schedule afresh.
    /// </summary>
    public ILearningRateSchedule? Schedule { get; set; }

    /// <summary>
    /// L2 penalty λ on the weights (λ/(2N) Σ w², so it fades as the data grows). Default 0; for regression with the default
    /// recipe (<see cref="UsesDefaultRecipe"/>) <see cref="DefaultRegressionL2"/>, which on a few hundred noisy rows keeps the
    /// network close to the linear fit, the shrinkage it causes being undone by <see cref="RescaleScore"/> (measured: README,
    /// "Defaults"). A value you set is used as set.
    /// </summary>
    public float L2Regularization
    {
        get => _l2 ?? 0f;
        set => _l2 = value;
    }

    /// <summary>
    /// The L2 penalty of the default recipe for regression: 60, the best of 10–300 on generated linear and nonlinear tables
    /// with <see cref="RescaleScore"/> (lower lets the hidden units fit the noise of a few hundred rows, higher gives up most
    /// of what the network gains on nonlinear data; README, "Defaults").
    /// </summary>
    public const float DefaultRegressionL2 = 60f;

    private float? _l2;

    /// <summary>The L2 penalty of this run: the one set, else the default recipe's for regression, else 0.</summary>
    internal float L2For(PredictionKind kind) => _l2 ?? (kind == PredictionKind.Regression && UsesDefaultRecipe ? DefaultRegressionL2 : 0f);

    /// <summary>Seed for initialisation, shuffling and the validation split; null takes one from the MLContext (so <c>new MLContext(seed)</c> makes training repeatable).</summary>
    public int? Seed { get; set; }

    /// <summary>
    /// Visit the rows in a new seeded order every epoch. Default true. The trainer reads the rows into memory once when they
    /// fit in <see cref="ShuffleMemoryLimit"/> and shuffles them there; larger data is shuffled by the view's own cursor when
    /// it can shuffle (a cached view), else through a pool of rows that fills that budget; the log says which.
    /// </summary>
    public bool Shuffle { get; set; } = true;

    /// <summary>
    /// Bytes the trainer may use for an in-memory copy of the data: the training rows (and the validation rows, each set on
    /// its own) are kept in arrays when they fit (4 bytes per input, target and weight) by the pass that checks them
    /// before training, so that this is the only pass over the view and every epoch runs from memory; otherwise the view
    /// is read every epoch, through a shuffle pool of this size when it cannot shuffle itself. When the view does not know
    /// its row count (a cache not yet filled, a text file), the rows are gathered in chunks and joined at the end, which
    /// takes up to twice their size for a moment. Default 256 MiB; 0 reads the view every epoch.
    /// </summary>
    public long ShuffleMemoryLimit { get; set; } = 256L << 20;

    /// <summary>
    /// Fraction of rows held out to report a validation loss (and for early stopping). Default 0, or
    /// <see cref="DefaultValidationFraction"/> with the default recipe (<see cref="UsesDefaultRecipe"/>). Set 0 to train on every row.
    /// </summary>
    public float ValidationFraction
    {
        get => _validationFraction ?? (UsesDefaultRecipe ? DefaultValidationFraction : 0f);
        set => _validationFraction = value;
    }

    /// <summary>
    /// Stop after this many epochs without a better validation loss, keeping the best weights; null = never. Needs
    /// <see cref="ValidationFraction"/> &gt; 0 (or a validation view). Default null, or <see cref="DefaultEarlyStoppingPatience"/>
    /// with the default recipe (<see cref="UsesDefaultRecipe"/>) when the validation fraction is not set to 0.
    /// </summary>
    public int? EarlyStoppingPatience
    {
        get => _patienceSet ? _patience : UsesDefaultRecipe && ValidationFraction > 0 ? DefaultEarlyStoppingPatience : null;
        set
        {
            _patience = value;
            _patienceSet = true;
        }
    }

    /// <summary>The hold-out of the default recipe: 10 % of the training rows.</summary>
    public const float DefaultValidationFraction = 0.1f;

    /// <summary>The early-stopping patience of the default recipe, in epochs.</summary>
    public const int DefaultEarlyStoppingPatience = 10;

    /// <summary>
    /// The fewest labelled rows for which the default recipe holds rows out for classification: below it every row trains
    /// for all <see cref="Epochs"/>. Early stopping on a 10 % hold-out of a few hundred rows stopped at a noisy epoch (iris,
    /// 105 training rows: one seed in five stopped at epoch 11 with the best at epoch 1, a constant prediction; breast
    /// cancer, 400 rows: stopped at epochs 14–82) and lost the held-out rows: mean test accuracy 0.84 / 0.92 against 0.97 /
    /// 0.95 training every row; on digits (900 and 1,440 rows) it was no better either. The same threshold as
    /// regression's (<see cref="DefaultRegressionHoldOutMinimumRows"/>); it was 100 (README, "Defaults").
    /// </summary>
    public const int DefaultHoldOutMinimumRows = 5_000;

    /// <summary>
    /// The fewest labelled rows for which the default recipe holds rows out for regression: below it every row trains for all
    /// <see cref="Epochs"/> (L2 regularises; on 200–2,000 noisy rows early stopping on a 10 % hold-out of them stopped at a
    /// noisy epoch and lost the held-out rows, costing up to 0.02 R²), from it up the hold-out and early stopping save time
    /// (10,000 rows: the same R², a quarter of the epochs; README, "Defaults").
    /// </summary>
    public const int DefaultRegressionHoldOutMinimumRows = 5_000;

    /// <summary>The fewest rows for which the default recipe holds rows out, for <paramref name="kind"/>.</summary>
    internal static int HoldOutMinimumRows(PredictionKind kind) => kind == PredictionKind.Regression ? DefaultRegressionHoldOutMinimumRows : DefaultHoldOutMinimumRows;

    /// <summary>Whether the hold-out and patience are the default recipe's (neither set).</summary>
    internal bool HoldOutIsDefault => UsesDefaultRecipe && _validationFraction is null && !_patienceSet;

    private float? _validationFraction;
    private int? _patience;
    private bool _patienceSet;

    /// <summary>
    /// Regression only: train the network on the standardised label, (t − μ)/σ per output with μ and σ of the training
    /// rows, and map its outputs back (o·σ + μ), so that Score stays in the label's units; stored in the model
    /// (<see cref="BackpropTransformer.LabelStandardizer"/>). Null (the default) standardises with the default recipe
    /// (<see cref="UsesDefaultRecipe"/>: a label in the hundreds otherwise makes the first steps' gradients hundreds of times
    /// too large for the default rate) and not when an optimizer, rate or schedule is set (a rate tuned by hand was tuned
    /// to the label's scale). True or false decide it either way. Ignored by classification.
    /// </summary>
    public bool? StandardizeLabel { get; set; }

    /// <summary>Whether a regression label is standardised in this run.</summary>
    internal bool StandardizesLabel => StandardizeLabel ?? UsesDefaultRecipe;

    /// <summary>
    /// Regression with a standardised label only: after training, fit Score′ = a·Score + b per output by (weighted) least
    /// squares of the training rows' standardised labels on the network's outputs, a kept in [0.5, 2], and fold it into
    /// <see cref="BackpropTransformer.LabelStandardizer"/> (so it is saved, exported to ONNX and costs nothing at prediction);
    /// one inference pass over the training rows. It undoes the shrinkage of L2 (a network regularised to stay near the
    /// linear fit predicts too flat a response, by about 15 % on 200 noisy rows at L2 60), as a relaxed lasso refits its
    /// coefficients. Null (the default) rescales with the default recipe (<see cref="UsesDefaultRecipe"/>) and not when an
    /// optimizer, rate or schedule is set; true or false decide it either way. Not applied when training continues from a
    /// model (its scale is kept). Ignored by classification.
    /// </summary>
    public bool? RescaleScore { get; set; }

    /// <summary>Whether a regression score is rescaled after this run (<see cref="RescaleScore"/>).</summary>
    internal bool RescalesScore => RescaleScore ?? UsesDefaultRecipe;

    /// <summary>Clip the gradient's L2 norm to this value (0 = off).</summary>
    public float GradientClipNorm { get; set; }

    /// <summary>Receives one report per epoch (progress is also written to <c>MLContext.Log</c>).</summary>
    public IProgress<EpochReport>? Progress { get; set; }

    /// <summary>Cancels training between mini-batches.</summary>
    public CancellationToken CancellationToken { get; set; }

    /// <summary>Class weights for the trainer (<see cref="TrainingOptions.ClassWeights"/>); the classification options set them.</summary>
    private protected virtual float[]? TrainingClassWeights => null;

    /// <summary>The trainer's options for this run.</summary>
    internal TrainingOptions ToTrainingOptions(int seed, IProgress<EpochReport>? progress) => new()
    {
        ClassWeights = TrainingClassWeights,
        Epochs = Epochs,
        BatchSize = BatchSize,
        LearningRate = LearningRate,
        Optimizer = Optimizer ?? (UsesDefaultRecipe ? new Adam() : null),
        Schedule = Schedule,
        L2 = L2Regularization,
        Seed = seed,
        Shuffle = Shuffle,
        ValidationFraction = ValidationFraction,
        EarlyStoppingPatience = EarlyStoppingPatience,
        GradientClipNorm = GradientClipNorm,
        Progress = progress,
        CancellationToken = CancellationToken,
    };

    /// <summary>Checks the column names and every training option.</summary>
    internal void Validate()
    {
        if (string.IsNullOrWhiteSpace(LabelColumnName)) throw new ArgumentException("LabelColumnName must name a column.", nameof(LabelColumnName));
        if (string.IsNullOrWhiteSpace(FeatureColumnName)) throw new ArgumentException("FeatureColumnName must name a column.", nameof(FeatureColumnName));
        if (ExampleWeightColumnName is not null && string.IsNullOrWhiteSpace(ExampleWeightColumnName))
            throw new ArgumentException("ExampleWeightColumnName must name a column, or be null for unweighted rows.", nameof(ExampleWeightColumnName));
        if (ShuffleMemoryLimit < 0) throw new ArgumentOutOfRangeException(nameof(ShuffleMemoryLimit), ShuffleMemoryLimit, "ShuffleMemoryLimit must be at least 0 bytes.");
        ToTrainingOptions(0, null).Validate();
    }
}
