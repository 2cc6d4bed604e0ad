using Backprop.MLNet;
using Backprop.Optimizers;
using Backprop.Plots;
using Backprop.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

// Taxi fare: Microsoft's ML.NET getting-started regression (samples/csharp/getting-started/Regression_TaxiFarePrediction)
// with its trainer line changed to the network, on trips generated from a fixed seed (see TaxiTrips below), and without
// its NormalizeMeanVariance steps: the feature column is not marked IsNormalized and TaxiNet has no [Normalize] layer, so
// the trainer standardises the features itself (StandardizeFeatures = false turns that off).
var ml = new MLContext(seed: 1);
ml.Log += (_, e) =>
{
    if (e.Kind == ChannelMessageKind.Info && e.RawMessage.Contains("standardising", StringComparison.Ordinal))
        Console.WriteLine($"[ML.NET log, Info] {e.RawMessage}");
};

string[] payments = ["CRD", "CSH", "NOC", "DIS", "UNK"];
IDataView baseTrainingData = ml.Data.LoadFromEnumerable(TaxiTrips.Generate(rows: 4000, seed: 1, payments));
IDataView testData = ml.Data.LoadFromEnumerable(TaxiTrips.Generate(rows: 1000, seed: 2, payments));
// As in Microsoft's sample: drop the outliers (fares below $1 or above $150) from the training data.
IDataView trainingData = ml.Data.FilterRowsByColumn(baseTrainingData, nameof(TaxiTrip.FareAmount), lowerBound: 1, upperBound: 150);

// Microsoft's pipeline without its three NormalizeMeanVariance steps (normalize: true puts them back, for the comparison).
IEstimator<ITransformer> DataProcessPipeline(bool normalize = false)
{
    var encoded = ml.Transforms.CopyColumns(outputColumnName: "Label", inputColumnName: nameof(TaxiTrip.FareAmount))
        .Append(ml.Transforms.Categorical.OneHotEncoding(outputColumnName: "VendorIdEncoded", inputColumnName: nameof(TaxiTrip.VendorId)))
        .Append(ml.Transforms.Categorical.OneHotEncoding(outputColumnName: "RateCodeEncoded", inputColumnName: nameof(TaxiTrip.RateCode)))
        .Append(ml.Transforms.Categorical.OneHotEncoding(outputColumnName: "PaymentTypeEncoded", inputColumnName: nameof(TaxiTrip.PaymentType)));
    IEstimator<ITransformer> numbers = normalize
        ? encoded.Append(ml.Transforms.NormalizeMeanVariance(outputColumnName: nameof(TaxiTrip.PassengerCount)))
            .Append(ml.Transforms.NormalizeMeanVariance(outputColumnName: nameof(TaxiTrip.TripTime)))
            .Append(ml.Transforms.NormalizeMeanVariance(outputColumnName: nameof(TaxiTrip.TripDistance)))
        : encoded;
    return numbers.Append(ml.Transforms.Concatenate("Features", "VendorIdEncoded", "RateCodeEncoded", "PaymentTypeEncoded",
        nameof(TaxiTrip.PassengerCount), nameof(TaxiTrip.TripTime), nameof(TaxiTrip.TripDistance)));
}

RegressionMetrics Sdca(IDataView train, IDataView test, bool normalize) => ml.Regression.Evaluate(DataProcessPipeline(normalize)
    .Append(ml.Regression.Trainers.Sdca(labelColumnName: "Label", featureColumnName: "Features")).Fit(train).Transform(test));

// The one changed line: the network in place of ml.Regression.Trainers.Sdca(labelColumnName: "Label", featureColumnName: "Features").
IEstimator<ITransformer> TrainingPipeline(ConsoleProgress progress) => DataProcessPipeline()
    .Append(ml.Regression.Trainers.Backprop<TaxiNet>(new() { Epochs = 60, BatchSize = 32, LearningRate = 0.003f, Optimizer = new Adam(), Seed = 1, Progress = progress }));

Console.WriteLine($"Training TaxiNet (declared without Inputs) on {CountRows(trainingData)} generated trips, payment types {string.Join(", ", payments)}…");
ITransformer model;
using (var progress = new ConsoleProgress(totalEpochs: 60))
{
    model = TrainingPipeline(progress).Fit(trainingData);
    progress.Complete();
}

BackpropTransformer network = FindBackprop(model);
int inputsBefore = network.Model.Shape.InputCount;
Console.WriteLine();
Console.WriteLine(network.Model.Shape.Summary());   // at the fitted size: the declared TaxiNet has no input count of its own
Console.WriteLine($"Standardised by the trainer: {(network.Standardizer is null ? "no" : $"yes, {inputsBefore} features")}");
Console.WriteLine();

