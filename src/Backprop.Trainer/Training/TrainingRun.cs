using System.Diagnostics;
using Backprop.Kernels;
using Backprop.Optimizers;

namespace Backprop.Training;

/// <summary>
/// One training run of <see cref="NetworkTrainer"/>: the reused batch buffers, the optimizer, the last good and the best
/// weights, and the epoch loop. Nothing is allocated per mini-batch.
/// </summary>
internal sealed class TrainingRun<TNet> where TNet : INetwork<TNet>
{
    private readonly TNet _network;
    private readonly TrainingOptions _options;
    private readonly NetworkShape _shape;
    private readonly IOptimizer _optimizer;
    private readonly float[] _inputs, _targets, _outputs, _workspace, _gradients, _lastGood, _lastGoodState;
    private readonly float[] _weights;
    private readonly int _batchCapacity;
    private float[]? _best, _bestState;
    private long _steps;

    /// <param name="network">The network to train.</param>
    /// <param name="options">How to train.</param>
    /// <param name="shape">The network's shape.</param>
    /// <param name="rows">The most rows any source will give, when known: the buffers hold min(BatchSize, rows) samples.</param>
    public TrainingRun(TNet network, TrainingOptions options, NetworkShape shape, long? rows)
    {
        _network = network;
        _options = options;
        _shape = shape;
        int batch = _batchCapacity = BatchCapacity(options.BatchSize, rows, shape, TNet.BatchWorkspaceSize(1, shape.InputCount));
        _optimizer = options.Optimizer ?? new Sgd();
        _optimizer.Reset(shape.ParameterCount);
        _inputs = new float[batch * shape.InputCount];
        _targets = new float[batch * shape.OutputCount];
        _outputs = new float[batch * shape.OutputCount];
        _workspace = new float[TNet.BatchWorkspaceSize(batch, shape.InputCount)];
        _gradients = new float[shape.ParameterCount];
        _weights = new float[batch];
        _lastGood = new float[shape.ParameterCount];
        _lastGoodState = new float[shape.StateCount];
        CheckClassWeights(options.ClassWeights, shape);
    }

    /// <summary>Whether batches carry weights: the source's own, or the class weights.</summary>
    private bool Weighted(ISampleSource data) => data.HasWeights || _options.ClassWeights is not null;

    private static void CheckClassWeights(float[]? classWeights, NetworkShape shape)
    {
        if (classWeights is null) return;
        int expected = shape.Loss switch
        {
            Loss.SoftmaxCrossEntropy => shape.OutputCount,
            Loss.BinaryCrossEntropy when shape.OutputCount == 1 => 2,
            Loss.BinaryCrossEntropy => throw new ArgumentException(
                $"ClassWeights need one output: network '{shape.Name}' has {shape.OutputCount} sigmoid outputs (multi-label); weight the samples instead.", nameof(TrainingOptions.ClassWeights)),
            Loss.SquaredError or Loss.MeanSquaredError or Loss.Huber or Loss.MeanAbsoluteError => throw new ArgumentException(
                $"ClassWeights apply to the classification losses; network '{shape.Name}' is trained with {shape.Loss}. Weight the samples instead.", nameof(TrainingOptions.ClassWeights)),
            _ => throw new ArgumentOutOfRangeException(nameof(shape), shape.Loss, "Unknown loss."),
        };
        if (classWeights.Length != expected)
            throw new ArgumentException($"ClassWeights has {classWeights.Length} values; network '{shape.Name}' with {shape.Loss} on {shape.OutputCount} output(s) needs {expected}.", nameof(TrainingOptions.ClassWeights));
    }

    public TrainingHistory History { get; } = new();

    /// <summary>
    /// Samples the batch buffers hold: BatchSize, or the row count when it is known and smaller (a batch never holds
    /// more rows than there are). The largest buffer (inputs, targets or workspace) must fit in one .NET array.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The buffers for that many samples would exceed the largest array.</exception>
    internal static int BatchCapacity(int batchSize, long? rows, NetworkShape shape, int workspacePerSample)
    {
        long capacity = rows is long known ? Math.Clamp(known, 1, batchSize) : batchSize;
        long perSample = Math.Max(Math.Max(shape.InputCount, shape.OutputCount), workspacePerSample);
        long limit = Array.MaxLength / perSample;
        if (capacity > limit)
            throw new ArgumentOutOfRangeException(nameof(TrainingOptions.BatchSize), batchSize,
                $"BatchSize {batchSize} needs buffers of {capacity} × {perSample} floats for network '{shape.Name}' " +
                $"({(rows is long r ? $"{r} rows" : "the row count is unknown")}), more than the largest array of {Array.MaxLength}; use a BatchSize of at most {limit}.");
        return (int)capacity;
    }

