using System.Globalization;
using Backprop.MLNet.Internal;
using Backprop.MLNet.Scoring;
using Backprop.MLNet.Training;
using Backprop.Training;
using Microsoft.ML;
using Microsoft.ML.Runtime;
using Microsoft.ML.Trainers;

namespace Backprop.MLNet;

/// <summary>
/// Trains the generated network <typeparamref name="TNet"/> inside an ML.NET pipeline: the base of the three task
/// trainers (<see cref="BackpropBinaryTrainer{TNet}"/>, <see cref="BackpropMulticlassTrainer{TNet}"/>,
/// <see cref="BackpropRegressionTrainer{TNet}"/>), which the catalog extensions create
/// (<c>mlContext.MulticlassClassification.Trainers.Backprop&lt;IrisNet&gt;(…)</c>). An
/// <see cref="ITrainerEstimator{TTransformer, TModel}"/> as ML.NET's own trainers are, with their <c>Fit</c> overloads:
/// a validation view (as LightGBM and FastTree take) and a trained model to continue from (as the incrementally
/// trainable trainers take).
/// </summary>
/// <typeparam name="TNet">A class declared with <c>[Network]</c> and implemented by the Backprop generator.</typeparam>
public class BackpropEstimator<TNet> : ITrainerEstimator<BackpropTransformer, NetworkModel>
    where TNet : INetwork<TNet>, new()
{
    private readonly BackpropTrainerOptions _options;

    /// <summary>Creates the estimator for <paramref name="kind"/> in the environment of <paramref name="mlContext"/>.</summary>
    /// <exception cref="ArgumentException">The network's outputs cannot serve the task, or an option is out of range.</exception>
    public BackpropEstimator(MLContext mlContext, PredictionKind kind, BackpropTrainerOptions? options = null)
        : this((IHostEnvironment)mlContext, kind, options)
    {
    }

    private protected BackpropEstimator(IHostEnvironment environment, PredictionKind kind, BackpropTrainerOptions? options)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _options = options ?? new BackpropTrainerOptions();
        _options.Validate();
        CheckNetwork(kind, DeclaredShape());
        Host = environment.Register("Backprop");
        Kind = kind;
    }

    /// <summary>The task this estimator trains for.</summary>
    public PredictionKind Kind { get; }

    /// <summary>The options this trainer was created with (read them; changing them after creation is not supported).</summary>
    public BackpropTrainerOptions Options => _options;

    /// <summary>
    /// What ML.NET asks of a trainer: it wants normalised features (a network trains badly on raw scales: put a
    /// <c>NormalizeMinMax</c> or <c>NormalizeMeanVariance</c> before it), wants caching (it makes many passes), needs no
    /// calibration (its probabilities come from the network), supports a validation view and incremental training.
    /// </summary>
    public TrainerInfo Info { get; } = new(normalization: true, calibration: false, caching: true, supportValid: true, supportIncrementalTrain: true);

    /// <summary>The environment of the MLContext the trainer was created in.</summary>
    internal IHost Host { get; }

    /// <summary>Trains a new <typeparamref name="TNet"/> on <paramref name="input"/> and returns the transformer that scores with it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type or size.</exception>
    /// <exception cref="InvalidOperationException">The data view is empty or every label is missing.</exception>
    /// <remarks>Rows whose label is missing (key 0, NaN) are skipped, as ML.NET's trainers do; how many is logged as a warning.</remarks>
    /// <exception cref="InvalidDataException">A feature is NaN or ∞, a weight is negative or not finite, or a key label is beyond the label's classes (the message names the row and the value).</exception>
    /// <exception cref="BackpropTrainingDivergedException">
    /// The loss became NaN or ∞ (a <see cref="TrainingDivergedException"/>); its
    /// <see cref="BackpropTrainingDivergedException.LastGoodModel"/> is the model with the last good weights.
    /// </exception>
    public BackpropTransformer Fit(IDataView input) => Fit(input, validationData: null, initialModel: null);

    /// <summary>
    /// Trains on <paramref name="trainData"/> and measures the loss on <paramref name="validationData"/> after every epoch:
    /// the history's validation loss and accuracy, and early stopping (<see cref="BackpropTrainerOptions.EarlyStoppingPatience"/>),
    /// come from it instead of a <see cref="BackpropTrainerOptions.ValidationFraction"/> hold-out.
    /// </summary>
    /// <inheritdoc cref="Fit(IDataView)"/>
    public BackpropTransformer Fit(IDataView trainData, IDataView validationData)
    {
        ArgumentNullException.ThrowIfNull(validationData);
        return Fit(trainData, validationData, initialModel: null);
    }

    /// <summary>
    /// Continues training from <paramref name="initialModel"/> (a trained transformer's <see cref="BackpropTransformer.Model"/>)
    /// instead of new random weights: its weights and state (BatchNorm statistics) are copied into a new network, which
    /// trains for <see cref="BackpropTrainerOptions.Epochs"/> more epochs; the initial model is not changed. The result's
    /// history is the initial model's followed by the new epochs, numbered on from it. The optimizer starts afresh.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="initialModel"/> holds another network type.</exception>
    /// <inheritdoc cref="Fit(IDataView)"/>
    public BackpropTransformer Fit(IDataView trainData, NetworkModel initialModel)
    {
        ArgumentNullException.ThrowIfNull(initialModel);
        return Fit(trainData, validationData: null, initialModel);
    }

    /// <summary>Trains with an optional validation view, from an optional trained model (see the two-argument overloads).</summary>
    /// <inheritdoc cref="Fit(IDataView, NetworkModel)"/>
    public BackpropTransformer Fit(IDataView trainData, IDataView? validationData, NetworkModel? initialModel)
    {
        ArgumentNullException.ThrowIfNull(trainData);
        if (initialModel is not null && initialModel.Network is not TNet)
            throw new ArgumentException(
                $"The initial model holds network '{initialModel.Shape.Name}' ({initialModel.NetworkType.FullName}); this trainer trains '{DeclaredShape().Name}' ({typeof(TNet).FullName}).", nameof(initialModel));

        // 1. The shape: a network declared without Inputs takes the feature column's size (or the initial model's); one that
        //    declares Inputs must match it. Then the columns: features, label and weight of the training view (and of the
        //    validation view, checked alike).
        NetworkShape declared = DeclaredShape();
        DataViewSchema.Column featureColumn = FeatureInfo.Bind(trainData.Schema, _options.FeatureColumnName, declared.Name,
            initialModel is not null ? initialModel.Shape.InputCount : TNet.InputCountFromData ? null : declared.InputCount);
        NetworkShape shape = TNet.InputCountFromData ? TNet.ShapeFor(FeatureInfo.SizeOf(featureColumn)) : declared;
        DataViewSamples samples = Bind(trainData, shape, out LabelInfo label);
        DataViewSamples? validation = validationData is null ? null : Bind(validationData, shape, out _);

        int seed = _options.Seed ?? Host.Rand.Next();
        using IChannel channel = Host.Start("Training");

        // 2. One pass over each view: counts, and errors (NaN, bad keys, bad weights) named by row before any training; the
        //    rows kept in memory when they fit ShuffleMemoryLimit (then it is the only pass).
        samples.Scan("training", _options.ShuffleMemoryLimit);
        if (samples.SkippedRowsMessage is string skipped) Log.Warning(channel, skipped);
        validation?.Scan("validation", _options.ShuffleMemoryLimit);
        if (validation?.SkippedRowsMessage is string skippedValidation) Log.Warning(channel, "Validation data: " + skippedValidation);

        // 3. ML.NET's convention for scaling: unmarked features and no [Normalize] layer → standardise them here, in the
        //    model (a continued run keeps the initial model's standardisation).
        FeatureStandardizer? standardizer = initialModel?.Standardizer;
        bool normalized = FeatureInfo.IsNormalized(featureColumn), normalizeLayer = shape.Layers.Any(l => l.Kind == LayerKind.Normalize);
        if (standardizer is null && initialModel is null && _options.StandardizeFeatures && !normalized && !normalizeLayer)
        {
            (double[] mean, double[] m2, long count) = InputStatistics.Compute(samples.KeptRows ?? (ISampleSource)samples, _options.CancellationToken);
            standardizer = new FeatureStandardizer(mean.Select(m => (float)m).ToArray(), m2.Select(m => (float)Math.Max(0, m / count)).ToArray());
            Log.Info(channel, $"Feature column '{_options.FeatureColumnName}' is not marked IsNormalized and network '{shape.Name}' has no [Normalize] layer: " +
                $"standardising its {shape.InputCount} features with the mean and standard deviation of the {count} training rows (stored in the model, applied at prediction). " +
                "Normalise in the pipeline (e.g. NormalizeMeanVariance), add a [Normalize] layer, or set StandardizeFeatures = false to change this.");
        }

        samples.Standardizer = standardizer;
        if (validation is not null) validation.Standardizer = standardizer;

        // 3b. Regression: the label standardised (the default recipe, or StandardizeLabel = true), its scale in the model
        //     and undone at prediction (a continued run keeps the initial model's).
        LabelStandardizer? labelStandardizer = initialModel?.LabelStandardizer;
        if (labelStandardizer is null && initialModel is null && Kind == PredictionKind.Regression && _options.StandardizesLabel)
        {
            (double[] mean, double[] variance) = samples.TargetStatistics!.Value;
            labelStandardizer = new LabelStandardizer(mean.Select(m => (float)m).ToArray(), variance.Select(v => (float)Math.Sqrt(v)).ToArray());
            static string List(IEnumerable<float> values) => string.Join(", ", values.Select(v => v.ToString("G4", CultureInfo.InvariantCulture)));
            Log.Info(channel,
                $"Standardising label '{_options.LabelColumnName}' (mean {List(labelStandardizer.Mean)}, standard deviation {List(labelStandardizer.StandardDeviation)}): " +
                "the network learns (label − mean)/deviation and Score is mapped back to the label's units (stored in the model). " +
                "Losses in the log are of the standardised label. Set StandardizeLabel = false to change this.");
        }

        samples.LabelStandardizer = labelStandardizer;
        if (validation is not null) validation.LabelStandardizer = labelStandardizer;

        // 4. The order of the rows: the view's own shuffling, an in-memory copy, or a shuffle pool.
        ISampleSource training = TrainingOrder.Arrange(samples, _options.Shuffle, _options.ShuffleMemoryLimit, out string order);

        // 5. The network: new weights, or the initial model's.
        var network = new TNet();
        network.EnsureInputCount(shape.InputCount);
        TrainingOptions trainingOptions = _options.ToTrainingOptions(seed, progress: null);
        trainingOptions.L2 = _options.L2For(Kind);
        trainingOptions.BatchSize = _options.BatchSizeFor(Kind, samples.Count ?? 0);
        if (_options.HoldOutIsDefault && (validation is not null || samples.Count < BackpropTrainerOptions.HoldOutMinimumRows(Kind)))
        {
            // The default hold-out needs rows to spare (thousands: on a few hundred, early stopping on a tenth of them stops
            // at a noisy epoch; below, every row trains for all epochs, regression regularised by L2);
            // a validation view replaces it (its patience stays).
            trainingOptions.ValidationFraction = 0f;
            if (validation is null) trainingOptions.EarlyStoppingPatience = null;
        }
        if (initialModel is not null)
        {
            initialModel.Network.Parameters.CopyTo(network.Parameters, 0);
            initialModel.Network.State.CopyTo(network.State, 0);
            trainingOptions.Initialization = Backprop.Initialization.InitializationScheme.None;
        }

        TrainingHistory? earlier = initialModel?.History;
        int epochOffset = earlier?.Epochs.Count ?? 0;
        trainingOptions.Progress = new ChannelProgress(channel, _options.Progress, epochOffset);
        Log.Info(channel, string.Create(CultureInfo.InvariantCulture,
            $"Training {shape} for {Kind} on {samples.Count} rows{(samples.WeightColumnName is string w ? $" weighted by '{w}'" : "")}: " +
            $"{_options.Epochs} epochs, batch {trainingOptions.BatchSize}, {trainingOptions.Optimizer?.GetType().Name ?? "SGD"} at learning rate {_options.LearningRate}, seed {seed}" +
            $"{(trainingOptions.L2 > 0 ? $", L2 {trainingOptions.L2}" : "")}{(_options.UsesDefaultRecipe ? " (the default recipe)" : "")}" +
            $"{(_options.EarlyStoppingPatience is int patience ? $", early stopping after {patience} epochs without a better validation loss" : "")}" +
            $"{(initialModel is null ? "" : $", continuing from a model trained for {epochOffset} epochs")}."));
        Log.Info(channel, order);
        Log.Info(channel, validation is not null
            ? $"Validation: {validation.Count} rows of the validation view after every epoch{(_options.ValidationFraction > 0 ? " (ValidationFraction is not used when a validation view is given)" : "")}."
            : _options.ValidationFraction > 0 ? string.Create(CultureInfo.InvariantCulture, $"Validation: a hold-out of {_options.ValidationFraction:P0} of the training rows.") : "Validation: none.");

        TrainingHistory history;
        try
        {
            history = NetworkTrainer.Train(network, training, validation is null ? null : TrainingOrder.Validation(validation), trainingOptions);
        }
        catch (TrainingDivergedException diverged)
        {
            // The network holds the last good weights; Fit cannot return them, so the exception carries the model.
            var lastGood = new BackpropTransformer(Kind, new NetworkModel(network, Continue(earlier, diverged.History)), _options.FeatureColumnName, label, standardizer, labelStandardizer);
            throw new BackpropTrainingDivergedException(diverged, lastGood);
        }

        // 6b. Regression: the score rescaled by least squares on the training rows (the default recipe, or RescaleScore =
        //     true), folded into the label scale.
        if (labelStandardizer is not null && initialModel is null && _options.RescalesScore)
        {
            LabelStandardizer rescaled = ScoreRescaling.Fit(network, shape, training, labelStandardizer, _options.CancellationToken);
            static string List(IEnumerable<float> values) => string.Join(", ", values.Select(v => v.ToString("G4", CultureInfo.InvariantCulture)));
            Log.Info(channel,
                $"Rescaling the score by least squares on the training rows: label scale (mean {List(rescaled.Mean)}, deviation {List(rescaled.StandardDeviation)}) " +
                $"instead of ({List(labelStandardizer.Mean)}, {List(labelStandardizer.StandardDeviation)}). Set RescaleScore = false to change this.");
            labelStandardizer = rescaled;
        }

        EpochReport last = history.Epochs[^1];
        Log.Info(channel, string.Create(CultureInfo.InvariantCulture,
            $"Finished after {history.Epochs.Count} epochs{(history.StoppedEarly ? $" (stopped early; best epoch {history.BestEpoch + epochOffset})" : "")}: " +
            $"training loss {last.TrainingLoss:G5}{(last.ValidationLoss is double v ? $", validation loss {v:G5}" : "")}{(last.ValidationAccuracy is double a ? $", validation accuracy {a:F4}" : "")}."));
        foreach (TrainingWarning warning in history.Warnings) Log.Warning(channel, warning.Message); // a flat loss, a dead layer, constant outputs
        return new BackpropTransformer(Kind, new NetworkModel(network, Continue(earlier, history)), _options.FeatureColumnName, label, standardizer, labelStandardizer);
    }

    /// <summary>The samples of <paramref name="data"/>: its feature, label and (optional) weight columns, checked against the network.</summary>
    private DataViewSamples Bind(IDataView data, NetworkShape shape, out LabelInfo label)
    {
        DataViewSchema.Column features = FeatureInfo.Bind(data.Schema, _options.FeatureColumnName, shape);
        label = LabelInfo.Bind(data.Schema, _options.LabelColumnName, Kind, shape);
        DataViewSchema.Column? weight = _options.ExampleWeightColumnName is string name ? WeightInfo.Bind(data.Schema, name) : null;
        return new DataViewSamples(data, features, label, weight, shape);
    }

    /// <summary>The history of a continued run: the earlier epochs, then this run's, numbered on from them.</summary>
    private static TrainingHistory? Continue(TrainingHistory? earlier, TrainingHistory? run)
    {
        if (earlier is null || run is null) return run ?? earlier;
        int offset = earlier.Epochs.Count;
        IEnumerable<EpochReport> epochs = earlier.Epochs.Concat(run.Epochs.Select(e => e with { Epoch = e.Epoch + offset }));
        TrainingHistory continued = TrainingHistory.Restore(epochs, run.StoppedEarly, run.BestEpoch + offset, run.TrainingSamples, run.ValidationSamples);
        continued.Warnings = run.Warnings;
        return continued;
    }

    /// <summary>
    /// The network's declared shape: <c>TNet.Shape</c>, or, declared without Inputs, its shape at one input, which serves
    /// every check that reads only the outputs (the input count is the feature column's at Fit).
    /// </summary>
    private static NetworkShape DeclaredShape() => TNet.InputCountFromData ? TNet.ShapeFor(1) : TNet.Shape;

    /// <summary>The input schema plus the columns the transformer will add; checks the feature and label columns.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type.</exception>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        NetworkShape shape = DeclaredShape();
        if (!TryFind(inputSchema, _options.FeatureColumnName, out SchemaShape.Column features))
            throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Feature column '{_options.FeatureColumnName}' not found.");
        if (features.Kind == SchemaShape.Column.VectorKind.Scalar || features.ItemType != Microsoft.ML.Data.NumberDataViewType.Single)
            throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Schema mismatch for feature column '{_options.FeatureColumnName}': expected a vector of Single, got {Describe(features)}.");
        if (features.Kind == SchemaShape.Column.VectorKind.VariableVector)
            throw new ArgumentOutOfRangeException(nameof(inputSchema), TNet.InputCountFromData
                ? $"Feature column '{_options.FeatureColumnName}' is a vector of unknown size; network '{shape.Name}' takes its input count from the column's size, so the column needs one."
                : $"Feature column '{_options.FeatureColumnName}' is a vector of unknown size; network '{shape.Name}' needs exactly {shape.InputCount} values per row.");
        if (!TryFind(inputSchema, _options.LabelColumnName, out SchemaShape.Column label))
            throw new ArgumentOutOfRangeException(nameof(inputSchema), $"Label column '{_options.LabelColumnName}' not found.");
        CheckLabelShape(label);

        var columns = inputSchema.ToDictionary(c => c.Name);
        foreach (SchemaShape.Column output in OutputShapes(shape)) columns[output.Name] = output;
        return new SchemaShape(columns.Values);
    }

    private static bool TryFind(SchemaShape schema, string name, out SchemaShape.Column column)
    {
        foreach (SchemaShape.Column candidate in schema)
        {
            if (candidate.Name != name) continue;
            column = candidate;
            return true;
        }

        column = default;
        return false;
    }

    private static string Describe(SchemaShape.Column column) => column.Kind switch
    {
        SchemaShape.Column.VectorKind.Scalar => $"{(column.IsKey ? "Key<" : "")}{column.ItemType}{(column.IsKey ? ">" : "")}",
        SchemaShape.Column.VectorKind.Vector => $"Vector<{column.ItemType}>",
        SchemaShape.Column.VectorKind.VariableVector => $"Vector<{column.ItemType}> of unknown size",
        _ => $"{column.Kind} of {column.ItemType}", // ML.NET's own enum, described for an error message, not a kind of ours
    };

    private void CheckLabelShape(SchemaShape.Column label)
    {
        bool ok = Kind switch
        {
            PredictionKind.BinaryClassification => label.Kind == SchemaShape.Column.VectorKind.Scalar && label.ItemType == Microsoft.ML.Data.BooleanDataViewType.Instance,
            PredictionKind.MulticlassClassification => label.Kind == SchemaShape.Column.VectorKind.Scalar && label.IsKey,
            PredictionKind.Regression => label.ItemType == Microsoft.ML.Data.NumberDataViewType.Single,
            _ => throw new InvalidOperationException($"Unknown prediction kind {Kind}."),
        };
        if (!ok)
        {
            string expected = Kind switch
            {
                PredictionKind.BinaryClassification => "Boolean",
                PredictionKind.MulticlassClassification => "a key of UInt32 (use MapValueToKey on the label)",
                PredictionKind.Regression => "Single",
                _ => throw new InvalidOperationException($"Unknown prediction kind {Kind}."),
            };
            throw new ArgumentOutOfRangeException("inputSchema", $"Schema mismatch for label column '{label.Name}': expected {expected}, got {Describe(label)}.");
        }
    }

    /// <summary>The output columns' shapes, from the schema a transformer of this kind would produce (class count unknown until Fit).</summary>
    private IEnumerable<SchemaShape.Column> OutputShapes(NetworkShape shape)
    {
        var empty = new DataViewSchema.Builder().ToSchema();
        var label = Kind == PredictionKind.MulticlassClassification
            ? new LabelInfo(_options.LabelColumnName, Kind, shape.OutputCount, null, Enumerable.Range(0, shape.OutputCount).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray())
            : null;
        int scoreSize = Kind == PredictionKind.Regression ? shape.OutputCount : label?.ClassCount ?? 1;
        return OutputSchema.Shapes(OutputSchema.Build(empty, Kind, scoreSize, label), 0);
    }

    private static void CheckNetwork(PredictionKind kind, NetworkShape shape)
    {
        LayerDescription output = shape.OutputLayer;
        string? problem = kind switch
        {
            PredictionKind.BinaryClassification => (shape.OutputCount == 1 && output.Activation == Activation.Sigmoid)
                                                   || (shape.OutputCount == 2 && output.Activation == Activation.Softmax)
                ? null
                : "binary classification needs one Sigmoid output (with Loss.BinaryCrossEntropy) or two Softmax outputs",
            PredictionKind.MulticlassClassification => shape.OutputCount >= 2
                ? null
                : "multiclass classification needs an output per class (a Softmax layer with Loss.SoftmaxCrossEntropy)",
            PredictionKind.Regression => null,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown prediction kind."),
        };
        if (problem is not null)
            throw new ArgumentException($"Network '{shape.Name}' ({(shape.InputCountFromData ? shape.Signature.Replace("in=data(1)", "in=data", StringComparison.Ordinal) : shape.Signature)}) cannot be used here: {problem}.", nameof(kind));
    }

    /// <summary>
    /// Writes each epoch to the MLContext log at Trace (as ML.NET's trainers log iterations) and forwards it to the user's
    /// progress, numbered on from an initial model's epochs. Nothing is allocated per epoch: the channel message's argument
    /// is one <see cref="EpochLine"/> of the run, set to the epoch before each call and formatted only when a listener reads
    /// the message (ML.NET's channel keeps the format and its arguments and formats in its <c>Message</c> property, which
    /// <c>MLContext</c> reads only for a <c>Log</c> subscriber, synchronously, during the call). Without a subscriber,
    /// 20,000 epochs of a tiny network would otherwise spend more time formatting numbers than training.
    /// </summary>
    private sealed class ChannelProgress : IProgress<EpochReport>
    {
        private readonly IChannel _channel;
        private readonly IProgress<EpochReport>? _user;
        private readonly int _epochOffset;
        private readonly EpochLine _line = new();
        private readonly object[] _arguments;

        public ChannelProgress(IChannel channel, IProgress<EpochReport>? user, int epochOffset)
        {
            _channel = channel;
            _user = user;
            _epochOffset = epochOffset;
            _arguments = [_line];
        }

        public void Report(EpochReport value)
        {
            if (_epochOffset != 0) value = value with { Epoch = value.Epoch + _epochOffset };
            _line.Value = value;
            Log.Trace(_channel, _arguments);
            _user?.Report(value);
        }
    }

    /// <summary>The current epoch's log line, formatted when read (<see cref="ToString"/>).</summary>
    private sealed class EpochLine
    {
        public EpochReport Value { get; set; }

        public override string ToString()
        {
            EpochReport value = Value;
            return string.Create(CultureInfo.InvariantCulture,
                $"Epoch {value.Epoch}: loss {value.TrainingLoss:G5}{(value.ValidationLoss is double v ? $", validation {v:G5}" : "")}{(value.ValidationAccuracy is double a ? $", validation accuracy {a:F4}" : "")}, learning rate {value.LearningRate:G3}, {value.Elapsed.TotalMilliseconds:F1} ms");
        }
    }
}
