using Backprop.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;

namespace Backprop.MLNet.Tests;

/// <summary>3 inputs → 16 ReLU → 1: a ReLU layer that a huge learning rate kills.</summary>
[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
public partial class StallReluNet
{
    [Dense(16, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
}

/// <summary>Fit writes the trainer's "no progress" warnings into MLContext.Log and keeps them in the model's history.</summary>
public class StallWarningTests
{
    [Fact]
    public void A_dead_relu_layer_is_written_to_the_mlcontext_log_as_a_warning_naming_the_layer()
    {
        var ml = new MLContext(seed: 1);
        var warnings = new List<LoggingEventArgs>();
        ml.Log += (_, e) => { if (e.Source.Contains("Backprop", StringComparison.Ordinal) && e.Kind == Microsoft.ML.Runtime.ChannelMessageKind.Warning) lock (warnings) warnings.Add(e); };

        // A label in the tens and plain SGD at 0.1 (a rate is set, so no default recipe and no label standardisation): the
        // first steps kill at least 90 % of the hidden units and the network collapses to the mean (measured; 0.15 diverges).
        var model = (BackpropTransformer)ml.Regression.Trainers.Backprop<StallReluNet>(new BackpropTrainerOptions
        {
            Epochs = 10, LearningRate = 0.1f, Seed = 1,
        }).Fit(Linear(ml, scale: 10f));

        Assert.Contains(warnings, e => e.Message.Contains("ReLU layer 'Hidden'", StringComparison.Ordinal) && e.Message.Contains("smaller learning rate", StringComparison.Ordinal));
        Assert.Contains(warnings, e => e.Message.Contains("layer 'Output'", StringComparison.Ordinal) && e.Message.Contains("barely vary", StringComparison.Ordinal));
        Assert.Contains(model.Model.History!.Warnings, w => w.Kind is TrainingWarningKind.DeadLayer or TrainingWarningKind.MostlyDeadLayer && w.Layer == "Hidden");
    }

    [Fact]
    public void A_healthy_fit_logs_no_warning()
    {
        var ml = new MLContext(seed: 1);
        var warnings = new List<string>();
        ml.Log += (_, e) => { if (e.Source.Contains("Backprop", StringComparison.Ordinal) && e.Kind == Microsoft.ML.Runtime.ChannelMessageKind.Warning) lock (warnings) warnings.Add(e.Message); };

        var model = (BackpropTransformer)ml.Regression.Trainers.Backprop<StallReluNet>(new BackpropTrainerOptions { Epochs = 30, Seed = 1 }).Fit(Linear(ml, scale: 1f));

        Assert.Empty(warnings);
        Assert.Empty(model.Model.History!.Warnings);
    }

    [Fact]
    public void An_iris_fit_logs_no_warning()
    {
        var ml = new MLContext(seed: 1);
        var warnings = new List<string>();
        ml.Log += (_, e) => { if (e.Source.Contains("Backprop", StringComparison.Ordinal) && e.Kind == Microsoft.ML.Runtime.ChannelMessageKind.Warning) lock (warnings) warnings.Add(e.Message); };

        var model = TestData.IrisFeaturization(ml)
            .Append(ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new BackpropTrainerOptions { Epochs = 50, Seed = 1 }))
            .Fit(TestData.Iris(ml));

        Assert.Empty(warnings);
        Assert.Empty(model.LastTransformer.Model.History!.Warnings);
    }

    /// <summary>y = scale·(2x₀ − x₁ + 0.5x₂ + 1) plus a little noise, x uniform in [−1, 1]³.</summary>
    private static IDataView Linear(MLContext ml, float scale, int rows = 300, int seed = 5)
    {
        var random = new Random(seed);
        var points = new List<LinearRow>();
        for (int r = 0; r < rows; r++)
        {
            float[] x = [(float)(random.NextDouble() * 2 - 1), (float)(random.NextDouble() * 2 - 1), (float)(random.NextDouble() * 2 - 1)];
            points.Add(new LinearRow { Features = x, Label = scale * (2 * x[0] - x[1] + 0.5f * x[2] + 1 + (float)(random.NextDouble() - 0.5) * 0.1f) });
        }

        return ml.Data.LoadFromEnumerable(points);
    }

    public sealed class LinearRow
    {
        [VectorType(3)] public float[] Features { get; set; } = [];
        public float Label { get; set; }
    }
}
