using System.Globalization;
using Backprop.Initialization;
using Backprop.Kernels;

namespace Backprop.Training;

/// <summary>
/// The check <see cref="NetworkTrainer"/> runs once after a run that completed (see <see cref="TrainingOptions.StallWarnings"/>):
/// it reads a probe of up to <see cref="ProbeRows"/> training rows, runs them through the trained network in inference mode
/// (running statistics, no dropout), and reports what it finds in <see cref="TrainingHistory.Warnings"/>.
/// </summary>
/// <remarks>
/// <para>The probe is one pass over the training rows in stored order (no shuffle, no random numbers: the training
/// run's weights do not depend on it), after training and never during it. With a known row count N it keeps the rows
/// ⌈k·N/<see cref="ProbeRows"/>⌉ (k = 0, 1, …), spread evenly so that sorted data is sampled across its whole length; with
/// an unknown count, the first <see cref="ProbeRows"/> rows. The same pass measures each target's mean and spread over all the rows. For very
/// wide layers the probe is smaller, so that no probe buffer exceeds about 4 million floats.</para>
/// <para>The rules, in the order the warnings are listed:</para>
/// <list type="number">
/// <item><see cref="TrainingWarningKind.LossFlat"/>: at least <see cref="MinimumEpochs"/> epochs ran, the last epoch's
/// training loss is ≥ <see cref="FlatLossRatio"/> × the first epoch's, and the mean loss on the probe rows with the final
/// weights is ≥ <see cref="FlatLossRatio"/> × the mean loss on them with the weights the run started from (the second
/// test keeps a run that learnt everything within its first epoch from being reported). Not checked when the run
/// continues from the network's weights (<see cref="InitializationScheme.None"/>): a trained network has little left to learn.</item>
/// <item><see cref="TrainingWarningKind.DeadLayer"/> and <see cref="TrainingWarningKind.MostlyDeadLayer"/>: per dense
/// layer whose activation has a region of zero gradient (ReLU; every other activation has a non-zero derivative
/// everywhere or only saturates), a unit is dead when its output is 0 for every probe row; all units dead is a dead
/// layer, at least <see cref="MostlyDeadFraction"/> of them a mostly dead one.</item>
/// <item><see cref="TrainingWarningKind.ConstantTargets"/>: every training row has the same target vector (at least two rows).</item>
/// <item><see cref="TrainingWarningKind.ConstantOutputs"/>: otherwise, with at least two probe rows, when for every
/// output whose target varies, the standard deviation of that output over the probe rows is ≤
/// <see cref="ConstantOutputRatio"/> × the target's standard deviation over the training rows.</item>
/// </list>
/// </remarks>
public static class StallCheck
{
    /// <summary>Most training rows the probe holds.</summary>
    public const int ProbeRows = 256;

    /// <summary>Fewest epochs over which a flat loss is reported.</summary>
    public const int MinimumEpochs = 3;

    /// <summary>The loss is flat when the final loss is at least this fraction of the first.</summary>
    public const double FlatLossRatio = 0.99;

    /// <summary>Fraction of dead units at which a layer is reported as mostly dead.</summary>
    public const double MostlyDeadFraction = 0.9;

    /// <summary>Outputs are constant when their standard deviation is at most this fraction of the targets'.</summary>
    public const double ConstantOutputRatio = 0.01;

    /// <summary>Largest probe buffer, in floats: rows × the widest layer (or a sample's workspace) stays below it.</summary>
    internal const long ProbeFloats = 1 << 22;

