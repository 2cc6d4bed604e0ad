using Backprop.MLNet;
using Backprop.Plots;
using Backprop.Training;
using Backprop.Optimizers;
using Microsoft.ML;
using Microsoft.ML.Data;

// Breast cancer (Wisconsin diagnostic): binary classification of 569 tumours from 30 measurements.
var ml = new MLContext(seed: 1);
IDataView data = ml.Data.LoadFromTextFile<TumourRow>(Path.Combine(AppContext.BaseDirectory, "breast_cancer.csv"), hasHeader: true, separatorChar: ',');
var split = ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: 1);

var featurization = ml.Transforms.Conversion.MapValue("Label",
        new Dictionary<string, bool> { ["malignant"] = true, ["benign"] = false }, nameof(TumourRow.Diagnosis))
    .Append(ml.Transforms.NormalizeMeanVariance("Features", nameof(TumourRow.Measurements)));
Console.WriteLine(CancerNet.Shape.Summary());
using var progress = new ConsoleProgress(totalEpochs: 60);
var pipeline = featurization
    .Append(ml.BinaryClassification.Trainers.Backprop<CancerNet>(new() { Epochs = 60, BatchSize = 16, LearningRate = 0.01f, Optimizer = new Adam(), Progress = progress }));

var model = pipeline.Fit(split.TrainSet);
progress.Complete();
var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
Console.WriteLine($"Trained {CancerNet.Shape}");
Console.WriteLine($"Test set ({metrics.ConfusionMatrix.Counts.Sum(r => r.Sum())} tumours): accuracy {metrics.Accuracy:P1}, AUC {metrics.AreaUnderRocCurve:F4}, F1 {metrics.F1Score:F4}");
Console.WriteLine($"precision {metrics.PositivePrecision:F4}, recall {metrics.PositiveRecall:F4}, log-loss {metrics.LogLoss:F4}");
Console.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());

// The network with every layer kind (GELU, LayerNorm, Dropout, SiLU, BatchNorm) on the same features and split.
var deep = featurization.Append(ml.BinaryClassification.Trainers.Backprop<DeepCancerNet>(new() { Epochs = 60, BatchSize = 32, LearningRate = 0.001f, Optimizer = new Adam() }));
var deepMetrics = ml.BinaryClassification.Evaluate(deep.Fit(split.TrainSet).Transform(split.TestSet));
Console.WriteLine($"DeepCancerNet (GELU, LayerNorm, Dropout, SiLU, BatchNorm), same split: accuracy {deepMetrics.Accuracy:P1}, AUC {deepMetrics.AreaUnderRocCurve:F4}, F1 {deepMetrics.F1Score:F4}, log-loss {deepMetrics.LogLoss:F4}");

// ML.NET's own SdcaLogisticRegression on the same features and split.
var sdca = featurization.Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression());
var sdcaMetrics = ml.BinaryClassification.Evaluate(sdca.Fit(split.TrainSet).Transform(split.TestSet));
Console.WriteLine($"ML.NET SdcaLogisticRegression, same split: accuracy {sdcaMetrics.Accuracy:P1}, AUC {sdcaMetrics.AreaUnderRocCurve:F4}, F1 {sdcaMetrics.F1Score:F4}");

// The loss and learning rate per epoch, from the history the trained transformer keeps.
if (FindBackprop(model)?.Model.History is { } history)
{
    string plot = HistoryPlots.Overview(history, "CancerNet").Save(Path.Combine(AppContext.BaseDirectory, "plots", "breast-cancer-history.png"));
    Console.WriteLine();
    Console.WriteLine($"Training history plot: {plot}");
}

static BackpropTransformer? FindBackprop(ITransformer model) =>
    model as BackpropTransformer ?? (model as IEnumerable<ITransformer>)?.OfType<BackpropTransformer>().FirstOrDefault();

/// <summary>One row of breast_cancer.csv: 30 measurements and the diagnosis.</summary>
public sealed class TumourRow
{
    [LoadColumn(0, 29), VectorType(30)] public float[] Measurements { get; set; } = [];
    [LoadColumn(30)] public string Diagnosis { get; set; } = "";
}
