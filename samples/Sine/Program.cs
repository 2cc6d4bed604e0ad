using Backprop.MLNet;
using Backprop.Plots;
using Backprop.Training;
using Backprop.Optimizers;
using Microsoft.ML;
using Microsoft.ML.Data;

// Regression: y = sin x + uniform noise in [−0.05, 0.05] on x ∈ [−π, π], 1,000 points generated from a fixed seed.
var ml = new MLContext(seed: 1);
IDataView data = ml.Data.LoadFromEnumerable(NoisySine(rows: 1000, seed: 7));
var split = ml.Data.TrainTestSplit(data, testFraction: 0.25, seed: 1);

var features = ml.Transforms.Concatenate("Features", nameof(Point.X));
Console.WriteLine(SineNet.Shape.Summary());
using var progress = new ConsoleProgress(totalEpochs: 300);
var ours = features.Append(ml.Regression.Trainers.Backprop<SineNet>(
    new() { LabelColumnName = nameof(Point.Y), Epochs = 300, BatchSize = 16, LearningRate = 0.01f, Optimizer = new Adam(), Progress = progress }));
var linear = features.Append(ml.Regression.Trainers.Sdca(labelColumnName: nameof(Point.Y)));

ITransformer model = ours.Fit(split.TrainSet);
progress.Complete();
RegressionMetrics metrics = ml.Regression.Evaluate(model.Transform(split.TestSet), labelColumnName: nameof(Point.Y));
RegressionMetrics baseline = ml.Regression.Evaluate(linear.Fit(split.TrainSet).Transform(split.TestSet), labelColumnName: nameof(Point.Y));

int trainRows = split.TrainSet.GetColumn<float>(nameof(Point.X)).Count(), testRows = split.TestSet.GetColumn<float>(nameof(Point.X)).Count();
Console.WriteLine($"Trained {SineNet.Shape} on {trainRows} points; evaluated on the other {testRows}:");
Console.WriteLine($"{"",-28}{"R²",8}{"RMSE",10}{"MAE",10}");
Console.WriteLine($"{"Backprop SineNet 1-16-1",-28}{metrics.RSquared,8:F4}{metrics.RootMeanSquaredError,10:F4}{metrics.MeanAbsoluteError,10:F4}");
Console.WriteLine($"{"ML.NET Sdca (linear)",-28}{baseline.RSquared,8:F4}{baseline.RootMeanSquaredError,10:F4}{baseline.MeanAbsoluteError,10:F4}");
Console.WriteLine("(the noise alone gives RMSE ≈ 0.029: 0.1/√12)");

var engine = ml.Model.CreatePredictionEngine<Point, Prediction>(model);
Console.WriteLine();
Console.WriteLine($"{"x",8}{"sin x",10}{"predicted",12}");
foreach (float x in new[] { -3f, -1.5f, 0f, 0.5f, 1.5707964f, 2.5f })
    Console.WriteLine($"{x,8:F3}{MathF.Sin(x),10:F4}{engine.Predict(new Point { X = x }).Score,12:F4}");

// The loss and learning rate per epoch, from the history the trained transformer keeps.
if (FindBackprop(model)?.Model.History is { } history)
{
    string plot = HistoryPlots.Overview(history, "SineNet").Save(Path.Combine(AppContext.BaseDirectory, "plots", "sine-history.png"));
    Console.WriteLine();
    Console.WriteLine($"Training history plot: {plot}");
}

static BackpropTransformer? FindBackprop(ITransformer model) =>
    model as BackpropTransformer ?? (model as IEnumerable<ITransformer>)?.OfType<BackpropTransformer>().FirstOrDefault();

static IEnumerable<Point> NoisySine(int rows, int seed)
{
    var random = new Random(seed);
    for (int i = 0; i < rows; i++)
    {
        float x = (float)((random.NextDouble() * 2 - 1) * Math.PI);
        yield return new Point { X = x, Y = MathF.Sin(x) + (float)(random.NextDouble() - 0.5) * 0.1f };
    }
}

/// <summary>One generated point: x and the noisy y = sin x + noise.</summary>
public sealed class Point
{
    public float X { get; set; }
    public float Y { get; set; }
}

/// <summary>The model's output column.</summary>
public sealed class Prediction
{
    public float Score { get; set; }
}
