using Backprop.MLNet.Scoring;
using Backprop.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

namespace Backprop.MLNet;

/// <summary>
/// A trained Backprop network as an ML.NET transformer: it adds the columns ML.NET's trainers add for its task
/// (binary: Score, Probability, PredictedLabel; multiclass: Score, PredictedLabel; regression: Score), lazily, and
/// works with the evaluators, <c>CreatePredictionEngine</c>, <c>MapKeyToValue</c> and permutation feature importance.
/// Thread-safe: the network is only read.
/// </summary>
public sealed partial class BackpropTransformer : ISingleFeaturePredictionTransformer<NetworkModel>
{
    private readonly LabelInfo? _label;

    internal BackpropTransformer(PredictionKind kind, NetworkModel model, string featureColumnName, LabelInfo? label, FeatureStandardizer? standardizer = null,
        LabelStandardizer? labelStandardizer = null)
    {
        if (labelStandardizer is not null && (kind != PredictionKind.Regression || labelStandardizer.Count != model.Shape.OutputCount))
            throw new ArgumentException($"A label standardisation of {labelStandardizer.Count} outputs needs a regression network of as many outputs; network '{model.Shape.Name}' is {kind} with {model.Shape.OutputCount}.", nameof(labelStandardizer));
        LabelStandardizer = labelStandardizer;
        if (labelStandardizer is not null) model.LabelStandardizer = labelStandardizer;
        if (standardizer is not null && standardizer.Count != model.Shape.InputCount)
            throw new ArgumentException($"The standardisation is of {standardizer.Count} features; network '{model.Shape.Name}' takes {model.Shape.InputCount}.", nameof(standardizer));
        Standardizer = standardizer;
        if (standardizer is not null) model.Standardizer = standardizer;
        Kind = kind;
        Model = model;
        FeatureColumnName = featureColumnName;
        _label = label;
        FeatureColumnType = new VectorDataViewType(NumberDataViewType.Single, model.Shape.InputCount);
        ScoreSize = kind switch
        {
            PredictionKind.BinaryClassification => 1,
            PredictionKind.MulticlassClassification => label!.ClassCount,
            PredictionKind.Regression => model.Shape.OutputCount,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown prediction kind."),
        };
    }

    /// <summary>The task this transformer scores for.</summary>
    public PredictionKind Kind { get; }

    /// <summary>The trained network, its shape and its training history.</summary>
    public NetworkModel Model { get; }

    /// <summary>
    /// The standardisation of the features the trainer added because the feature column was not marked <c>IsNormalized</c>
    /// and the network has no <see cref="NormalizeAttribute"/> layer (see <see cref="BackpropTrainerOptions.StandardizeFeatures"/>);
    /// applied before the network at prediction. Null when the features reach the network as they are.
    /// </summary>
    public FeatureStandardizer? Standardizer { get; }

    /// <summary>
    /// Regression: the standardisation of the label the network was trained on (see <see cref="BackpropTrainerOptions.StandardizeLabel"/>);
    /// the network's outputs are mapped back with it (o·σ + μ) before they reach Score. Null when the network learnt the label as it is.
    /// </summary>
    public LabelStandardizer? LabelStandardizer { get; }

    /// <summary>The feature column the network reads.</summary>
    public string FeatureColumnName { get; }

    /// <summary>A vector of Single of the network's input size.</summary>
    public DataViewType FeatureColumnType { get; }

    /// <summary>Class names for multiclass (from the label's key values), empty otherwise.</summary>
    public IReadOnlyList<string> ClassNames => _label?.ClassNames ?? [];

    /// <summary>Values in the Score column: 1, the number of classes, or the number of regression outputs.</summary>
    internal int ScoreSize { get; }

    internal LabelInfo? Label => _label;

    /// <inheritdoc />
    public bool IsRowToRowMapper => true;

    /// <inheritdoc />
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        FeatureInfo.Bind(inputSchema, FeatureColumnName, Model.Shape);
        return OutputSchema.Build(inputSchema, Kind, ScoreSize, _label);
    }

    /// <inheritdoc />
    public IDataView Transform(IDataView input)
    {
        ArgumentNullException.ThrowIfNull(input);
        FeatureInfo.Bind(input.Schema, FeatureColumnName, Model.Shape);
        return new ScoredDataView(this, input);
    }

    /// <inheritdoc />
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema)
    {
        ArgumentNullException.ThrowIfNull(inputSchema);
        FeatureInfo.Bind(inputSchema, FeatureColumnName, Model.Shape);
        return new ScoredRowMapper(this, inputSchema);
    }

    /// <inheritdoc />
    void ICanSaveModel.Save(ModelSaveContext ctx) => SaveModel(ctx);

    /// <summary>Writes the model into an ML.NET model file (see Persistence/).</summary>
    partial void SaveModel(ModelSaveContext ctx);
}
