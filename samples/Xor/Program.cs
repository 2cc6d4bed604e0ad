using System.Diagnostics;
using Backprop.Training;

// XOR: the smallest problem a single layer cannot solve.
float[,] inputs = { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } };
float[,] targets = { { 0 }, { 1 }, { 1 }, { 0 } };

var net = new XorNet();
var options = new TrainingOptions { Epochs = 4000, BatchSize = 4, LearningRate = 2f, Seed = 1 };
Console.WriteLine($"Training {XorNet.Shape} for {options.Epochs} epochs (batch {options.BatchSize}, η = {options.LearningRate}, seed {options.Seed})");

var clock = Stopwatch.StartNew();
TrainingHistory history = NetworkTrainer.Train(net, new InMemorySamples(inputs, targets), options);
clock.Stop();

Console.WriteLine();
Console.WriteLine(" epoch    loss");
foreach (EpochReport epoch in history.Epochs.Where(e => e.Epoch == 1 || e.Epoch % 500 == 0))
    Console.WriteLine($"{epoch.Epoch,6}  {epoch.TrainingLoss:F6}");
Console.WriteLine($"trained in {clock.Elapsed.TotalMilliseconds:F0} ms");

Console.WriteLine();
Console.WriteLine(" x1  x2  target  output  predicted");
int correct = 0;
Span<float> output = stackalloc float[XorNet.OutputCount];
for (int row = 0; row < 4; row++)
{
    net.Forward([inputs[row, 0], inputs[row, 1]], output);
    int predicted = output[0] > 0.5f ? 1 : 0;
    if (predicted == (int)targets[row, 0]) correct++;
    Console.WriteLine($"{inputs[row, 0],3} {inputs[row, 1],3} {targets[row, 0],7} {output[0],7:F4} {predicted,10}");
}

Console.WriteLine($"accuracy: {correct}/4");
return correct == 4 ? 0 : 1;