    /// <summary>Runs the checks on <paramref name="network"/> after a completed run.</summary>
    /// <param name="network">The trained network.</param>
    /// <param name="shape">Its shape.</param>
    /// <param name="startParameters">The parameters the run started from (after initialisation).</param>
    /// <param name="startState">The state the run started from (after adapting [Normalize] layers).</param>
    /// <param name="data">The training rows (after any validation split).</param>
    /// <param name="history">The run's history.</param>
    /// <param name="options">The run's options.</param>
    internal static IReadOnlyList<TrainingWarning> Run<TNet>(TNet network, NetworkShape shape, float[] startParameters, float[] startState,
        ISampleSource data, TrainingHistory history, TrainingOptions options)
        where TNet : INetwork<TNet>
    {
        int perSample = Math.Max(shape.MaxWidth, TNet.BatchWorkspaceSize(1, shape.InputCount));
        int capacity = (int)Math.Clamp(ProbeFloats / perSample, 1, ProbeRows);
        Probe probe = Probe.Read(shape, data, capacity, options.CancellationToken);
        if (probe.Rows == 0) return [];

        var warnings = new List<TrainingWarning>();
        float[] outputs = Outputs<TNet>(shape, network.Parameters, network.State, probe);
        if (options.Initialization != InitializationScheme.None && FlatLoss<TNet>(shape, startParameters, startState, outputs, probe, history) is TrainingWarning flat)
            warnings.Add(flat);
        warnings.AddRange(DeadLayers(shape, network.Parameters, network.State, probe, options.Initialization));
        if (ConstantOutputs(shape, outputs, probe) is TrainingWarning constant) warnings.Add(constant);
        return warnings;
    }

    /// <summary>The network's own inference pass over the probe rows.</summary>
    private static float[] Outputs<TNet>(NetworkShape shape, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state, Probe probe)
        where TNet : INetwork<TNet>
    {
        // Sized by the probe's capacity, not its rows: what the check allocates depends on the network, not on the data.
        var outputs = new float[probe.Capacity * shape.OutputCount];
        var workspace = new float[TNet.BatchWorkspaceSize(probe.Capacity, shape.InputCount)];
        TNet.ForwardBatch(parameters, state, probe.InputValues, outputs, probe.Rows, workspace);
        return outputs;
    }

    private static TrainingWarning? FlatLoss<TNet>(NetworkShape shape, float[] startParameters, float[] startState, float[] outputs, Probe probe,
        TrainingHistory history)
        where TNet : INetwork<TNet>
    {
        IReadOnlyList<EpochReport> epochs = history.Epochs;
        if (epochs.Count < MinimumEpochs) return null;
        double first = epochs[0].TrainingLoss, last = epochs[^1].TrainingLoss;
        if (!(first > 0) || !double.IsFinite(first) || !double.IsFinite(last) || last < FlatLossRatio * first) return null;

        double end = MeanLoss(shape, outputs, probe);
        double start = MeanLoss(shape, Outputs<TNet>(shape, startParameters, startState, probe), probe);
        if (!(start > 0) || !double.IsFinite(start) || !(end >= FlatLossRatio * start)) return null;

        bool rose = last > first / FlatLossRatio;
        double rate = epochs[^1].LearningRate;
        string measured = Text($"epoch 1: {first:G4}, epoch {epochs.Count}: {last:G4}; on {probe.Rows} training rows {start:G4} before training, {end:G4} after");
        string advice = rose
            ? Text($"the learning rate ({rate:G3}) may be too large: try a smaller one, GradientClipNorm, or Adam")
            : Text($"try a larger learning rate (it is {rate:G3}) or Adam, standardise the features (a [Normalize] layer; with ML.NET, StandardizeFeatures or a normaliser in the pipeline), and check that the labels belong to the features");
        return new TrainingWarning(TrainingWarningKind.LossFlat, null,
            $"The training loss of network '{shape.Name}' {(rose ? "rose" : "did not decrease")} over {epochs.Count} epochs ({measured}): {advice}.");
    }

