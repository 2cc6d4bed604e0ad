using Microsoft.ML;
using Microsoft.ML.Data;
using Xunit;
using Xunit.Abstractions;

namespace Backprop.MLNet.Tests;

/// <summary>
/// Issue 15: a network without Inputs takes the feature column's size at Fit (before and after a new category appears in
/// one-hot encoded data, with the same declaration), and unscaled features are standardised by ML.NET's convention.
/// </summary>
public class SizedAndScaledTests(ITestOutputHelper output)
{
    public sealed class TripRow
    {
        public string Vendor { get; set; } = "";
        public string Payment { get; set; } = "";
        public float Distance { get; set; }
        public float Fare { get; set; }
    }

    /// <summary>Taxi-like trips: the fare grows with the distance and depends on the vendor and the payment type.</summary>
    private static List<TripRow> Trips(int rows, int seed, string[] payments)
    {
        var random = new Random(seed);
        var trips = new List<TripRow>();
        for (int i = 0; i < rows; i++)
        {
            string vendor = random.Next(2) == 0 ? "CMT" : "VTS", payment = payments[random.Next(payments.Length)];
            float distance = (float)(random.NextDouble() * 20);
            float fare = 2.5f + 2.1f * distance + (vendor == "VTS" ? 1f : 0f) + Array.IndexOf(payments, payment) * 0.5f + (float)(random.NextDouble() - 0.5);
            trips.Add(new TripRow { Vendor = vendor, Payment = payment, Distance = distance, Fare = fare });
        }

        return trips;
    }

    private static IEstimator<ITransformer> TaxiPipeline(MLContext ml, BackpropTrainerOptions? options = null) =>
        ml.Transforms.CopyColumns("Label", nameof(TripRow.Fare))
            .Append(ml.Transforms.Categorical.OneHotEncoding("VendorEncoded", nameof(TripRow.Vendor)))
            .Append(ml.Transforms.Categorical.OneHotEncoding("PaymentEncoded", nameof(TripRow.Payment)))
            .Append(ml.Transforms.Concatenate("Features", "VendorEncoded", "PaymentEncoded", nameof(TripRow.Distance)))
            .Append(ml.Regression.Trainers.Backprop<TaxiNet>(options ?? new BackpropTrainerOptions { Epochs = 40, BatchSize = 16, LearningRate = 0.01f, Seed = 1 }));

