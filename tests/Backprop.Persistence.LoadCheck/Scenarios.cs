using Backprop.MLNet;
using Backprop.Optimizers;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Backprop.Persistence.LoadCheck;

/// <summary>Two noisy blobs → one sigmoid output.</summary>
[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy)]
public partial class BlobBinaryNet
{
    [Dense(8, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

/// <summary>Three noisy blobs → softmax over three classes.</summary>
[Network(Inputs = 2, Loss = Loss.SoftmaxCrossEntropy)]
public partial class BlobClassNet
{
    [Dense(8, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}

/// <summary>y = sin(x).</summary>
[Network(Inputs = 2, Loss = Loss.MeanSquaredError)]
public partial class SineNet
{
    [Dense(12, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
}

/// <summary>The three tasks the save/load tests run: the same data and pipeline in both processes.</summary>
public static class Scenarios
{
    public static readonly string[] Names = ["binary", "multiclass", "regression"];

    public static IDataView Data(MLContext ml, string task)
    {
        var random = new Random(42);
        var rows = new List<Row>();
        string[] classes = ["red", "green", "blue"];
        for (int i = 0; i < 300; i++)
        {
            int c = i % 3;
            float x = (float)(random.NextDouble() * 2 - 1), y = (float)(random.NextDouble() * 2 - 1);
            rows.Add(new Row
            {
                Features = [x + (c - 1) * 1.5f, y + (c == 1 ? 1f : 0f)],
                IsRed = c == 0,
                Colour = classes[c],
                Value = MathF.Sin(3 * x) + 0.5f * y,
            });
        }

        return ml.Data.LoadFromEnumerable(rows);
    }

    public static IEstimator<ITransformer> Pipeline(MLContext ml, string task) => task switch
    {
        "binary" => ml.Transforms.CopyColumns("Label", nameof(Row.IsRed))
            .Append(ml.BinaryClassification.Trainers.Backprop<BlobBinaryNet>(new() { Epochs = 20, Optimizer = new Adam(), LearningRate = 0.01f })),
        "multiclass" => ml.Transforms.Conversion.MapValueToKey("Label", nameof(Row.Colour))
            .Append(ml.MulticlassClassification.Trainers.Backprop<BlobClassNet>(new() { Epochs = 20, Optimizer = new Adam(), LearningRate = 0.01f, ValidationFraction = 0.2f }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedColour", "PredictedLabel")),
        "regression" => ml.Transforms.CopyColumns("Label", nameof(Row.Value))
            .Append(ml.Regression.Trainers.Backprop<SineNet>(new() { Epochs = 20, Optimizer = new Adam(), LearningRate = 0.01f })),
        _ => throw new ArgumentException($"Unknown task '{task}'.", nameof(task)),
    };

    /// <summary>Every output of the model as text: float scores as their exact bits, labels as text.</summary>
    public static List<string> Outputs(MLContext ml, ITransformer model, IDataView data, string task)
    {
        IDataView scored = model.Transform(data);
        var lines = new List<string>();
        switch (task)
        {
            case "binary":
                lines.AddRange(scored.GetColumn<float>("Score").Select(Bits));
                lines.AddRange(scored.GetColumn<float>("Probability").Select(Bits));
                lines.AddRange(scored.GetColumn<bool>("PredictedLabel").Select(b => b.ToString()));
                lines.Add($"accuracy {ml.BinaryClassification.Evaluate(scored).Accuracy:R}");
                break;
            case "multiclass":
                lines.AddRange(scored.GetColumn<float[]>("Score").Select(s => string.Join(" ", s.Select(Bits))));
                lines.AddRange(scored.GetColumn<ReadOnlyMemory<char>>("PredictedColour").Select(s => s.ToString()));
                lines.Add($"micro-accuracy {ml.MulticlassClassification.Evaluate(scored).MicroAccuracy:R}");
                break;
            default:
                lines.AddRange(scored.GetColumn<float>("Score").Select(Bits));
                lines.Add($"r2 {ml.Regression.Evaluate(scored).RSquared:R}");
                break;
        }

        Row first = ml.Data.CreateEnumerable<Row>(data, reuseRowObject: false).First();
        float engineScore = task == "multiclass"
            ? ml.Model.CreatePredictionEngine<Row, VectorPrediction>(model).Predict(first).Score[0]
            : ml.Model.CreatePredictionEngine<Row, ScalarPrediction>(model).Predict(first).Score;
        lines.Add($"engine {Bits(engineScore)}");
        return lines;
    }

    private static string Bits(float value) => BitConverter.SingleToInt32Bits(value).ToString("X8", System.Globalization.CultureInfo.InvariantCulture);

    public sealed class Row
    {
        [VectorType(2)] public float[] Features { get; set; } = [];
        public bool IsRed { get; set; }
        public string Colour { get; set; } = "";
        public float Value { get; set; }
    }

    public sealed class VectorPrediction
    {
        public float[] Score { get; set; } = [];
    }

    public sealed class ScalarPrediction
    {
        public float Score { get; set; }
    }
}
