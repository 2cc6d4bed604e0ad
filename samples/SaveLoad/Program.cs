using System.Diagnostics;
using Backprop.MLNet;
using Backprop.Onnx;
using Backprop.Optimizers;
using Backprop.Persistence;
using Microsoft.ML;
using Microsoft.ML.Data;

// Run without arguments: train, save (zip, .bpnw, .onnx), then start this program again to load the zip.
// Run as `SaveLoad load <model.zip>`: the second process — loads the model and prints its predictions.
var ml = new MLContext(seed: 1);
string csv = Path.Combine(AppContext.BaseDirectory, "iris.csv");
IDataView data = ml.Data.LoadFromTextFile<IrisRow>(csv, hasHeader: true, separatorChar: ',');

if (args is ["load", var path])
{
    ITransformer loaded = ml.Model.Load(path, out _);
    var network = ((IEnumerable<ITransformer>)loaded).OfType<BackpropTransformer>().Single();
    Console.WriteLine($"[process {Environment.ProcessId}] loaded {path}: {network.Model.Shape.Name}, trained for {network.Model.History?.Epochs.Count} epochs");
    Print(ml.Model.CreatePredictionEngine<IrisRow, IrisPrediction>(loaded));
    return 0;
}

Console.WriteLine(IrisNet.Shape.Summary());
var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", nameof(IrisRow.Species))
    .Append(ml.Transforms.Concatenate("Features", nameof(IrisRow.SepalLength), nameof(IrisRow.SepalWidth), nameof(IrisRow.PetalLength), nameof(IrisRow.PetalWidth)))
    .Append(ml.Transforms.NormalizeMinMax("Features"))
    .Append(ml.MulticlassClassification.Trainers.Backprop<IrisNet>(new() { Epochs = 100, BatchSize = 16, LearningRate = 0.05f, Optimizer = new Momentum(0.9f) }))
    .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
var model = pipeline.Fit(data);
Console.WriteLine($"[process {Environment.ProcessId}] trained {IrisNet.Shape}");
Print(ml.Model.CreatePredictionEngine<IrisRow, IrisPrediction>(model));

string folder = Directory.CreateTempSubdirectory("backprop-saveload-").FullName;
string zip = Path.Combine(folder, "iris-model.zip");
ml.Model.Save(model, data.Schema, zip);                          // 1. the whole pipeline, for ML.NET
var trained = ((IEnumerable<ITransformer>)model).OfType<BackpropTransformer>().Single();
NetworkFile.Save(trained.Model.Network, Path.Combine(folder, "iris.bpnw"));      // 2. the network alone, no ML.NET needed
OnnxExporter.Export(trained.Model.Network, Path.Combine(folder, "iris.onnx"));   // 3. ONNX, for any runtime
foreach (string file in Directory.GetFiles(folder)) Console.WriteLine($"saved {file} ({new FileInfo(file).Length:N0} bytes)");

IrisNet copy = NetworkFile.Load<IrisNet>(Path.Combine(folder, "iris.bpnw"));
Console.WriteLine($"standalone file reloaded: parameters identical = {copy.Parameters.SequenceEqual(trained.Model.Network.Parameters)}");

// The second process: the same program, asked to load the zip.
var start = new ProcessStartInfo("dotnet") { ArgumentList = { Environment.GetCommandLineArgs()[0], "load", zip } };
using (Process second = Process.Start(start)!) second.WaitForExit();
Directory.Delete(folder, recursive: true);
return 0;

static void Print(PredictionEngine<IrisRow, IrisPrediction> engine)
{
    foreach (IrisRow flower in new IrisRow[]
    {
        new() { SepalLength = 5.1f, SepalWidth = 3.5f, PetalLength = 1.4f, PetalWidth = 0.2f },
        new() { SepalLength = 6.4f, SepalWidth = 3.2f, PetalLength = 4.5f, PetalWidth = 1.5f },
        new() { SepalLength = 6.3f, SepalWidth = 3.3f, PetalLength = 6.0f, PetalWidth = 2.5f },
    })
    {
        IrisPrediction p = engine.Predict(flower);
        Console.WriteLine($"  {flower.PetalLength,3} {flower.PetalWidth,3} → {p.PredictedLabel,-10} scores {string.Join(" ", p.Score.Select(s => s.ToString("R")))}");
    }
}

/// <summary>One row of iris.csv.</summary>
public sealed class IrisRow
{
    [LoadColumn(0)] public float SepalLength { get; set; }
    [LoadColumn(1)] public float SepalWidth { get; set; }
    [LoadColumn(2)] public float PetalLength { get; set; }
    [LoadColumn(3)] public float PetalWidth { get; set; }
    [LoadColumn(4)] public string Species { get; set; } = "";
}

/// <summary>What the pipeline predicts for a flower.</summary>
public sealed class IrisPrediction
{
    public string PredictedLabel { get; set; } = "";
    public float[] Score { get; set; } = [];
}