    [Fact]
    public void One_hot_pipeline_trains_before_and_after_a_new_category_appears_with_the_same_declaration()
    {
        var ml = new MLContext(seed: 1);
        string[] before = ["CRD", "CSH"], after = ["CRD", "CSH", "DIS"];
        foreach ((string[] payments, int features) in new[] { (before, 2 + 2 + 1), (after, 2 + 3 + 1) })
        {
            IDataView data = ml.Data.LoadFromEnumerable(Trips(600, 2, payments));
            ITransformer model = TaxiPipeline(ml).Fit(data);
            var net = Network(model);
            Assert.NotNull(net);
            Assert.Equal(features, net.Model.Shape.InputCount);
            RegressionMetrics metrics = ml.Regression.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(Trips(300, 3, payments))));
            output.WriteLine($"{payments.Length} payment types → {features} features: R² {metrics.RSquared:F4}");
            Assert.True(metrics.RSquared > 0.95, $"R² {metrics.RSquared}");
        }
    }

    [Fact]
    public void A_model_trained_on_one_count_refuses_another_and_names_both()
    {
        var ml = new MLContext(seed: 1);
        ITransformer model = TaxiPipeline(ml).Fit(ml.Data.LoadFromEnumerable(Trips(200, 4, ["CRD", "CSH"])));
        BackpropTransformer network = Network(model);
        var wider = ml.Data.LoadFromEnumerable(new[] { new WideRow { Features = new float[6] } });
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => network.Transform(wider));
        Assert.Contains("Feature column 'Features' has 6 values per row but network 'TaxiNet' takes 5 inputs", error.Message);
    }

    /// <summary>The Backprop transformer at the end of a fitted (or loaded) chain.</summary>
    private static BackpropTransformer Network(ITransformer model) => Assert.IsType<BackpropTransformer>(((IEnumerable<ITransformer>)model).Last());

    public sealed class WideRow
    {
        [VectorType(6)] public float[] Features { get; set; } = [];
        public float Label { get; set; }
    }

    [Fact]
    public void A_sized_model_with_its_standardisation_survives_save_and_load()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = ml.Data.LoadFromEnumerable(Trips(300, 5, ["CRD", "CSH", "DIS"]));
        ITransformer model = TaxiPipeline(ml).Fit(data);
        using var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        ITransformer loaded = ml.Model.Load(stream, out _);
        BackpropTransformer network = Network(loaded);
        Assert.Equal(6, network.Model.Shape.InputCount);
        Assert.NotNull(network.Standardizer);
        Assert.Equal(model.Transform(data).GetColumn<float>("Score").ToArray(), loaded.Transform(data).GetColumn<float>("Score").ToArray());
    }

    /// <summary>Heart-disease-like patients: 13 raw features as the UCI file has them (age, cholesterol 126–564, …), no normaliser.</summary>
    public sealed class PatientRow
    {
        [VectorType(13)] public float[] Features { get; set; } = [];
        public bool Label { get; set; }
    }

    private static List<PatientRow> Patients(int rows, int seed)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        var patients = new List<PatientRow>();
        for (int i = 0; i < rows; i++)
        {
            double risk = Normal();
            float[] f =
            [
                (float)Math.Round(54 + 9 * (0.5 * risk + 0.87 * Normal())),          // age
                random.Next(2),                                                      // sex
                Math.Clamp((int)Math.Round(1.5 + risk), 0, 3),                       // chest pain type
                (float)Math.Round(131 + 17 * (0.3 * risk + 0.95 * Normal())),        // resting blood pressure
                (float)Math.Round(246 + 51 * (0.4 * risk + 0.9 * Normal())),         // cholesterol
                random.NextDouble() < 0.15 ? 1 : 0,                                  // fasting blood sugar
                random.Next(3),                                                      // resting ECG
                (float)Math.Round(150 - 22 * (0.7 * risk + 0.7 * Normal())),         // maximum heart rate
                risk + Normal() > 0.8 ? 1 : 0,                                       // exercise angina
                (float)Math.Max(0, Math.Round(1 + 1.1 * (0.7 * risk + 0.7 * Normal()), 1)), // ST depression
                Math.Clamp((int)Math.Round(1.4 + 0.6 * risk), 0, 2),                 // slope
                Math.Clamp((int)Math.Round(0.7 + 0.9 * risk + 0.5 * Normal()), 0, 3), // vessels
                risk + Normal() > 0 ? 7 : 3,                                         // thal
            ];
            patients.Add(new PatientRow { Features = f, Label = risk + 0.5 * Normal() > 0.1 });
        }

        return patients;
    }

    private (double Auc, double Spread) Heart<TNet>(BackpropTrainerOptions options, List<string>? log = null) where TNet : INetwork<TNet>, new()
    {
        var ml = new MLContext(seed: 1);
        if (log is not null) ml.Log += (_, e) => { if (e.Source.Contains("Backprop", StringComparison.Ordinal) && e.Message.Contains("IsNormalized", StringComparison.Ordinal)) lock (log) log.Add(e.Message); };
        ITransformer model = ml.BinaryClassification.Trainers.Backprop<TNet>(options).Fit(ml.Data.LoadFromEnumerable(Patients(600, 11)));
        IDataView scored = model.Transform(ml.Data.LoadFromEnumerable(Patients(300, 12)));
        float[] probabilities = scored.GetColumn<float>("Probability").ToArray();
        double auc = ml.BinaryClassification.Evaluate(scored).AreaUnderRocCurve;
        double spread = probabilities.Max() - probabilities.Min();
        output.WriteLine($"{typeof(TNet).Name}, StandardizeFeatures = {options.StandardizeFeatures}: AUC {auc:F4}, probabilities {probabilities.Min():F4}…{probabilities.Max():F4}");
        return (auc, spread);
    }

    private static BackpropTrainerOptions HeartOptions(bool standardize) => new() { Epochs = 50, BatchSize = 16, LearningRate = 0.05f, Seed = 1, StandardizeFeatures = standardize };

    [Fact]
    public void Unscaled_features_are_standardised_by_the_trainer_and_the_network_learns()
    {
        var log = new List<string>();
        (double auc, _) = Heart<HeartNet>(HeartOptions(standardize: true), log);
        Assert.True(auc > 0.85, $"AUC {auc}");
        Assert.Single(log);
        Assert.Contains("standardising its 13 features", log[0]);
    }

    [Fact]
    public void Without_the_standardisation_the_network_predicts_a_constant()
    {
        (double auc, double spread) = Heart<HeartNet>(HeartOptions(standardize: false));
        Assert.True(spread < 0.05 || auc < 0.65, $"AUC {auc}, spread of probabilities {spread}");
    }

    [Fact]
    public void A_Normalize_layer_takes_the_place_of_the_standardisation()
    {
        var log = new List<string>();
        var ml = new MLContext(seed: 1);
        ITransformer model = ml.BinaryClassification.Trainers.Backprop<NormalizedHeartNet>(HeartOptions(standardize: true)).Fit(ml.Data.LoadFromEnumerable(Patients(600, 11)));
        Assert.Null(((BackpropTransformer)model).Standardizer);
        (double auc, _) = Heart<NormalizedHeartNet>(HeartOptions(standardize: true), log);
        Assert.True(auc > 0.85, $"AUC {auc}");
        Assert.Empty(log);
    }

    [Fact]
    public void Features_marked_IsNormalized_are_left_alone()
    {
        var ml = new MLContext(seed: 1);
        var pipeline = ml.Transforms.NormalizeMeanVariance("Features").Append(ml.BinaryClassification.Trainers.Backprop<HeartNet>(HeartOptions(standardize: true)));
        var model = pipeline.Fit(ml.Data.LoadFromEnumerable(Patients(300, 13)));
        Assert.Null(model.LastTransformer.Standardizer);
        IDataView scored = model.Transform(ml.Data.LoadFromEnumerable(Patients(300, 12)));
        double auc = ml.BinaryClassification.Evaluate(scored).AreaUnderRocCurve;
        output.WriteLine($"NormalizeMeanVariance + HeartNet: AUC {auc:F4}");
        Assert.True(auc > 0.85, $"AUC {auc}");
    }
}
