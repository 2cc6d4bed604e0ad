using Backprop.MLNet;
using Backprop.Plots;
using Backprop.Training;
using Backprop.Optimizers;
using Microsoft.ML;
using Microsoft.ML.Data;

// Handwritten digits, 8×8: 1797 images, 10 classes.
var ml = new MLContext(seed: 1);
IDataView data = ml.Data.LoadFromTextFile<DigitRow>(Path.Combine(AppContext.BaseDirectory, "digits.csv"), hasHeader: true, separatorChar: ',');
var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);

// Keys in digit order (0 … 9), so that the confusion table reads in order.
var featurization = ml.Transforms.Conversion.MapValueToKey("Label", nameof(DigitRow.Digit), keyOrdinality: Microsoft.ML.Transforms.ValueToKeyMappingEstimator.KeyOrdinality.ByValue)
    .Append(ml.Transforms.NormalizeMinMax("Features", nameof(DigitRow.Pixels)));
Console.WriteLine(DigitNet.Shape.Summary());
using var progress = new ConsoleProgress(totalEpochs: 40);
var pipeline = featurization
    .Append(ml.MulticlassClassification.Trainers.Backprop<DigitNet>(new() { Epochs = 40, BatchSize = 16, LearningRate = 0.003f, Optimizer = new Adam(), Progress = progress }));

var model = pipeline.Fit(split.TrainSet);
progress.Complete();
var metrics = ml.MulticlassClassification.Evaluate(model.Transform(split.TestSet));
Console.WriteLine($"Trained {DigitNet.Shape}");
Console.WriteLine($"Test set: micro-accuracy {metrics.MicroAccuracy:P1}, macro-accuracy {metrics.MacroAccuracy:P1}, log-loss {metrics.LogLoss:F3}");
Console.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());

// ML.NET's own SdcaMaximumEntropy on the same features and split.
var sdca = featurization.Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());
var sdcaMetrics = ml.MulticlassClassification.Evaluate(sdca.Fit(split.TrainSet).Transform(split.TestSet));
Console.WriteLine($"ML.NET SdcaMaximumEntropy, same split: micro-accuracy {sdcaMetrics.MicroAccuracy:P1}, macro-accuracy {sdcaMetrics.MacroAccuracy:P1}, log-loss {sdcaMetrics.LogLoss:F3}");

// The loss and learning rate per epoch, from the history the trained transformer keeps.
if (FindBackprop(model)?.Model.History is { } history)
{
    string plot = HistoryPlots.Overview(history, "DigitNet").Save(Path.Combine(AppContext.BaseDirectory, "plots", "digits-history.png"));
    Console.WriteLine();
    Console.WriteLine($"Training history plot: {plot}");
}

static BackpropTransformer? FindBackprop(ITransformer model) =>
    model as BackpropTransformer ?? (model as IEnumerable<ITransformer>)?.OfType<BackpropTransformer>().FirstOrDefault();

/// <summary>One row of digits.csv: 64 pixel intensities (0–16) and the digit.</summary>
public sealed class DigitRow
{
    [LoadColumn(0, 63), VectorType(64)] public float[] Pixels { get; set; } = [];
    [LoadColumn(64)] public float Digit { get; set; }
}