RegressionMetrics metrics = ml.Regression.Evaluate(model.Transform(testData));
Console.WriteLine($"Test set, {CountRows(testData)} trips:");
PrintHeader();
PrintMetrics($"Backprop TaxiNet {inputsBefore}-32-1", metrics);
PrintMetrics("ML.NET Sdca, same pipeline", Sdca(trainingData, testData, normalize: false));
PrintMetrics("ML.NET Sdca, normalised", Sdca(trainingData, testData, normalize: true));
Console.WriteLine("(same pipeline: no normaliser, as TaxiNet's; normalised: Microsoft's NormalizeMeanVariance steps put back, which Sdca needs)");

// One trip, as Microsoft's sample predicts it.
var engine = ml.Model.CreatePredictionEngine<TaxiTrip, TaxiTripFarePrediction>(model);
var trip = new TaxiTrip { VendorId = "VTS", RateCode = "1", PassengerCount = 1, TripTime = 1140, TripDistance = 3.75f, PaymentType = "CRD" };
Console.WriteLine();
Console.WriteLine($"Trip VTS, rate code 1, 1 passenger, 1140 s, 3.75 mi, CRD: predicted fare {engine.Predict(trip).FareAmount:F2}, " +
                  $"expected {TaxiTrips.ExpectedFare(trip):F2} (the generator's fare without its noise)");

// The point of a network without Inputs: fresh data brings a payment type the first run never saw (in-app payment, with a
// booking fee). One-hot encoding gives it a new feature; the same TaxiNet declaration trains on the wider column unchanged.
IDataView freshTraining = ml.Data.FilterRowsByColumn(ml.Data.LoadFromEnumerable(
    TaxiTrips.Generate(rows: 4000, seed: 1, payments).Concat(TaxiTrips.Generate(rows: 600, seed: 3, payments, newPayment: "APP", newShare: 0.3))), nameof(TaxiTrip.FareAmount), lowerBound: 1, upperBound: 150);
IDataView freshTest = ml.Data.LoadFromEnumerable(TaxiTrips.Generate(rows: 1000, seed: 2, payments).Concat(TaxiTrips.Generate(rows: 150, seed: 4, payments, newPayment: "APP", newShare: 0.3)));

Console.WriteLine();
Console.WriteLine($"Retraining the same TaxiNet declaration on {CountRows(freshTraining)} trips, now with payment type APP…");
ITransformer retrained;
using (var progress = new ConsoleProgress(totalEpochs: 60))
{
    retrained = TrainingPipeline(progress).Fit(freshTraining);
    progress.Complete();
}

BackpropTransformer retrainedNetwork = FindBackprop(retrained);
int inputsAfter = retrainedNetwork.Model.Shape.InputCount;
Console.WriteLine($"Input count: {inputsBefore} → {inputsAfter} (one more one-hot slot for APP), no rebuild");
RegressionMetrics freshMetrics = ml.Regression.Evaluate(retrained.Transform(freshTest));
Console.WriteLine($"Test set with APP trips, {CountRows(freshTest)} trips:");
PrintHeader();
PrintMetrics($"Backprop TaxiNet {inputsAfter}-32-1", freshMetrics);
PrintMetrics("ML.NET Sdca, same pipeline", Sdca(freshTraining, freshTest, normalize: false));
PrintMetrics("ML.NET Sdca, normalised", Sdca(freshTraining, freshTest, normalize: true));

var appEngine = ml.Model.CreatePredictionEngine<TaxiTrip, TaxiTripFarePrediction>(retrained);
var appTrip = new TaxiTrip { VendorId = "VTS", RateCode = "1", PassengerCount = 1, TripTime = 1140, TripDistance = 3.75f, PaymentType = "APP" };
Console.WriteLine($"The same trip paid with APP: predicted fare {appEngine.Predict(appTrip).FareAmount:F2}, expected {TaxiTrips.ExpectedFare(appTrip):F2}");

if (retrainedNetwork.Model.History is { } history)
{
    string plot = HistoryPlots.Overview(history, "TaxiNet").Save(Path.Combine(AppContext.BaseDirectory, "plots", "taxi-fare-history.png"));
    Console.WriteLine();
    Console.WriteLine($"Training history plot: {plot}");
}

static void PrintHeader() => Console.WriteLine($"{"",-30}{"R²",8}{"RMSE",10}{"MAE",10}");

