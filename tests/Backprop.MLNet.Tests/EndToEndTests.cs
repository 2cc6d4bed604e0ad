using Backprop.Optimizers;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;
using Xunit.Abstractions;

namespace Backprop.MLNet.Tests;

/// <summary>Fit → Transform → Evaluate per task, with stated metric floors, next to ML.NET's own trainers on the same split.</summary>
public class EndToEndTests(ITestOutputHelper output)
{
    [Fact]
    public void Iris_multiclass_reaches_the_floor_and_matches_sdca()
    {
        var ml = new MLContext(seed: 1);
        var split = ml.Data.TrainTestSplit(TestData.Iris(ml), testFraction: 0.2, seed: 1);
        var ours = TestData.IrisFeaturization(ml)
            .Append(ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new() { Epochs = 200, BatchSize = 16, LearningRate = 0.05f, Optimizer = new Momentum(0.9f) }))
            .Fit(split.TrainSet);
        var sdca = TestData.IrisFeaturization(ml).Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy()).Fit(split.TrainSet);

        var our = ml.MulticlassClassification.Evaluate(ours.Transform(split.TestSet));
        var their = ml.MulticlassClassification.Evaluate(sdca.Transform(split.TestSet));
        output.WriteLine($"iris micro-accuracy: Backprop {our.MicroAccuracy:F4}, SdcaMaximumEntropy {their.MicroAccuracy:F4}; log-loss {our.LogLoss:F4} vs {their.LogLoss:F4}");
        Assert.True(our.MicroAccuracy >= 0.93, $"micro-accuracy {our.MicroAccuracy}");
        Assert.True(our.MicroAccuracy >= their.MicroAccuracy, $"ours {our.MicroAccuracy} < SDCA {their.MicroAccuracy}");
    }

    [Fact]
    public void Digits_multiclass_reaches_the_floor_and_matches_sdca()
    {
        // One split's test set is 360 images, so one image moves accuracy by 0.3 %: compare the mean over three
        // splits, and hold every split to the floor.
        var ours = new List<double>();
        var theirs = new List<double>();
        foreach (int splitSeed in new[] { 1, 2, 3 })
        {
            var ml = new MLContext(seed: 1);
            var split = ml.Data.TrainTestSplit(TestData.Digits(ml), testFraction: 0.2, seed: splitSeed);
            var network = TestData.DigitFeaturization(ml)
                .Append(ml.MulticlassClassification.Trainers.Backprop<DigitNet>(new() { Epochs = 60, BatchSize = 32, LearningRate = 0.003f, Optimizer = new Adam() }))
                .Fit(split.TrainSet);
            var sdca = TestData.DigitFeaturization(ml).Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy()).Fit(split.TrainSet);
            double our = ml.MulticlassClassification.Evaluate(network.Transform(split.TestSet)).MicroAccuracy;
            double their = ml.MulticlassClassification.Evaluate(sdca.Transform(split.TestSet)).MicroAccuracy;
            output.WriteLine($"digits split {splitSeed} micro-accuracy: Backprop {our:F4}, SdcaMaximumEntropy {their:F4}");
            Assert.True(our >= 0.95, $"split {splitSeed}: micro-accuracy {our}");
            ours.Add(our);
            theirs.Add(their);
        }

        Assert.True(ours.Average() >= theirs.Average(), $"mean micro-accuracy: ours {ours.Average()} < SDCA {theirs.Average()}");
    }

    [Fact]
    public void Breast_cancer_binary_reaches_the_auc_floor()
    {
        var ml = new MLContext(seed: 1);
        var split = ml.Data.TrainTestSplit(TestData.Cancer(ml), testFraction: 0.25, seed: 1);
        var ours = TestData.CancerFeaturization(ml)
            .Append(ml.BinaryClassification.Trainers.Backprop<CancerNet>(new() { Epochs = 60, BatchSize = 16, LearningRate = 0.01f, Optimizer = new Adam() }))
            .Fit(split.TrainSet);
        var sdca = TestData.CancerFeaturization(ml).Append(ml.BinaryClassification.Trainers.SdcaLogisticRegression()).Fit(split.TrainSet);

        var our = ml.BinaryClassification.Evaluate(ours.Transform(split.TestSet));
        var their = ml.BinaryClassification.Evaluate(sdca.Transform(split.TestSet));
        output.WriteLine($"breast cancer: Backprop AUC {our.AreaUnderRocCurve:F4} acc {our.Accuracy:F4} F1 {our.F1Score:F4}; SdcaLogisticRegression AUC {their.AreaUnderRocCurve:F4} acc {their.Accuracy:F4} F1 {their.F1Score:F4}");
        Assert.True(our.AreaUnderRocCurve >= 0.95, $"AUC {our.AreaUnderRocCurve}");
        Assert.True(our.Accuracy >= 0.9, $"accuracy {our.Accuracy}");
    }

    [Fact]
    public void Regression_fits_a_noisy_sine()
    {
        var ml = new MLContext(seed: 1);
        var split = ml.Data.TrainTestSplit(TestData.Sine(ml), testFraction: 0.25, seed: 1);
        var model = ml.Transforms.CopyColumns("Features", nameof(SineRow.X))
            .Append(ml.Regression.Trainers.Backprop<SineNet>(new() { Epochs = 300, BatchSize = 16, LearningRate = 0.01f, Optimizer = new Adam() }))
            .Fit(split.TrainSet);
        var metrics = ml.Regression.Evaluate(model.Transform(split.TestSet));
        output.WriteLine($"sine: R² {metrics.RSquared:F4}, RMSE {metrics.RootMeanSquaredError:F4}");
        Assert.True(metrics.RSquared >= 0.97, $"R² {metrics.RSquared}");
    }

    [Fact]
    public void Multi_output_regression_scores_a_vector()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = TestData.Sine(ml);
        var model = ml.Transforms.CopyColumns("Features", nameof(SineRow.X))
            .Append(ml.Regression.Trainers.Backprop<SineCosineNet>(new() { LabelColumnName = nameof(SineRow.Both), Epochs = 200, BatchSize = 16, LearningRate = 0.01f, Optimizer = new Adam() }))
            .Fit(data);
        IDataView scored = model.Transform(data);
        float[][] scores = scored.GetColumn<float[]>("Score").ToArray();
        float[][] truth = data.GetColumn<float[]>(nameof(SineRow.Both)).ToArray();
        double meanError = scores.Zip(truth).Average(p => Math.Abs(p.First[0] - p.Second[0]) + Math.Abs(p.First[1] - p.Second[1]));
        Assert.True(meanError < 0.1, $"mean absolute error {meanError}");
    }
}