    public void Execute(ISampleSource data, ISampleSource? validation)
    {
        long trainingSamples = data.Count ?? CountSamples(data);
        if (trainingSamples == 0) throw NoTrainingSamples(data);
        History.TrainingSamples = trainingSamples;
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = 0, epochsSinceBest = 0;
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            long started = Stopwatch.GetTimestamp();
            float learningRate = _options.LearningRateAt(epoch);
            double trainingLoss = TrainEpoch(data, epoch, learningRate, trainingSamples);
            (double Loss, double? Accuracy)? validated = validation is null ? null : Evaluate(validation);
            var report = new EpochReport(epoch + 1, trainingLoss, validated?.Loss, learningRate, Stopwatch.GetElapsedTime(started))
            {
                ValidationAccuracy = validated?.Accuracy,
            };
            History.Add(report);
            History.BestEpoch = epoch + 1;
            _options.Progress?.Report(report);
            if (_options.EarlyStoppingPatience is not int patience || validated is not { Loss: var loss }) continue;

            // Early stopping: remember the weights of the best validation epoch; stop after `patience` epochs without improvement.
            if (loss < bestLoss)
            {
                bestLoss = loss;
                bestEpoch = epoch + 1;
                epochsSinceBest = 0;
                _best ??= new float[_shape.ParameterCount];
                _bestState ??= new float[_shape.StateCount];
                _network.Parameters.CopyTo(_best, 0);
                _network.State.CopyTo(_bestState, 0);
            }
            else if (++epochsSinceBest >= patience && epoch + 1 < _options.Epochs)
            {
                History.StoppedEarly = true;
                break;
            }
        }

