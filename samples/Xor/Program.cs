using System.Diagnostics;
using Backprop;
using Backprop.Plots;
using Backprop.Schedules;
using Backprop.Training;
using ScottPlot;

// XOR: the smallest problem a single layer cannot solve.
float[,] inputs = { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } };
float[,] targets = { { 0 }, { 1 }, { 1 }, { 0 } };
float[,] oneHot = { { 1, 0 }, { 0, 1 }, { 0, 1 }, { 1, 0 } };
string plots = Path.Combine(AppContext.BaseDirectory, "plots");

var net = new XorNet();
Console.WriteLine(XorNet.Shape.Summary());
var options = new TrainingOptions { Epochs = 4000, BatchSize = 4, LearningRate = 2f, Seed = 1 };
Console.WriteLine($"Training {XorNet.Shape} for {options.Epochs} epochs (batch {options.BatchSize}, η = {options.LearningRate}, seed {options.Seed})");

List<double> accuracy = [];
var clock = Stopwatch.StartNew();
TrainingHistory history;
using (var progress = new ConsoleProgress(options.Epochs))
{
    options.Progress = new EpochCallback(report =>
    {
        accuracy.Add(Accuracy(net, inputs, targets));
        progress.Report(report);
    });
    history = NetworkTrainer.Train(net, new InMemorySamples(inputs, targets), options);
}
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
string[] figures = [SaveFigure(Path.Combine(plots, "xor-3-hidden.png"), "2-3-1, η = 2", history, accuracy,
    DecisionBoundaryPlot.Create(net, inputs, targets, new() { Title = "2-3-1, η = 2: boundary", Margin = 0.5 }))];

// The article's second figure: 50 hidden units (one output per class). With a constant rate the loss climbs back up
// on its way off the XOR plateau; the L2 term λΣw²/2N and a decaying rate η₀/(1 + k·epoch) smooth it away.
// The settings are those of the trainer tests (XorTrainingTests): seed 9, η₀ = 2, 3000 full-batch epochs, λ = 1e-4, k = 3e-4.
(string Name, string Description, string File, float L2, ILearningRateSchedule? Schedule)[] wideRuns =
[
    ("2-50-2, constant η", "constant η = 2", "xor-50-hidden-constant.png", 0f, null),
    ("2-50-2, L2 + decay", "L2 λ = 1e-4 and η = 2/(1 + 3e-4·epoch)", "xor-50-hidden-l2-decay.png", 1e-4f, new InverseTimeDecay(3e-4f)),
];
foreach (var run in wideRuns)
{
    var wide = new WideXorNet();
    if (run.File == wideRuns[0].File) Console.Write("\n" + WideXorNet.Shape.Summary());
    var wideOptions = new TrainingOptions { Epochs = 3000, BatchSize = 4, LearningRate = 2f, L2 = run.L2, Schedule = run.Schedule, Seed = 9 };
    Console.WriteLine();
    Console.WriteLine($"Training {WideXorNet.Shape} with {run.Description} for {wideOptions.Epochs} epochs (batch {wideOptions.BatchSize}, seed {wideOptions.Seed})");
    List<double> wideAccuracy = [];
    TrainingHistory wideHistory;
    using (var progress = new ConsoleProgress(wideOptions.Epochs))
    {
        wideOptions.Progress = new EpochCallback(report =>
        {
            wideAccuracy.Add(Accuracy(wide, inputs, oneHot));
            progress.Report(report);
        });
        wideHistory = NetworkTrainer.Train(wide, new InMemorySamples(inputs, oneHot), wideOptions);
    }

    (int rising, int from, int to, double rise) = Rises(wideHistory);
    Console.WriteLine($"loss {wideHistory.Epochs[0].TrainingLoss:F4} → {wideHistory.Epochs[^1].TrainingLoss:F4}; the loss rose in {rising} epochs" +
                      (rising == 0 ? "" : $", at most {rise:P0} above its lowest so far (epochs {from}–{to})") +
                      $"; accuracy {wideAccuracy[^1]:P0}");

    // The class is the larger output; o₁/(o₀ + o₁) crosses 0.5 exactly there.
    float[] pair = new float[2];
    Plot boundary = DecisionBoundaryPlot.Create((x1, x2) =>
    {
        wide.Forward([x1, x2], pair);
        return pair[1] / (pair[0] + pair[1]);
    }, inputs, oneHot, new() { Title = $"{run.Name}: boundary", Margin = 0.5 });
    figures = [.. figures, SaveFigure(Path.Combine(plots, run.File), run.Name, wideHistory, wideAccuracy, boundary, rising == 0 ? null : (from, to, rise))];
}

