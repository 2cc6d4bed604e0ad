using Backprop.Schedules;
using Backprop.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;

namespace Backprop.MLNet.Tests;

/// <summary>What Fit gives back when training cannot finish, and labels it must not train on silently.</summary>
public class FitFailureTests
{
    /// <summary>The base rate for 31 epochs, then a rate that throws the weights to infinity in epoch 32.</summary>
    private sealed class ExplodesAtEpoch32 : ILearningRateSchedule
    {
        public float LearningRate(float baseRate, int epoch) => epoch < 31 ? baseRate : 1e30f;
    }

    private static BackpropTrainerOptions Options(ILearningRateSchedule? schedule, int epochs) =>
        new() { Epochs = epochs, BatchSize = 16, LearningRate = 0.05f, Seed = 4, Schedule = schedule };

    [Fact]
    public void A_divergence_at_epoch_32_hands_back_the_model_of_the_31_good_epochs()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = TestData.Sine(ml);
        var estimator = ml.Transforms.CopyColumns("Features", "X").Fit(data);
        IDataView features = estimator.Transform(data);

        var error = Assert.ThrowsAny<TrainingDivergedException>(() =>
            ml.Regression.Trainers.Backprop<SineNet>(Options(new ExplodesAtEpoch32(), 100)).Fit(features));

        var diverged = Assert.IsType<BackpropTrainingDivergedException>(error);
        Assert.Equal(32, diverged.Epoch);
        Assert.Contains("Training diverged at epoch 32", diverged.Message);
        Assert.Contains("after 31 completed epochs) is in this exception's LastGoodModel property", diverged.Message);
        Assert.IsType<TrainingDivergedException>(diverged.InnerException);

        BackpropTransformer model = diverged.LastGoodModel;
        Assert.Equal(31, model.Model.History!.Epochs.Count);
        BackpropTransformer thirtyOne = ml.Regression.Trainers.Backprop<SineNet>(Options(null, 31)).Fit(features);
        Assert.Equal(thirtyOne.Model.Network.Parameters, model.Model.Network.Parameters);
        Assert.All(model.Transform(features).GetColumn<float>("Score"), s => Assert.True(float.IsFinite(s)));
    }

    /// <summary>60 rows; keys 1–3 on even rows, <paramref name="odd"/> on odd rows.</summary>
    private static RawKeyDataView Keys(int rows, Func<int, uint> key) =>
        new(Enumerable.Range(0, rows).Select(i => new float[] { i % 4, 1, 2, 3 }).ToArray(), Enumerable.Range(0, rows).Select(key).ToArray(), classes: 3);

    [Fact]
    public void Key_labels_beyond_the_classes_are_rejected_with_the_row_and_the_key()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = Keys(60, i => i % 2 == 0 ? (uint)(i % 3 + 1) : 5);
        var error = Assert.Throws<InvalidDataException>(() => ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new() { Epochs = 1 }).Fit(data));
        Assert.StartsWith("Row 1: label column 'Label' holds key 5, but its key type has 3 classes (keys 1 to 3; 0 is missing) for the 3 outputs of network 'IrisNet'", error.Message);
    }

    [Fact]
    public void Key_labels_that_are_all_out_of_range_are_not_called_missing()
    {
        var ml = new MLContext(seed: 1);
        var error = Assert.Throws<InvalidDataException>(() => ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new() { Epochs = 1 }).Fit(Keys(20, _ => 4)));
        Assert.StartsWith("Row 0: label column 'Label' holds key 4", error.Message);
        Assert.DoesNotContain("missing in all", error.Message);
    }

    [Fact]
    public void Missing_key_labels_are_skipped_and_counted_in_the_log()
    {
        var ml = new MLContext(seed: 1);
        var log = new List<string>();
        ml.Log += (_, e) => { if (e.Message.Contains("Skipped")) log.Add(e.Message); };
        BackpropTransformer model = ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new() { Epochs = 1 }).Fit(Keys(30, i => (uint)(i % 4))); // key 0 = missing
        Assert.Equal(22, model.Model.History!.TrainingSamples);
        Assert.Contains(log, m => m.Contains("Skipped 8 of 30 rows whose label 'Label' is missing (the first is row 0)"));
    }

    [Fact]
    public void When_every_label_is_missing_the_message_says_an_out_of_range_value_also_reads_as_missing()
    {
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 20).Select(i => new KeyRow { Features = [i, 1, 2, 3], Label = 7 }).ToList(); // ML.NET loads index 7 of a 3-key as missing
        var error = Assert.Throws<InvalidOperationException>(() => ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new() { Epochs = 1 }).Fit(ml.Data.LoadFromEnumerable(rows)));
        Assert.Contains("Label column 'Label' is missing in all 20 rows", error.Message);
        Assert.Contains("a value beyond the key type's 3 classes also reads as missing", error.Message);
    }

    public sealed class KeyRow
    {
        [VectorType(4)] public float[] Features { get; set; } = [];
        [KeyType(3)] public uint Label { get; set; }
    }
}