    private static IEnumerable<TrainingWarning> DeadLayers(NetworkShape shape, float[] parameters, float[] state, Probe probe, InitializationScheme scheme)
    {
        var warnings = new List<TrainingWarning>();
        ProbeForward.Run(shape, parameters, state, probe.Buffer, probe.Rows, (layer, activations) =>
        {
            if (layer.Kind != LayerKind.Dense || !HasZeroGradientRegion(layer.Activation)) return;
            int dead = 0;
            for (int unit = 0; unit < layer.Units; unit++)
            {
                bool alive = false;
                for (int row = 0; row < probe.Rows && !alive; row++) alive = activations[row * layer.Units + unit] > 0f;
                if (!alive) dead++;
            }

            if (dead < MostlyDeadFraction * layer.Units) return;
            bool all = dead == layer.Units;
            string counted = all
                ? Text($"all {layer.Units} units of {layer.Activation} layer '{layer.Name}' output 0 for every one of the {probe.Rows} probe rows (a dead layer): no gradient flows through it, so it and the layers before it no longer learn")
                : Text($"{dead} of the {layer.Units} units ({(double)dead / layer.Units:P0}) of {layer.Activation} layer '{layer.Name}' output 0 for every one of the {probe.Rows} probe rows: they no longer learn");
            warnings.Add(new TrainingWarning(all ? TrainingWarningKind.DeadLayer : TrainingWarningKind.MostlyDeadLayer, layer.Name,
                $"In network '{shape.Name}', {counted}. Try a smaller learning rate, He initialisation (TrainingOptions.Initialization He or Auto; this run used {scheme}), " +
                $"LeakyReLU or ELU instead of {layer.Activation} on '{layer.Name}', or standardised features (a [Normalize] layer; with ML.NET, StandardizeFeatures or a normaliser in the pipeline)."));
        });
        return warnings;
    }

    /// <summary>Whether f′ is 0 on a whole region of z, so a unit that stays there stops learning for good.</summary>
    internal static bool HasZeroGradientRegion(Activation activation) => activation switch
    {
        Activation.ReLU => true,
        Activation.Identity or Activation.Sigmoid or Activation.Tanh or Activation.LeakyReLU or Activation.Softmax or Activation.GELU
            or Activation.SiLU or Activation.ELU or Activation.Softplus or Activation.Mish => false,
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation."),
    };

    private static TrainingWarning? ConstantOutputs(NetworkShape shape, float[] outputs, Probe probe)
    {
        int width = shape.OutputCount;
        if (probe.Seen < 2) return null;
        bool targetsVary = false;
        for (int j = 0; j < width; j++) targetsVary |= probe.TargetDeviation[j] > 0;
        if (!targetsVary)
            return new TrainingWarning(TrainingWarningKind.ConstantTargets, null,
                Text($"Every one of the {probe.Seen} training rows of network '{shape.Name}' has the same target ({string.Join(", ", probe.TargetMean.Select(m => m.ToString("G4", CultureInfo.InvariantCulture)))}): ") +
                "the network can only learn that constant. Check the label column: is it the right column, and was it filtered or mapped to a single value?");
        if (probe.Rows < 2) return null;

        double largest = 0;
        for (int j = 0; j < width; j++)
        {
            if (!(probe.TargetDeviation[j] > 0)) continue;
            double mean = 0, squares = 0;
            for (int row = 0; row < probe.Rows; row++) mean += outputs[row * width + j];
            mean /= probe.Rows;
            for (int row = 0; row < probe.Rows; row++) squares += Math.Pow(outputs[row * width + j] - mean, 2);
            double ratio = Math.Sqrt(squares / probe.Rows) / probe.TargetDeviation[j];
            if (!(ratio <= ConstantOutputRatio)) return null; // this output varies (or is NaN: not this check's business)
            largest = Math.Max(largest, ratio);
        }

        LayerDescription output = shape.OutputLayer;
        return new TrainingWarning(TrainingWarningKind.ConstantOutputs, output.Name,
            Text($"The outputs of network '{shape.Name}' (layer '{output.Name}') barely vary over the {probe.Rows} probe rows: their standard deviation is at most {largest:P2} of the targets'. ") +
            "The network predicts nearly the same for every row. Look for a dead layer, check that the features carry information about the label and are standardised, " +
            "try another learning rate (too small to leave the start, or so large that the network collapsed to the mean), and train for more epochs.");
    }

