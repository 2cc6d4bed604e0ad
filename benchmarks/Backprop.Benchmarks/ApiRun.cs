using Backprop.Initialization;
using Backprop.MLNet;
using Backprop.Optimizers;
using Backprop.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Backprop.Benchmarks;

/// <summary>
/// A workload trained through the user's API, <see cref="NetworkTrainer.Train{TNet}(TNet, ISampleSource, TrainingOptions)"/>
/// on <see cref="InMemorySamples"/>: the anchors' initial weights (<see cref="InitializationScheme.None"/>), plain SGD,
/// their batch size, rate and epochs; the trainer's own seeded shuffle (the anchors' order is not the trainer's, so the
/// final loss differs from TorchSharp's in the digits, not the work: W1, a single batch, is not shuffled).
/// </summary>
public sealed class TrainerRun<TNet> where TNet : INetwork<TNet>, new()
{
    private readonly AnchorData _data;
    private readonly TNet _network = new();
    private readonly InMemorySamples _samples;
    private readonly TrainingOptions _options;

    public TrainerRun(AnchorData data)
    {
        _data = data;
        NetworkShape shape = TNet.Shape;
        _samples = new InMemorySamples(data.Inputs, shape.InputCount, data.Targets, shape.OutputCount);
        _options = new TrainingOptions
        {
            Epochs = data.Epochs, BatchSize = data.BatchSize, LearningRate = data.LearningRate,
            Initialization = InitializationScheme.None, Shuffle = data.Order is not null, Seed = 0,
            // "adam": the trainer's own shuffle with Seed = 0 is the order AdamData wrote for TorchSharp, so the runs match.
            Optimizer = data.Adam ? new Adam(AdamData.Beta1, AdamData.Beta2, AdamData.Epsilon) : null,
        };
    }

    public void Train()
    {
        _data.InitialParameters.CopyTo(_network.Parameters, 0);
        NetworkTrainer.Train(_network, _samples, _options);
    }

    public double FinalLoss() => LossOf<TNet>(_network.Parameters, _data);

    internal static double LossOf<T>(float[] parameters, AnchorData data) where T : INetwork<T>
    {
        var scratch = new float[parameters.Length];
        var workspace = new float[T.BatchWorkspaceSize(data.Rows)];
        return (double)T.BackwardBatch(parameters, scratch, data.Inputs, data.Targets, data.Rows, 0f, workspace) / data.Rows;
    }
}

/// <summary>
/// A classification workload (W2–W4) trained through ML.NET: <c>MulticlassClassification.Trainers.Backprop&lt;TNet&gt;().Fit</c>
/// on a cached view of the rows (key label), plain SGD with the anchors' batch size, rate and epochs, no shuffling
/// restriction (the cached view shuffles). W1 (a sigmoid output trained on a float label) goes through the regression catalog.
/// </summary>
public sealed class FitRun<TNet> where TNet : INetwork<TNet>, new()
{
    private readonly IDataView _view;
    private readonly IEstimator<ITransformer> _estimator;

    public FitRun(AnchorData data)
    {
        var ml = new MLContext(seed: 1);
        NetworkShape shape = TNet.Shape;
        int inputs = shape.InputCount, outputs = shape.OutputCount;
        var options = new BackpropTrainerOptions
        {
            Epochs = data.Epochs, BatchSize = data.BatchSize, LearningRate = data.LearningRate, Seed = 0, Shuffle = data.Order is not null,
        };
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, inputs);
        if (outputs == 1)
        {
            Row[] rows = Enumerable.Range(0, data.Rows).Select(r => new Row
            {
                Features = data.Inputs.AsSpan(r * inputs, inputs).ToArray(), Value = data.Targets[r],
            }).ToArray();
            _view = ml.Data.Cache(ml.Data.LoadFromEnumerable(rows, schema));
            _estimator = ml.Regression.Trainers.Backprop<TNet>(new BackpropTrainerOptions
            {
                Epochs = options.Epochs, BatchSize = options.BatchSize, LearningRate = options.LearningRate, Seed = 0,
                Shuffle = options.Shuffle, LabelColumnName = nameof(Row.Value),
            });
            return;
        }

        Row[] classified = Enumerable.Range(0, data.Rows).Select(r => new Row
        {
            Features = data.Inputs.AsSpan(r * inputs, inputs).ToArray(), Class = (uint)data.Targets.AsSpan(r * outputs, outputs).IndexOf(1f),
        }).ToArray();
        IDataView loaded = ml.Data.LoadFromEnumerable(classified, schema);
        IDataView keyed = ml.Transforms.Conversion.MapValueToKey("Label", nameof(Row.Class)).Fit(loaded).Transform(loaded);
        _view = ml.Data.Cache(keyed);
        _estimator = ml.MulticlassClassification.Trainers.Backprop<TNet>(options);
    }

    public void Train() => _estimator.Fit(_view);

    public sealed class Row
    {
        public float[] Features { get; set; } = [];
        public uint Class { get; set; }
        public float Value { get; set; }
    }
}