        // With early stopping the network ends on the best validation epoch's weights.
        if (_best is not null)
        {
            _best.CopyTo(_network.Parameters, 0);
            _bestState!.CopyTo(_network.State, 0);
            History.BestEpoch = bestEpoch;
        }
    }

    /// <summary>One pass over the data in mini-batches; returns the mean loss per sample (plus the L2 penalty).</summary>
    private double TrainEpoch(ISampleSource data, int epoch, float learningRate, long trainingSamples)
    {
        float[] parameters = _network.Parameters;
        int? shuffleSeed = _options.Shuffle ? unchecked(_options.Seed * 1_000_003 + epoch) : null;
        long samples = 0;
        int batchNumber = 0;
        float[] state = _network.State;
        bool weighted = Weighted(data);
        double lossSum = 0, weightSum = 0;
        using ISampleCursor cursor = data.Open(shuffleSeed);
        while (true)
        {
            _options.CancellationToken.ThrowIfCancellationRequested();
            int rows = FillBatch(cursor, weighted);
            if (rows == 0) break;
            batchNumber++;
            samples += rows;
            float batchWeight = weighted ? Sum(_weights.AsSpan(0, rows)) : rows;
            if (!(batchWeight > 0f)) continue; // every sample weighs 0: nothing to learn from this batch

            // Mean gradient of the batch: ∂C/∂θ = Σₙ wₙ ∂Cₙ/∂θ / Σₙ wₙ; the loss is measured with the weights before the step.
            Array.Clear(_gradients);
            state.CopyTo(_lastGoodState, 0);
            ReadOnlySpan<float> weights = weighted ? _weights.AsSpan(0, rows) : default;
            float loss = TNet.BackwardBatch(parameters, _gradients, state, _inputs, _targets, weights, rows, 1f / batchWeight,
                DropoutKernels.StepSeed(_options.Seed, _steps), _workspace);
            if (!float.IsFinite(loss) || !AllFinite(_gradients))
            {
                // These weights came from the previous step and already give a non-finite loss: put back the ones before it.
                if (_steps > 0) _lastGood.CopyTo(parameters, 0);
                _lastGoodState.CopyTo(state, 0);
                throw new TrainingDivergedException(epoch + 1, batchNumber, loss, learningRate, weightsOverflowed: false, beforeFirstStep: _steps == 0);
            }

            lossSum += loss;
            weightSum += batchWeight;
            if (_options.L2 > 0f) AddWeightDecay(parameters, _options.L2 / trainingSamples);
            if (_options.GradientClipNorm > 0f) Clip(_options.GradientClipNorm);
            parameters.CopyTo(_lastGood, 0);
            _optimizer.Step(parameters, _gradients, learningRate);
            _steps++;
            if (!AllFinite(parameters))
            {
                _lastGood.CopyTo(parameters, 0);
                _lastGoodState.CopyTo(state, 0);
                throw new TrainingDivergedException(epoch + 1, batchNumber, loss, learningRate, weightsOverflowed: true);
            }
        }

        if (samples == 0) throw NoTrainingSamples(data);
        return (weightSum > 0 ? lossSum / weightSum : 0) + (_options.L2 > 0f ? Penalty(parameters, trainingSamples) : 0);
    }

    /// <summary>Mean loss per validation sample with the current weights, and the accuracy for classification losses.</summary>
    private (double Loss, double? Accuracy) Evaluate(ISampleSource validation)
    {
        double lossSum = 0;
        long samples = 0, correct = 0;
        using ISampleCursor cursor = validation.Open(null);
        while (true)
        {
            _options.CancellationToken.ThrowIfCancellationRequested();
            int rows = FillBatch(cursor, weighted: false);
            if (rows == 0) break;
            int outputs = rows * _shape.OutputCount;
            TNet.ForwardBatch(_network.Parameters, _network.State, _inputs, _outputs, rows, _workspace);
            lossSum += LossValue(_outputs.AsSpan(0, outputs), _targets.AsSpan(0, outputs), _workspace.AsSpan(0, outputs));
            correct += Correct(_outputs.AsSpan(0, outputs), _targets.AsSpan(0, outputs));
            samples += rows;
        }

        if (samples == 0)
            throw new InvalidDataException(_options.ValidationFraction > 0f
                ? $"Holding out ValidationFraction {_options.ValidationFraction} of the data left no validation samples for network '{_shape.Name}'; use a larger fraction or pass a validation source."
                : $"The validation data for network '{_shape.Name}' has no samples.");
        History.ValidationSamples = samples;
        bool classifier = _shape.Loss is Loss.BinaryCrossEntropy or Loss.SoftmaxCrossEntropy;
        return (lossSum / samples, classifier ? (double)correct / samples : null);
    }

    /// <summary>
    /// Correctly classified rows: for BinaryCrossEntropy p ≥ 0.5 ⇔ t ≥ 0.5; for SoftmaxCrossEntropy the largest
    /// output is at the largest target. 0 for the regression losses.
    /// </summary>
    private long Correct(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets)
    {
        int width = _shape.OutputCount;
        long correct = 0;
        for (int row = 0; row < outputs.Length; row += width)
        {
            ReadOnlySpan<float> output = outputs.Slice(row, width), target = targets.Slice(row, width);
            correct += _shape.Loss switch
            {
                Loss.BinaryCrossEntropy => (output[0] >= 0.5f) == (target[0] >= 0.5f) ? 1 : 0,
                Loss.SoftmaxCrossEntropy => ArgMax(output) == ArgMax(target) ? 1 : 0,
                Loss.SquaredError or Loss.MeanSquaredError or Loss.Huber or Loss.MeanAbsoluteError => 0,
                _ => throw new InvalidOperationException($"Unknown loss {_shape.Loss}."),
            };
        }

        return correct;
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
            if (values[i] > values[best]) best = i;
        return best;
    }

    private float LossValue(ReadOnlySpan<float> outputs, ReadOnlySpan<float> targets, Span<float> scratch) => _shape.Loss switch
    {
        Loss.SquaredError => LossKernels.SquaredError(outputs, targets, default, scratch, 0f, _shape.OutputCount),
        Loss.MeanSquaredError => LossKernels.MeanSquaredError(outputs, targets, default, scratch, 0f, _shape.OutputCount),
        Loss.BinaryCrossEntropy => LossKernels.BinaryCrossEntropy(outputs, targets, default, scratch, 0f, _shape.OutputCount),
        Loss.SoftmaxCrossEntropy => LossKernels.SoftmaxCrossEntropy(outputs, targets, default, scratch, 0f, _shape.OutputCount),
        Loss.Huber => LossKernels.Huber(outputs, targets, default, scratch, 0f, _shape.OutputCount, (float)_shape.HuberDelta),
        Loss.MeanAbsoluteError => LossKernels.MeanAbsoluteError(outputs, targets, default, scratch, 0f, _shape.OutputCount),
        _ => throw new InvalidOperationException($"Unknown loss {_shape.Loss}."),
    };

    /// <summary>Reads up to BatchSize samples into the batch buffers, rejecting NaN/∞ with the row number.</summary>
    private int FillBatch(ISampleCursor cursor, bool weighted)
    {
        int inputCount = _shape.InputCount, outputCount = _shape.OutputCount, rows = 0;
        while (rows < _batchCapacity)
        {
            Span<float> input = _inputs.AsSpan(rows * inputCount, inputCount);
            Span<float> target = _targets.AsSpan(rows * outputCount, outputCount);
            if (!cursor.MoveNext(input, target)) break;
            CheckFinite(input, cursor.Row, "input");
            CheckFinite(target, cursor.Row, "target");
            TargetDomain.Check(_shape.Loss, target, cursor.Row);
            if (weighted) _weights[rows] = cursor.Weight * ClassWeight(target);
            rows++;
        }

        return rows;
    }

    /// <summary>The class weight of a target (1 without class weights).</summary>
    private float ClassWeight(ReadOnlySpan<float> target)
    {
        if (_options.ClassWeights is not float[] classWeights) return 1f;
        return _shape.Loss == Loss.BinaryCrossEntropy ? classWeights[target[0] >= 0.5f ? 1 : 0] : classWeights[ArgMax(target)];
    }

    private static float Sum(ReadOnlySpan<float> values)
    {
        float sum = 0f;
        foreach (float v in values) sum += v;
        return sum;
    }

    private InvalidDataException NoTrainingSamples(ISampleSource data) => new(data is SampleSplit
        ? $"Holding out ValidationFraction {_options.ValidationFraction} of the data for validation left no training samples for network '{_shape.Name}'; use a smaller fraction, or pass a validation source."
        : $"There are no training samples for network '{_shape.Name}'.");

    private static void CheckFinite(ReadOnlySpan<float> values, long row, string what) => SampleChecks.Finite(values, row, what);

    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i])) return false;
        return true;
    }

    /// <summary>∂/∂w of λ/(2N) Σ w² is (λ/N)·w, for weights only.</summary>
    private void AddWeightDecay(float[] parameters, float coefficient)
    {
        foreach (TensorDescription tensor in _shape.Tensors)
            if (tensor.Role == TensorRole.Weights)
                Vectors.Axpy(coefficient, parameters.AsSpan(tensor.Offset, tensor.Length), _gradients.AsSpan(tensor.Offset, tensor.Length));
    }

    private double Penalty(float[] parameters, long trainingSamples)
    {
        double sum = 0;
        foreach (TensorDescription tensor in _shape.Tensors)
            if (tensor.Role == TensorRole.Weights)
                foreach (float w in parameters.AsSpan(tensor.Offset, tensor.Length)) sum += (double)w * w;
        return _options.L2 * sum / (2.0 * trainingSamples);
    }

    private void Clip(float maxNorm)
    {
        double squares = 0;
        foreach (float g in _gradients) squares += (double)g * g;
        double norm = Math.Sqrt(squares);
        if (norm <= maxNorm) return;
        float scale = (float)(maxNorm / norm);
        for (int i = 0; i < _gradients.Length; i++) _gradients[i] *= scale;
    }

    private long CountSamples(ISampleSource data)
    {
        Span<float> input = _inputs.AsSpan(0, _shape.InputCount), target = _targets.AsSpan(0, _shape.OutputCount);
        long count = 0;
        using ISampleCursor cursor = data.Open(null);
        while (cursor.MoveNext(input, target)) count++;
        return count;
    }
}
