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

// The article's second figure: 50 hidden units (tanh, two linear outputs, one per class), full-batch gradient descent on
// ½Σ(t − o)². With a constant η = 0.5 the loss falls off the XOR plateau and then, after step 90, blows up: it jumps
// ×40 within four steps (and once more, ×10⁴, near step 200) before settling. The same net with the L2 term λΣw²/2N
// and a decaying rate η₀/(1 + k·epoch) descends without a jump. (The 2-3-1 run above and the trainer tests keep the
// tutorial's settings; XorTrainingTests.A_2_50_2_tanh_net_* checks this figure's settings.)
const int wideEpochs = 300, wideSeed = 12;
const float wideEta = 0.5f;
(string Name, string Description, string File, float L2, ILearningRateSchedule? Schedule)[] wideRuns =
[
    ("2-50-2, constant η", $"constant η = {wideEta}", "xor-50-hidden-constant.png", 0f, null),
    ("2-50-2, L2 + decay", $"L2 λ = 1e-3 (λΣw²/2N) and η = {wideEta}/(1 + 0.01·epoch)", "xor-50-hidden-l2-decay.png", 1e-3f, new InverseTimeDecay(0.01f)),
];
int[] around = [80, 85, 88, 90, 92, 94, 96, 100, 110, 150, 200, 300];
foreach (var run in wideRuns)
{
    var wide = new WideXorNet();
    if (run.File == wideRuns[0].File) Console.Write("\n" + WideXorNet.Shape.Summary());
    var wideOptions = new TrainingOptions { Epochs = wideEpochs, BatchSize = 4, LearningRate = wideEta, L2 = run.L2, Schedule = run.Schedule, Seed = wideSeed };
    Console.WriteLine();
    Console.WriteLine($"Training {WideXorNet.Shape} with {run.Description} for {wideOptions.Epochs} full-batch steps (seed {wideOptions.Seed})");
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

    Console.WriteLine(" step  " + string.Join("", around.Where(e => e <= wideHistory.Epochs.Count).Select(e => $"{e,10}")));
    Console.WriteLine(" loss  " + string.Join("", around.Where(e => e <= wideHistory.Epochs.Count).Select(e => $"{wideHistory.Epochs[e - 1].TrainingLoss,10:G3}")));
    double at90 = wideHistory.Epochs[89].TrainingLoss, after90 = wideHistory.Epochs.Skip(90).Max(e => e.TrainingLoss);
    List<BlowUp> blowUps = BlowUps(wideHistory);
    foreach (BlowUp b in blowUps)
        Console.WriteLine($"blow-up: loss {b.MinLoss:G3} at step {b.MinEpoch} → {b.PeakLoss:G3} at step {b.PeakEpoch} (peak/min ×{b.PeakLoss / b.MinLoss:G3})");
    Console.WriteLine($"largest loss after step 90 / loss at step 90: ×{after90 / at90:F2}; largest loss after step 10 / lowest before it: ×{LargestRise(wideHistory, 10):F2}" +
                      (blowUps.Count == 0 ? " (no blow-up)" : ""));
    Console.WriteLine($"loss {wideHistory.Epochs[0].TrainingLoss:F4} → {wideHistory.Epochs[^1].TrainingLoss:G3}; accuracy {wideAccuracy[^1]:P0}");

    // Linear outputs: the class is the larger one, so o₁ − o₀ crosses 0 exactly at the boundary.
    float[] pair = new float[2];
    Plot boundary = DecisionBoundaryPlot.Create((x1, x2) =>
    {
        wide.Forward([x1, x2], pair);
        return pair[1] - pair[0];
    }, inputs, oneHot, new() { Title = $"{run.Name}: boundary", Margin = 0.5, Threshold = 0 });
    figures = [.. figures, SaveFigure(Path.Combine(plots, run.File), run.Name, wideHistory, wideAccuracy, boundary, blowUps)];
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

// Each blow-up: the loss climbs above 3× its lowest so far; it runs from the epoch of that lowest loss until the loss
// falls below it again (or the run ends), and peaks somewhere in between.
static List<BlowUp> BlowUps(TrainingHistory history, double factor = 3)
{
    List<BlowUp> found = [];
    double lowest = double.PositiveInfinity;
    int lowestAt = 0;
    for (int i = 0; i < history.Epochs.Count; i++)
    {
        double loss = history.Epochs[i].TrainingLoss;
        if (loss > factor * lowest)
        {
            int peak = i;
            while (i + 1 < history.Epochs.Count && history.Epochs[i + 1].TrainingLoss >= lowest)
                if (history.Epochs[++i].TrainingLoss > history.Epochs[peak].TrainingLoss) peak = i;
            found.Add(new BlowUp(lowestAt, lowest, history.Epochs[peak].Epoch, history.Epochs[peak].TrainingLoss));
            continue;
        }

        if (loss < lowest) (lowest, lowestAt) = (loss, history.Epochs[i].Epoch);
    }

    return found;
}

// The largest ratio of a loss after epoch `after` to the lowest loss of the epochs before it (1 when the loss never
// rises). The first few steps of both wide runs wobble alike (×1.6) while the net finds the plateau; they are skipped.
static double LargestRise(TrainingHistory history, int after)
{
    double lowest = double.PositiveInfinity, rise = 1;
    foreach (EpochReport epoch in history.Epochs)
    {
        if (epoch.Epoch > after) rise = Math.Max(rise, epoch.TrainingLoss / lowest);
        lowest = Math.Min(lowest, epoch.TrainingLoss);
    }

    return rise;
}

// Accuracy, decision boundary and loss side by side, as in the article; each blow-up of the loss is shaded.
static string SaveFigure(string path, string name, TrainingHistory history, List<double> accuracy, Plot boundary, List<BlowUp>? blowUps = null)
{
    Plot loss = HistoryPlots.Loss(history, $"{name}: loss");
    if (blowUps is { Count: > 0 })
    {
        // A span covers every y (ScottPlot counts it in the autoscale); keep the limits the loss curve had.
        loss.Axes.AutoScale();
        AxisLimits limits = loss.Axes.GetLimits();
        foreach (BlowUp b in blowUps)
        {
            var span = loss.Add.HorizontalSpan(b.MinEpoch, b.PeakEpoch);
            span.FillStyle.Color = Colors.Red.WithAlpha(0.3);
            span.LineStyle.Width = 0;
            span.LegendText = $"loss ×{b.PeakLoss / b.MinLoss:G2} (steps {b.MinEpoch}–{b.PeakEpoch})";
        }

        loss.Axes.SetLimits(limits);
        loss.ShowLegend(Alignment.UpperRight);
    }

    return new Figure(HistoryPlots.Accuracy(accuracy, $"{name}: accuracy"), boundary, loss) { PanelWidth = 520, Height = 440 }.Save(path);
}

/// <summary>A blow-up of the loss: from its lowest value so far (at <see cref="MinEpoch"/>) to its peak.</summary>
internal readonly record struct BlowUp(int MinEpoch, double MinLoss, int PeakEpoch, double PeakLoss);
