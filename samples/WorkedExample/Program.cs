using Backprop.Initialization;
using Backprop.Inspection;
using Backprop.Training;

// The textbook's names for the eight weights, and where each sits: Wˡ[o, i] connects input i to unit o.
var net = new WorkedExampleNet();
var weights = new (string Name, int Layer, int Row, int Column, float Value)[]
{
    ("w1", 1, 0, 0, 1.5f), ("w2", 1, 1, 0, 2f), ("w3", 1, 0, 1, 2f), ("w4", 1, 1, 1, 2.5f),
    ("w5", 2, 0, 0, 1.2f), ("w6", 2, 1, 0, 2.5f), ("w7", 2, 0, 1, 0.5f), ("w8", 2, 1, 1, 1f),
};
foreach (var w in weights) Layer(net, w.Layer).Weights[w.Row, w.Column] = w.Value;
float[] input = [1f, 1.5f], target = [2.5f, 3f];
const float eta = 0.1f;
float[] original = (float[])net.Parameters.Clone();
Console.WriteLine(WorkedExampleNet.Shape.Summary());

Console.WriteLine("The 2-2-2 network: h1 = i1·w1 + i2·w3, h2 = i1·w2 + i2·w4, o1 = h1·w5 + h2·w7, o2 = h1·w6 + h2·w8");
Console.WriteLine($"i = ({input[0]}, {input[1]}), t = ({target[0]}, {target[1]}), " + string.Join(", ", weights.Select(w => $"{w.Name} = {w.Value}")));

Console.WriteLine("\n1. Forward pass");
float h1 = input[0] * 1.5f + input[1] * 2f, h2 = input[0] * 2f + input[1] * 2.5f;
Span<float> output = stackalloc float[2];
net.Forward(input, output);
Console.WriteLine($"   h1 = {input[0]}·1.5 + {input[1]}·2 = {h1}");
Console.WriteLine($"   h2 = {input[0]}·2 + {input[1]}·2.5 = {h2}");
Console.WriteLine($"   o1 = {h1}·1.2 + {h2}·0.5 = {output[0]}");
Console.WriteLine($"   o2 = {h1}·2.5 + {h2}·1 = {output[1]}");

Console.WriteLine("\n2. Error");
float error = net.Backward(input, target);
Console.WriteLine($"   E = ½[(t1 − o1)² + (t2 − o2)²] = ½[({target[0]} − {output[0]})² + ({target[1]} − {output[1]})²] = {error:0.#####}");

Console.WriteLine("\n3. Backward pass (δo = o − t; δh = Wᵀ δo; ∂E/∂w = δ · the input of that weight)");
Console.WriteLine($"   δo1 = {output[0] - target[0]:0.######}, δo2 = {output[1] - target[1]:0.######}");
foreach (var w in weights)
{
    float gradient = Layer(net, w.Layer).WeightGradients[w.Row, w.Column];
    Console.WriteLine($"   ∂E/∂{w.Name} = {gradient:0.######}");
}

Console.WriteLine($"\n4. Update with η = {eta}: w ← w − η ∂E/∂w");
for (int i = 0; i < net.Parameters.Length; i++) net.Parameters[i] -= eta * net.Gradients[i];
foreach (var w in weights) Console.WriteLine($"   {w.Name}: {w.Value} → {Layer(net, w.Layer).Weights[w.Row, w.Column]:0.######}");

Console.WriteLine("\n5. Training from the original weights until the outputs reach the targets");
var trained = new WorkedExampleNet();
foreach (var w in weights) Layer(trained, w.Layer).Weights[w.Row, w.Column] = w.Value;
TrainingHistory history = NetworkTrainer.Train(trained, new InMemorySamples([input], [target]), new TrainingOptions
{
    Epochs = 200, BatchSize = 1, LearningRate = 0.01f, Initialization = InitializationScheme.None,
});
foreach (EpochReport epoch in history.Epochs.Where(e => e.Epoch is 1 or 10 or 50 or 100 or 200))
    Console.WriteLine($"   epoch {epoch.Epoch,3}: E = {epoch.TrainingLoss:0.######}");
trained.Forward(input, output);
Console.WriteLine($"   o = ({output[0]:F4}, {output[1]:F4}) for t = ({target[0]}, {target[1]})");

Console.WriteLine("\n6. The computational graph with this example's numbers (Mermaid: paste it into https://mermaid.live)");
Console.WriteLine("   forward edges carry x, a¹ = h, a² = o and t; backward edges δ² = o − t and δ¹ = W²ᵀδ²");
Console.WriteLine(ComputationGraphValues.Fill<WorkedExampleNet>(WorkedExampleNet.ComputationGraph, original, [], input, target));

Console.WriteLine("\n7. Gradient check: the generated backward pass against central differences of the network's own loss");
Console.Write(GradientCheck.Run<WorkedExampleNet>(original, input, target));

static Backprop.DenseLayer Layer(WorkedExampleNet network, int layer) => layer == 1 ? network.Hidden : network.Output;
