using Microsoft.ML;
using Microsoft.ML.Data;

namespace Backprop.MLNet.Tests;

/// <summary>The bundled data sets, loaded the way an ML.NET user would, and the pipelines' fixed parts.</summary>
internal static class TestData
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Data", file);

    public static IDataView Iris(MLContext ml) =>
        ml.Data.LoadFromTextFile<IrisRow>(PathOf("iris.csv"), hasHeader: true, separatorChar: ',');

    public static IDataView Digits(MLContext ml) =>
        ml.Data.LoadFromTextFile<DigitRow>(PathOf("digits.csv"), hasHeader: true, separatorChar: ',');

    public static IDataView Cancer(MLContext ml) =>
        ml.Data.LoadFromTextFile<TumourRow>(PathOf("breast_cancer.csv"), hasHeader: true, separatorChar: ',');

    /// <summary>Species → key label, the four measurements → normalised Features.</summary>
    public static IEstimator<ITransformer> IrisFeaturization(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey("Label", nameof(IrisRow.Species))
            .Append(ml.Transforms.Concatenate("Features", nameof(IrisRow.SepalLength), nameof(IrisRow.SepalWidth), nameof(IrisRow.PetalLength), nameof(IrisRow.PetalWidth)))
            .Append(ml.Transforms.NormalizeMinMax("Features"));

    public static IEstimator<ITransformer> DigitFeaturization(MLContext ml) =>
        ml.Transforms.Conversion.MapValueToKey("Label", nameof(DigitRow.Digit))
            .Append(ml.Transforms.NormalizeMinMax("Features", nameof(DigitRow.Pixels)));

    public static IEstimator<ITransformer> CancerFeaturization(MLContext ml) =>
        ml.Transforms.Conversion.MapValue("Label", new Dictionary<string, bool> { ["malignant"] = true, ["benign"] = false }, nameof(TumourRow.Diagnosis))
            .Append(ml.Transforms.NormalizeMeanVariance("Features", nameof(TumourRow.Measurements)));

    /// <summary>y = sin(x) + noise on [−π, π], generated from a seed.</summary>
    public static IDataView Sine(MLContext ml, int rows = 400, int seed = 3)
    {
        var random = new Random(seed);
        var points = new List<SineRow>();
        for (int i = 0; i < rows; i++)
        {
            float x = (float)((random.NextDouble() * 2 - 1) * Math.PI);
            points.Add(new SineRow
            {
                X = [x],
                Label = MathF.Sin(x) + (float)(random.NextDouble() - 0.5) * 0.1f,
                Both = [MathF.Sin(x), MathF.Cos(x)],
            });
        }

        return ml.Data.LoadFromEnumerable(points);
    }
}

public sealed class IrisRow
{
    [LoadColumn(0)] public float SepalLength { get; set; }
    [LoadColumn(1)] public float SepalWidth { get; set; }
    [LoadColumn(2)] public float PetalLength { get; set; }
    [LoadColumn(3)] public float PetalWidth { get; set; }
    [LoadColumn(4)] public string Species { get; set; } = "";
}

public sealed class IrisPrediction
{
    public string PredictedLabel { get; set; } = "";
    public float[] Score { get; set; } = [];
}

public sealed class DigitRow
{
    [LoadColumn(0, 63), VectorType(64)] public float[] Pixels { get; set; } = [];
    [LoadColumn(64)] public float Digit { get; set; }
}

public sealed class TumourRow
{
    [LoadColumn(0, 29), VectorType(30)] public float[] Measurements { get; set; } = [];
    [LoadColumn(30)] public string Diagnosis { get; set; } = "";
}

public sealed class SineRow
{
    [VectorType(1)] public float[] X { get; set; } = [];
    public float Label { get; set; }
    [VectorType(2)] public float[] Both { get; set; } = [];
}
