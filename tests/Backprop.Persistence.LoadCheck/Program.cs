using Backprop.MLNet;
using Backprop.Persistence.LoadCheck;
using Microsoft.ML;

// Usage: Backprop.Persistence.LoadCheck <task> <model.zip> <outputs.txt>
// Loads the model in this fresh process, checks that the Backprop transformer came back as itself, and writes every
// output (scores as exact float bits) for the scenario's data, for the test to compare with the saving process.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Backprop.Persistence.LoadCheck <binary|multiclass|regression> <model.zip> <outputs.txt>");
    return 2;
}

var ml = new MLContext(seed: 1);
ITransformer model = ml.Model.Load(args[1], out _);
BackpropTransformer? ours = model as BackpropTransformer ?? (model as IEnumerable<ITransformer>)?.OfType<BackpropTransformer>().FirstOrDefault();
if (ours is null)
{
    Console.Error.WriteLine($"The loaded model has no BackpropTransformer: {model.GetType()}");
    return 3;
}

List<string> lines = Scenarios.Outputs(ml, model, Scenarios.Data(ml, args[0]), args[0]);
lines.Add($"network {ours.Model.NetworkType.FullName} epochs {ours.Model.History?.Epochs.Count}");
File.WriteAllLines(args[2], lines);
return 0;
