using Backprop.Optimizers;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;
using Xunit.Abstractions;

namespace Backprop.MLNet.Tests;

/// <summary>Networks with every layer kind and the new activations and losses, in ML.NET pipelines for the three tasks, saved and loaded.</summary>
public class LayerKindPipelineTests(ITestOutputHelper output)
{
    [Fact]
    public void Multiclass_with_layernorm_dropout_and_gelu_learns_iris_and_survives_save_and_load()
    {
        var ml = new MLContext(seed: 1);
        var split = ml.Data.TrainTestSplit(TestData.Iris(ml), testFraction: 0.2, seed: 1);
        ITransformer model = TestData.IrisFeaturization(ml)
            .Append(ml.MulticlassClassification.Trainers.Backprop<IrisKindsNet>(new() { Epochs = 150, BatchSize = 16, LearningRate = 0.01f, Optimizer = new Adam() }))
            .Fit(split.TrainSet);
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(split.TestSet));
        output.WriteLine($"IrisKindsNet micro-accuracy {metrics.MicroAccuracy:F4}, log-loss {metrics.LogLoss:F4}");
        Assert.True(metrics.MicroAccuracy >= 0.9, $"micro-accuracy {metrics.MicroAccuracy}");
        AssertSameScoresAfterReload(ml, model, split.TestSet, "Score");
    }

    [Fact]
    public void Binary_with_batchnorm_and_silu_learns_breast_cancer_and_keeps_its_running_statistics()
    {
        var ml = new MLContext(seed: 1);
        var split = ml.Data.TrainTestSplit(TestData.Cancer(ml), testFraction: 0.25, seed: 1);
        ITransformer model = TestData.CancerFeaturization(ml)
            .Append(ml.BinaryClassification.Trainers.Backprop<CancerKindsNet>(new() { Epochs = 40, BatchSize = 32, LearningRate = 0.001f, Optimizer = new Adam() }))
            .Fit(split.TrainSet);
        var metrics = ml.BinaryClassification.Evaluate(model.Transform(split.TestSet));
        output.WriteLine($"CancerKindsNet accuracy {metrics.Accuracy:F4}, AUC {metrics.AreaUnderRocCurve:F4}");
        Assert.True(metrics.AreaUnderRocCurve >= 0.97, $"AUC {metrics.AreaUnderRocCurve}");
        AssertSameScoresAfterReload(ml, model, split.TestSet, "Probability");
    }

    [Fact]
    public void Regression_with_huber_and_softplus_learns_the_sine_and_survives_save_and_load()
    {
        var ml = new MLContext(seed: 1);
        var split = ml.Data.TrainTestSplit(TestData.Sine(ml), testFraction: 0.25, seed: 1);
        ITransformer model = ml.Transforms.CopyColumns("Features", nameof(SineRow.X))
            .Append(ml.Regression.Trainers.Backprop<SineKindsNet>(new() { Epochs = 200, BatchSize = 16, LearningRate = 0.01f, Optimizer = new Adam() }))
            .Fit(split.TrainSet);
        var metrics = ml.Regression.Evaluate(model.Transform(split.TestSet));
        output.WriteLine($"SineKindsNet R² {metrics.RSquared:F4}");
        Assert.True(metrics.RSquared >= 0.95, $"R² {metrics.RSquared}");
        AssertSameScoresAfterReload(ml, model, split.TestSet, "Score");
    }

    [Fact]
    public void Multiclass_with_rms_norm_learns_iris_and_survives_save_and_load()
    {
        var ml = new MLContext(seed: 1);
        var split = ml.Data.TrainTestSplit(TestData.Iris(ml), testFraction: 0.2, seed: 1);
        ITransformer model = TestData.IrisFeaturization(ml)
            .Append(ml.MulticlassClassification.Trainers.Backprop<IrisRmsNormNet>(new() { Epochs = 150, BatchSize = 16, LearningRate = 0.01f, Optimizer = new Adam() }))
            .Fit(split.TrainSet);
        var metrics = ml.MulticlassClassification.Evaluate(model.Transform(split.TestSet));
        output.WriteLine($"IrisRmsNormNet micro-accuracy {metrics.MicroAccuracy:F4}, log-loss {metrics.LogLoss:F4}");
        Assert.True(metrics.MicroAccuracy >= 0.9, $"micro-accuracy {metrics.MicroAccuracy}");
        AssertSameScoresAfterReload(ml, model, split.TestSet, "Score");
    }

    private static void AssertSameScoresAfterReload(MLContext ml, ITransformer model, IDataView data, string column)
    {
        var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        ITransformer loaded = ml.Model.Load(stream, out _);
        float[] before = Scores(model.Transform(data), column), after = Scores(loaded.Transform(data), column);
        Assert.Equal(before, after);
    }

    private static float[] Scores(IDataView scored, string column)
    {
        DataViewSchema.Column c = scored.Schema[column];
        return c.Type is VectorDataViewType
            ? scored.GetColumn<VBuffer<float>>(column).SelectMany(v => v.DenseValues()).ToArray()
            : scored.GetColumn<float>(column).ToArray();
    }
}

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class IrisKindsNet
{
    [Dense(16, Activation.GELU)] public partial DenseLayer Hidden { get; }
    [LayerNorm] public partial LayerNormLayer Norm { get; }
    [Dropout(0.1)] public partial DropoutLayer Drop { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 30, Loss = Loss.BinaryCrossEntropy)]
public partial class CancerKindsNet
{
    [Dense(32, Activation.SiLU)] public partial DenseLayer Hidden { get; }
    [BatchNorm] public partial BatchNormLayer Norm { get; }
    [Dropout(0.2)] public partial DropoutLayer Drop { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 1, Loss = Loss.Huber, HuberDelta = 0.5)]
public partial class SineKindsNet
{
    [Dense(24, Activation.Softplus)] public partial DenseLayer Hidden { get; }
    [Dense(16, Activation.ELU)] public partial DenseLayer Hidden2 { get; }
    [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class IrisRmsNormNet
{
    [Dense(16, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [RMSNorm] public partial RMSNormLayer Norm { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}

/// <summary>Sized by the data, an RMSNorm of the features first (γ input-sized) and one of the hidden layer: opset 11 operators only.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
public partial class SizedRmsNormNet
{
    [RMSNorm] public partial RMSNormLayer InputNorm { get; }
    [Dense(12, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [RMSNorm(Epsilon = 1e-3)] public partial RMSNormLayer Norm { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}
