using Backprop.MLNet;
using Backprop.Optimizers;
using Microsoft.ML;
using Microsoft.ML.Data;

// Handwritten digits, 8×8: 1797 images, 10 classes.
var ml = new MLContext(seed: 1);
IDataView data = ml.Data.LoadFromTextFile<DigitRow>(Path.Combine(AppContext.BaseDirectory, "digits.csv"), hasHeader: true, separatorChar: ',');
var split = ml.Data.TrainTestSplit(data, testFraction: 0.2, seed: 1);

var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(DigitRow.Digit))
    .Append(ml.Transforms.NormalizeMinMax("Features", nameof(DigitRow.Pixels)))
    .Append(ml.MulticlassClassification.Trainers.Backprop<DigitNet>(new() { Epochs = 60, BatchSize = 32, LearningRate = 0.003f, Optimizer = new Adam() }));

var model = pipeline.Fit(split.TrainSet);
var metrics = ml.MulticlassClassification.Evaluate(model.Transform(split.TestSet));
Console.WriteLine($"Trained {DigitNet.Shape}");
Console.WriteLine($"Test set: micro-accuracy {metrics.MicroAccuracy:P1}, macro-accuracy {metrics.MacroAccuracy:P1}, log-loss {metrics.LogLoss:F3}");
Console.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());

/// <summary>One row of digits.csv: 64 pixel intensities (0–16) and the digit.</summary>
public sealed class DigitRow
{
    [LoadColumn(0, 63), VectorType(64)] public float[] Pixels { get; set; } = [];
    [LoadColumn(64)] public float Digit { get; set; }
}
