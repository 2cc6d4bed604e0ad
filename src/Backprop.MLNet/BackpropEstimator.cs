using Backprop.MLNet.Internal;
using System.Globalization;
using Backprop.MLNet.Scoring;
using Backprop.MLNet.Training;
using Backprop.Training;
using Microsoft.ML;
using Microsoft.ML.Runtime;

namespace Backprop.MLNet;

/// <summary>
/// Trains the generated network <typeparamref name="TNet"/> inside an ML.NET pipeline. Create it through the catalog
/// extensions (<c>mlContext.MulticlassClassification.Trainers.Backprop&lt;IrisNet&gt;(…)</c>) or directly.
/// </summary>
/// <typeparam name="TNet">A class declared with <c>[Network]</c> and implemented by the Backprop generator.</typeparam>
public sealed class BackpropEstimator<TNet> : IEstimator<BackpropTransformer>
    where TNet : INetwork<TNet>, new()
{
    private readonly IHost _host;
    private readonly BackpropTrainerOptions _options;

    /// <summary>Creates the estimator for <paramref name="kind"/> in the environment of <paramref name="mlContext"/>.</summary>
    /// <exception cref="ArgumentException">The network's outputs cannot serve the task, or an option is out of range.</exception>
    public BackpropEstimator(MLContext mlContext, PredictionKind kind, BackpropTrainerOptions? options = null)
        : this((IHostEnvironment)mlContext, kind, options)
    {
    }

    internal BackpropEstimator(IHostEnvironment environment, PredictionKind kind, BackpropTrainerOptions? options)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _options = options ?? new BackpropTrainerOptions();
        _options.Validate();
        CheckNetwork(kind, DeclaredShape());
        _host = environment.Register("Backprop");
        Kind = kind;
    }

    /// <summary>The task this estimator trains for.</summary>
    public PredictionKind Kind { get; }

    /// <summary>Trains a new <typeparamref name="TNet"/> on <paramref name="input"/> and returns the transformer that scores with it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A column is missing or has the wrong type or size.</exception>
    /// <exception cref="InvalidOperationException">The data view is empty or every label is missing.</exception>
    /// <remarks>Rows whose label is missing (key 0, NaN) are skipped, as ML.NET's trainers do; how many is logged as a warning.</remarks>
    /// <exception cref="InvalidDataException">A feature is NaN or ∞, or a key label is beyond the label's classes (the message names the row and the value).</exception>
    /// <exception cref="BackpropTrainingDivergedException">
    /// The loss became NaN or ∞ (a <see cref="TrainingDivergedException"/>); its
    /// <see cref="BackpropTrainingDivergedException.LastGoodModel"/> is the model with the last good weights.
    /// </exception>
    public BackpropTransformer Fit(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // A network declared without Inputs takes the feature column's size; one that declares Inputs must match it.
        NetworkShape declared = DeclaredShape();
        var features = FeatureInfo.Bind(input.Schema, _options.FeatureColumnName, declared.Name, TNet.InputCountFromData ? null : declared.InputCount);
        NetworkShape shape = TNet.InputCountFromData ? TNet.ShapeFor(FeatureInfo.SizeOf(features)) : declared;
        LabelInfo label = LabelInfo.Bind(input.Schema, _options.LabelColumnName, Kind, shape);
        var samples = new DataViewSamples(input, features, label, shape);
        samples.Scan();

        int seed = _options.Seed ?? _host.Rand.Next();
        var network = new TNet();
        network.EnsureInputCount(shape.InputCount);
        TrainingHistory history;
        FeatureStandardizer? standardizer = null;
        using (IChannel channel = _host.Start("Training"))
        {
            if (samples.SkippedRowsMessage is string skipped) Log.Warning(channel, skipped);

            // ML.NET's convention for scaling: unmarked features and no [Normalize] layer → standardise them here, in the model.
            bool normalized = FeatureInfo.IsNormalized(features), normalizeLayer = shape.Layers.Any(l => l.Kind == LayerKind.Normalize);
            if (_options.StandardizeFeatures && !normalized && !normalizeLayer)
            {
                (double[] mean, double[] m2, long count) = InputStatistics.Compute(samples, _options.CancellationToken);
                standardizer = new FeatureStandardizer(mean.Select(m => (float)m).ToArray(), m2.Select(m => (float)Math.Max(0, m / count)).ToArray());
                samples.Standardizer = standardizer;
                Log.Info(channel, $"Feature column '{_options.FeatureColumnName}' is not marked IsNormalized and network '{shape.Name}' has no [Normalize] layer: " +
                    $"standardising its {shape.InputCount} features with the mean and standard deviation of the {count} training rows (stored in the model, applied at prediction). " +
                    "Normalise in the pipeline (e.g. NormalizeMeanVariance), add a [Normalize] layer, or set StandardizeFeatures = false to change this.");
            }

            Log.Info(channel, $"Training {shape} on {samples.Count} rows: {_options.Epochs} epochs, batch {_options.BatchSize}, learning rate {_options.LearningRate}, seed {seed}.");
            var progress = new ChannelProgress(channel, _options.Progress);
            try
            {
                history = NetworkTrainer.Train(network, samples, _options.ToTrainingOptions(seed, progress));
            }
            catch (TrainingDivergedException diverged)
            {
                // The network holds the last good weights; Fit cannot return them, so the exception carries the model.
                var lastGood = new BackpropTransformer(Kind, new NetworkModel(network, diverged.History), _options.FeatureColumnName, label, standardizer);
                throw new BackpropTrainingDivergedException(diverged, lastGood);
            }
            EpochReport last = history.Epochs[^1];
            Log.Info(channel, string.Create(CultureInfo.InvariantCulture,
                $"Finished after {history.Epochs.Count} epochs: training loss {last.TrainingLoss:G5}{(last.ValidationLoss is double v ? $", validation loss {v:G5}" : "")}."));
        }

        return new BackpropTransformer(Kind, new NetworkModel(network, history), _options.FeatureColumnName, label, standardizer);
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
        _ => $"Vector<{column.ItemType}> of unknown size",
    };

    private void CheckLabelShape(SchemaShape.Column label)
    {
        bool ok = Kind switch
        {
            PredictionKind.BinaryClassification => label.Kind == SchemaShape.Column.VectorKind.Scalar && label.ItemType == Microsoft.ML.Data.BooleanDataViewType.Instance,
            PredictionKind.MulticlassClassification => label.Kind == SchemaShape.Column.VectorKind.Scalar && label.IsKey,
            _ => label.ItemType == Microsoft.ML.Data.NumberDataViewType.Single,
        };
        if (!ok)
        {
            string expected = Kind switch
            {
                PredictionKind.BinaryClassification => "Boolean",
                PredictionKind.MulticlassClassification => "a key of UInt32 (use MapValueToKey on the label)",
                _ => "Single",
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
            PredictionKind.BinaryClassification when !(shape.OutputCount == 1 && output.Activation == Activation.Sigmoid)
                                                     && !(shape.OutputCount == 2 && output.Activation == Activation.Softmax) =>
                "binary classification needs one Sigmoid output (with Loss.BinaryCrossEntropy) or two Softmax outputs",
            PredictionKind.MulticlassClassification when shape.OutputCount < 2 =>
                "multiclass classification needs an output per class (a Softmax layer with Loss.SoftmaxCrossEntropy)",
            _ => null,
        };
        if (problem is not null)
            throw new ArgumentException($"Network '{shape.Name}' ({(shape.InputCountFromData ? shape.Signature.Replace("in=data(1)", "in=data", StringComparison.Ordinal) : shape.Signature)}) cannot be used here: {problem}.", nameof(kind));
    }

    /// <summary>Writes each epoch to the MLContext log and forwards it to the user's progress.</summary>
    private sealed class ChannelProgress(IChannel channel, IProgress<EpochReport>? user) : IProgress<EpochReport>
    {
        public void Report(EpochReport value)
        {
            Log.Info(channel, string.Create(CultureInfo.InvariantCulture,
                $"Epoch {value.Epoch}: loss {value.TrainingLoss:G5}{(value.ValidationLoss is double v ? $", validation {v:G5}" : "")}, learning rate {value.LearningRate:G3}, {value.Elapsed.TotalMilliseconds:F1} ms"));
            user?.Report(value);
        }
    }
}
