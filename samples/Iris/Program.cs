using Backprop.MLNet;
using Backprop.Plots;
using Backprop.Training;
using Backprop.Optimizers;
using Microsoft.ML;
using Microsoft.ML.Data;

// Iris: a standard ML.NET multiclass pipeline with the generated network as its trainer.
var ml = new MLContext(seed: 1);
IDataView data = ml.Data.LoadFromTextFile<IrisRow>(Path.Combine(AppContext.BaseDirectory, "iris.csv"), hasHeader: true, separatorChar: ',');
var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);

var featurization = ml.Transforms.Conversion.MapValueToKey("Label", nameof(IrisRow.Species))
    .Append(ml.Transforms.Concatenate("Features", nameof(IrisRow.SepalLength), nameof(IrisRow.SepalWidth), nameof(IrisRow.PetalLength), nameof(IrisRow.PetalWidth)))
    .Append(ml.Transforms.NormalizeMinMax("Features"));
Console.WriteLine(IrisNet.Shape.Summary());
using var progress = new ConsoleProgress(totalEpochs: 200);
var pipeline = featurization
    .Append(ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new() { Epochs = 200, BatchSize = 16, LearningRate = 0.05f, Optimizer = new Momentum(0.9f), Progress = progress }))
    .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

Console.WriteLine($"Training {IrisNet.Shape} on {split.TrainSet.GetRowCount() ?? CountRows(split.TrainSet)} flowers…");
var model = pipeline.Fit(split.TrainSet);
progress.Complete();
BackpropTransformer? network = FindBackprop(model);
TrainingHistory? history = network?.Model.History;
if (history is not null)
    Console.WriteLine($"loss: epoch 1 {history.Epochs[0].TrainingLoss:F4} → epoch {history.Epochs.Count} {history.Epochs[^1].TrainingLoss:F4}");

var metrics = ml.MulticlassClassification.Evaluate(model.Transform(split.TestSet));
Console.WriteLine();
Console.WriteLine($"Test set: micro-accuracy {metrics.MicroAccuracy:P1}, macro-accuracy {metrics.MacroAccuracy:P1}, log-loss {metrics.LogLoss:F3}");
Console.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());

// The same pipeline with ML.NET's own SdcaMaximumEntropy in place of the network, on the same split.
var sdca = featurization.Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());
var sdcaMetrics = ml.MulticlassClassification.Evaluate(sdca.Fit(split.TrainSet).Transform(split.TestSet));
Console.WriteLine($"ML.NET SdcaMaximumEntropy, same split: micro-accuracy {sdcaMetrics.MicroAccuracy:P1}, macro-accuracy {sdcaMetrics.MacroAccuracy:P1}, log-loss {sdcaMetrics.LogLoss:F3}");
Console.WriteLine();

var engine = ml.Model.CreatePredictionEngine<IrisRow, IrisPrediction>(model);
IrisRow[] flowers =
[
    new() { SepalLength = 5.1f, SepalWidth = 3.5f, PetalLength = 1.4f, PetalWidth = 0.2f },
    new() { SepalLength = 6.4f, SepalWidth = 3.2f, PetalLength = 4.5f, PetalWidth = 1.5f },
    new() { SepalLength = 6.3f, SepalWidth = 3.3f, PetalLength = 6.0f, PetalWidth = 2.5f },
];
foreach (IrisRow flower in flowers)
{
    IrisPrediction prediction = engine.Predict(flower);
    Console.WriteLine($"{flower.SepalLength}, {flower.SepalWidth}, {flower.PetalLength}, {flower.PetalWidth} → {prediction.PredictedLabel} " +
                      $"(p = {string.Join(", ", prediction.Score.Select(p => p.ToString("F3")))})");
}

if (history is not null)
{
    string plot = HistoryPlots.Overview(history, "IrisNet").Save(Path.Combine(AppContext.BaseDirectory, "plots", "iris-history.png"));
    Console.WriteLine();
    Console.WriteLine($"Training history plot: {plot}");
}

static long CountRows(IDataView view)
{
    long n = 0;
    using var cursor = view.GetRowCursor([]);
    while (cursor.MoveNext()) n++;
    return n;
}

static BackpropTransformer? FindBackprop(ITransformer model) =>
    model as BackpropTransformer ?? (model as IEnumerable<ITransformer>)?.OfType<BackpropTransformer>().FirstOrDefault();

/// <summary>One row of iris.csv.</summary>
public sealed class IrisRow
{
    [LoadColumn(0)] public float SepalLength { get; set; }
    [LoadColumn(1)] public float SepalWidth { get; set; }
    [LoadColumn(2)] public float PetalLength { get; set; }
    [LoadColumn(3)] public float PetalWidth { get; set; }
    [LoadColumn(4)] public string Species { get; set; } = "";
}

/// <summary>What the pipeline predicts for a flower.</summary>
public sealed class IrisPrediction
{
    public string PredictedLabel { get; set; } = "";
    public float[] Score { get; set; } = [];
}
