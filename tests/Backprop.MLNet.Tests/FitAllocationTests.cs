using Backprop.Training;
using Microsoft.ML;
using Xunit;

namespace Backprop.MLNet.Tests;

/// <summary>Fit's epochs, like NetworkTrainer's, allocate nothing; the per-epoch log line is still right when someone listens.</summary>
public class FitAllocationTests
{
    [Fact]
    public void Fit_allocates_nothing_per_epoch_without_a_log_subscriber()
    {
        // Measured on the training thread between the reports of epochs 50 and 250 (one step each: 150 rows, batch 150).
        // One object per epoch would add ≥ 24 bytes × 200 = 4.8 kB.
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.Cache(TestData.IrisFeaturization(ml).Fit(TestData.Iris(ml)).Transform(TestData.Iris(ml)));
        long at50 = 0, at250 = 0;
        var progress = new Recorder(report =>
        {
            if (report.Epoch == 50) at50 = GC.GetAllocatedBytesForCurrentThread();
            if (report.Epoch == 250) at250 = GC.GetAllocatedBytesForCurrentThread();
        });
        var options = new BackpropTrainerOptions { Epochs = 300, BatchSize = 150, LearningRate = 0.05f, Seed = 2, Progress = progress };
        ml.MulticlassClassification.Trainers.Backprop<IrisNet>(options).Fit(data); // warm up (JIT, statics)
        ml.MulticlassClassification.Trainers.Backprop<IrisNet>(options).Fit(data);
        Assert.Equal(0, at250 - at50);
    }

    [Fact]
    public void With_a_log_subscriber_every_epoch_has_its_own_line()
    {
        var ml = new MLContext(seed: 1);
        var lines = new List<string>();
        ml.Log += (_, e) => { if (e.RawMessage.StartsWith("Epoch ", StringComparison.Ordinal)) lock (lines) lines.Add(e.RawMessage); };
        IDataView data = TestData.IrisFeaturization(ml).Fit(TestData.Iris(ml)).Transform(TestData.Iris(ml));
        BackpropTransformer model = ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new BackpropTrainerOptions { Epochs = 7, Seed = 2 }).Fit(data);
        Assert.Equal(Enumerable.Range(1, 7).Select(e => $"Epoch {e}: loss"), lines.Select(l => l[..l.IndexOf(" loss", StringComparison.Ordinal)] + " loss"));
        EpochReport last = model.Model.History!.Epochs[^1];
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"loss {last.TrainingLoss:G5}"), lines[^1]);
    }

    private sealed class Recorder(Action<EpochReport> report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report(value);
    }
}