Console.WriteLine();
Console.WriteLine($"Figures (accuracy, decision boundary, loss) in {plots}:");
foreach (string figure in figures) Console.WriteLine($"  {Path.GetFileName(figure)}");
return correct == 4 ? 0 : 1;

// Fraction of the four rows classified right: one output ≥ 0.5 is class 1; with two, the larger one wins.
static double Accuracy(INetwork network, float[,] inputs, float[,] targets)
{
    Span<float> output = stackalloc float[network.Shape.OutputCount];
    int correct = 0;
    for (int row = 0; row < inputs.GetLength(0); row++)
    {
        network.Forward([inputs[row, 0], inputs[row, 1]], output);
        bool predicted = output.Length == 1 ? output[0] > 0.5f : output[1] > output[0];
        bool expected = targets.GetLength(1) == 1 ? targets[row, 0] > 0.5f : targets[row, 1] > targets[row, 0];
        if (predicted == expected) correct++;
    }

    return (double)correct / inputs.GetLength(0);
}

// The number of epochs whose loss is above the previous epoch's, and the largest climb above the lowest loss so far:
// from the epoch of that lowest loss to the epoch furthest above it, and by how much (a fraction).
static (int Rising, int From, int To, double Rise) Rises(TrainingHistory history)
{
    int rising = 0, lowestAt = 1, from = 0, to = 0;
    double lowest = double.PositiveInfinity, rise = 0;
    for (int i = 0; i < history.Epochs.Count; i++)
    {
        EpochReport epoch = history.Epochs[i];
        if (i > 0 && epoch.TrainingLoss > history.Epochs[i - 1].TrainingLoss) rising++;
        if (epoch.TrainingLoss / lowest - 1 > rise) (rise, from, to) = (epoch.TrainingLoss / lowest - 1, lowestAt, epoch.Epoch);
        if (epoch.TrainingLoss < lowest) (lowest, lowestAt) = (epoch.TrainingLoss, epoch.Epoch);
    }

    return (rising, from, to, rise);
}

// Accuracy, decision boundary and loss side by side, as in the article; a rise of the loss is shaded.
static string SaveFigure(string path, string name, TrainingHistory history, List<double> accuracy, Plot boundary, (int From, int To, double By)? rise = null)
{
    Plot loss = HistoryPlots.Loss(history, $"{name}: loss");
    if (rise is { } r)
    {
        // A span covers every y (ScottPlot counts it in the autoscale); keep the limits the loss curve had.
        loss.Axes.AutoScale();
        AxisLimits limits = loss.Axes.GetLimits();
        // At least 2% of the run wide, so that a climb over a few epochs shows.
        double pad = Math.Max(0, history.Epochs.Count / 100.0 - (r.To - r.From) / 2.0);
        var span = loss.Add.HorizontalSpan(r.From - pad, r.To + pad);
        span.FillStyle.Color = Colors.Red.WithAlpha(0.3);
        span.LineStyle.Width = 0;
        span.LegendText = $"loss climbs {r.By:P0} (epochs {r.From}–{r.To})";
        loss.Axes.SetLimits(limits);
        loss.ShowLegend(Alignment.UpperRight);
    }

    return new Figure(HistoryPlots.Accuracy(accuracy, $"{name}: accuracy"), boundary, loss) { PanelWidth = 520, Height = 440 }.Save(path);
}