    private static double MeanLoss(NetworkShape shape, float[] buffer, Probe probe)
    {
        int width = shape.OutputCount;
        ReadOnlySpan<float> targets = probe.TargetValues, outputs = buffer.AsSpan(0, targets.Length);
        Span<float> scratch = new float[buffer.Length].AsSpan(0, targets.Length);
        float sum = shape.Loss switch
        {
            Loss.SquaredError => LossKernels.SquaredError(outputs, targets, default, scratch, 0f, width),
            Loss.MeanSquaredError => LossKernels.MeanSquaredError(outputs, targets, default, scratch, 0f, width),
            Loss.BinaryCrossEntropy => LossKernels.BinaryCrossEntropy(outputs, targets, default, scratch, 0f, width),
            Loss.SoftmaxCrossEntropy => LossKernels.SoftmaxCrossEntropy(outputs, targets, default, scratch, 0f, width),
            Loss.Huber => LossKernels.Huber(outputs, targets, default, scratch, 0f, width, (float)shape.HuberDelta),
            Loss.MeanAbsoluteError => LossKernels.MeanAbsoluteError(outputs, targets, default, scratch, 0f, width),
            _ => throw new InvalidOperationException($"Unknown loss {shape.Loss}."),
        };
        return (double)sum / probe.Rows;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The probe rows, and each target's mean and standard deviation over every training row.</summary>
    private sealed class Probe
    {
        private readonly float[] _inputs, _targets;

        private Probe(float[] inputs, float[] targets, int rows, long seen, double[] targetMean, double[] targetDeviation, int inputCount, int outputCount)
        {
            _inputs = inputs;
            _targets = targets;
            Rows = rows;
            Seen = seen;
            TargetMean = targetMean;
            TargetDeviation = targetDeviation;
            InputCount = inputCount;
            OutputCount = outputCount;
        }

        public int Rows { get; }

        /// <summary>Rows the buffers hold (at least <see cref="Rows"/>).</summary>
        public int Capacity => _targets.Length / OutputCount;

        /// <summary>The whole input buffer, <see cref="Capacity"/> rows.</summary>
        public ReadOnlySpan<float> Buffer => _inputs;

        /// <summary>Training rows read (all of them).</summary>
        public long Seen { get; }

        public double[] TargetMean { get; }

        public double[] TargetDeviation { get; }

        private int InputCount { get; }

        private int OutputCount { get; }

        public ReadOnlySpan<float> InputValues => _inputs.AsSpan(0, Rows * InputCount);

        public ReadOnlySpan<float> TargetValues => _targets.AsSpan(0, Rows * OutputCount);

        public static Probe Read(NetworkShape shape, ISampleSource data, int capacity, CancellationToken cancellation)
        {
            int inputCount = shape.InputCount, outputCount = shape.OutputCount;
            // A known count: the rows ⌈k·count/capacity⌉, k = 0 … capacity − 1, spread evenly; else the first rows.
            long? count = data.Count;
            int taken = count is long known ? (int)Math.Clamp(known, 1, capacity) : capacity;
            long nextRow = 0;
            var inputs = new float[capacity * inputCount];
            var targets = new float[capacity * outputCount];
            var input = new float[inputCount];
            var target = new float[outputCount];
            var mean = new double[outputCount];
            var m2 = new double[outputCount];
            long seen = 0;
            int rows = 0;
            using (ISampleCursor cursor = data.Open(null))
            {
                while (cursor.MoveNext(input, target))
                {
                    cancellation.ThrowIfCancellationRequested();
                    NormalizeKernels.Accumulate(target, mean, m2, seen);
                    if (rows < taken && seen == nextRow)
                    {
                        input.CopyTo(inputs, rows * inputCount);
                        target.CopyTo(targets, rows * outputCount);
                        rows++;
                        nextRow = count is long n ? (rows * n + taken - 1) / taken : rows;
                    }

                    seen++;
                }
            }

            var deviation = new double[outputCount];
            for (int j = 0; j < outputCount; j++) deviation[j] = seen == 0 ? 0 : Math.Sqrt(Math.Max(0, m2[j] / seen));
            return new Probe(inputs, targets, rows, seen, mean, deviation, inputCount, outputCount);
        }
    }
}