static void PrintMetrics(string name, RegressionMetrics m) =>
    Console.WriteLine($"{name,-30}{m.RSquared,8:F4}{m.RootMeanSquaredError,10:F4}{m.MeanAbsoluteError,10:F4}");

static long CountRows(IDataView view) => view.GetColumn<float>(nameof(TaxiTrip.FareAmount)).LongCount();

static BackpropTransformer FindBackprop(ITransformer model) =>
    model as BackpropTransformer ?? ((IEnumerable<ITransformer>)model).OfType<BackpropTransformer>().Single();

/// <summary>One trip, with the columns of Microsoft's taxi-fare-train.csv.</summary>
public sealed class TaxiTrip
{
    public string VendorId { get; set; } = "";
    public string RateCode { get; set; } = "";
    public float PassengerCount { get; set; }
    public float TripTime { get; set; }
    public float TripDistance { get; set; }
    public string PaymentType { get; set; } = "";
    public float FareAmount { get; set; }
}

/// <summary>What the pipeline predicts for a trip.</summary>
public sealed class TaxiTripFarePrediction
{
    [ColumnName("Score")] public float FareAmount { get; set; }
}

/// <summary>
/// Generated New-York-like trips, deterministic for a seed. Vendors CMT and VTS; rate code 1 (standard) for most trips,
/// 2 (JFK, flat $52), 3 (Newark, meter + $17.50), 4 (out of town, meter × 1.5), 5 (negotiated) and 0 (unknown) rarely;
/// payment types as given, the first two common and the rest rare. Trip time in seconds follows the distance at a
/// random pace plus waiting. The metered fare is $2.50 + $2.00 per mile + $0.30 per minute; "no charge" trips record half,
/// disputed ones $1 more, in-app ones a $2.75 booking fee; VTS's meters read $0.50 more; each extra passenger adds $0.30;
/// then noise with a standard deviation of $1.
/// </summary>
public static class TaxiTrips
{
    /// <summary><paramref name="rows"/> trips; with <paramref name="newPayment"/>, that payment type on a <paramref name="newShare"/> of them.</summary>
    public static IEnumerable<TaxiTrip> Generate(int rows, int seed, string[] payments, string? newPayment = null, double newShare = 0)
    {
        var random = new Random(seed);
        double Normal() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        for (int i = 0; i < rows; i++)
        {
            double u = random.NextDouble();
            string rate = u < 0.90 ? "1" : u < 0.94 ? "2" : u < 0.95 ? "3" : u < 0.965 ? "4" : u < 0.995 ? "5" : "0";
            double p = random.NextDouble();
            // Common: the first two (60 % and 34 %); the rest share what is left, so each is rare.
            string payment = p < 0.60 ? payments[0] : p < 0.94 ? payments[1] : payments[2 + (int)((p - 0.94) / 0.06 * (payments.Length - 2))];
            if (newPayment is not null && random.NextDouble() < newShare) payment = newPayment;
            double distance = rate is "2" or "3" ? 16 + 2 * Normal() : Math.Clamp(Math.Exp(0.6 + 0.8 * Normal()), 0.1, 40);
            double pace = 2.5 + 3.5 * random.NextDouble();           // minutes per mile
            double seconds = Math.Round(distance * pace * 60 + 300 * random.NextDouble());
            var trip = new TaxiTrip
            {
                VendorId = random.Next(2) == 0 ? "CMT" : "VTS",
                RateCode = rate,
                PassengerCount = random.NextDouble() switch { < 0.7 => 1, < 0.85 => 2, < 0.9 => 3, < 0.95 => 5, _ => 4 + random.Next(3) },
                TripTime = (float)seconds,
                TripDistance = (float)Math.Round(distance, 2),
                PaymentType = payment,
            };
            double negotiated = rate == "5" ? 0.8 + 0.8 * random.NextDouble() : 1;
            trip.FareAmount = (float)Math.Round(Math.Max(2.5, ExpectedFare(trip) * negotiated + Normal()), 2);
            yield return trip;
        }
    }

    /// <summary>The fare before noise (and, for rate code 5, before the negotiated factor).</summary>
    public static double ExpectedFare(TaxiTrip trip)
    {
        double metered = 2.5 + 2.0 * trip.TripDistance + 0.3 * trip.TripTime / 60;
        double fare = trip.RateCode switch { "2" => 52, "3" => metered + 17.5, "4" => metered * 1.5, _ => metered };
        fare = trip.PaymentType switch { "NOC" => fare / 2, "DIS" => fare + 1, "APP" => fare + 2.75, _ => fare };
        return fare + (trip.VendorId == "VTS" ? 0.5 : 0) + 0.3 * (trip.PassengerCount - 1);
    }
}
