using System.Diagnostics;
using System.Runtime.CompilerServices;
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
    private readonly float[] _inputs, _targets, _outputs, _workspace, _gradients, _lastGoodState;
    private readonly float[] _weights;
    private readonly long[] _rowIds;
    private readonly int _batchCapacity;

    // The weights rotate through three buffers so that a step copies none: _current is what the step reads, _scratch
    // receives θ′, _previous holds the weights before the previous step (put back when the current ones diverge).
    private float[] _previous, _current, _scratch;
    private bool _gradientsCleared = true;
    private int[] _order = [];
    private InMemorySamples? _checkedInMemory;
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
        _rowIds = new long[batch];
        _previous = new float[shape.ParameterCount];
        _current = new float[shape.ParameterCount];
        _scratch = new float[shape.ParameterCount];
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
        _network.Parameters.CopyTo(_current, 0);
        double bestLoss = double.PositiveInfinity;
        int bestEpoch = 0, epochsSinceBest = 0;
        History.Reserve(_options.Epochs);
        long started = Stopwatch.GetTimestamp();
        for (int epoch = 0; epoch < _options.Epochs; epoch++)
        {
            float learningRate = _options.LearningRateAt(epoch);
            double trainingLoss = TrainEpoch(data, epoch, learningRate, trainingSamples);
            (double Loss, double? Accuracy)? validated = validation is null ? null : Evaluate(validation);
            long ended = Stopwatch.GetTimestamp(); // one clock read per epoch: this epoch's end is the next one's start
            var report = new EpochReport(epoch + 1, trainingLoss, validated?.Loss, learningRate, Stopwatch.GetElapsedTime(started, ended))
            {
                ValidationAccuracy = validated?.Accuracy,
            };
            started = ended;
            History.Add(report);
            _options.Schedule?.EpochEnded(report); // an adaptive schedule (ReduceOnPlateau) learns the epoch's losses
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
    /// <remarks>
    /// A step copies no parameters: it reads θ from <see cref="_current"/> and writes θ′ into <see cref="_scratch"/>,
    /// and only once θ′ is known to be finite do the three buffers rotate, so the weights before this step and before
    /// the previous one are always at hand to restore. The network's own array gets the current weights at the end of
    /// the epoch (and on cancellation or divergence). Optimised at once (not tiered): the loop runs a handful of times
    /// per training run, too few for tiered compilation to promote it, and on one processor the runtime waits ten times
    /// longer before it promotes anything.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double TrainEpoch(ISampleSource data, int epoch, float learningRate, long trainingSamples)
    {
        int? shuffleSeed = _options.Shuffle ? unchecked(_options.Seed * 1_000_003 + epoch) : null;
        long samples = 0;
        int batchNumber = 0;
        float[] state = _network.State;
        bool weighted = Weighted(data), hasState = state.Length > 0, sgd = _optimizer is Sgd;
        double lossSum = 0, weightSum = 0;
        CancellationToken cancellation = _options.CancellationToken;
        var batches = new BatchReader(this, data, shuffleSeed, weighted);
        try
        {
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();

                int rows = batches.Next(out ReadOnlySpan<float> inputs, out ReadOnlySpan<float> targets);
                if (rows == 0) break;
                batchNumber++;
                samples += rows;
                float batchWeight = weighted ? Sum(_weights.AsSpan(0, rows)) : rows;
                if (!(batchWeight > 0f)) continue; // every sample weighs 0: nothing to learn from this batch

                // Mean gradient of the batch: ∂C/∂θ = Σₙ wₙ ∂Cₙ/∂θ / Σₙ wₙ; the loss is measured with the weights before the step.
                if (!_gradientsCleared) Array.Clear(_gradients);
                _gradientsCleared = false;
                if (hasState) state.CopyTo(_lastGoodState, 0);
                ReadOnlySpan<float> weights = weighted ? _weights.AsSpan(0, rows) : default;
                float loss = TNet.BackwardBatch(_current, _gradients, state, inputs, targets, weights, rows, 1f / batchWeight,
                    DropoutKernels.StepSeed(_options.Seed, _steps), _workspace);

                // These weights came from the previous step and already give a non-finite loss (or gradient): put back the ones before it.
                if (!float.IsFinite(loss) || (!sgd && !StepKernels.AllFinite(_gradients)))
                    throw Diverged(epoch, batchNumber, loss, learningRate, weightsOverflowed: false);

                lossSum += loss;
                weightSum += batchWeight;
                if (_options.L2 > 0f) AddWeightDecay(_current, _options.L2 / trainingSamples);
                if (_options.GradientClipNorm > 0f) Clip(_options.GradientClipNorm);
                StepKernels.StepCheck check;
                if (sgd)
                {
                    // θ′ = θ − η∂C/∂θ in one pass that also clears the gradient and checks both for NaN/∞.
                    check = StepKernels.Sgd(_current, _gradients, learningRate, _scratch);
                    _gradientsCleared = true;
                }
                else
                {
                    _current.CopyTo(_scratch, 0);
                    _optimizer.Step(_scratch, _gradients, learningRate);
                    check = StepKernels.AllFinite(_scratch) ? StepKernels.StepCheck.Finite : StepKernels.StepCheck.ParametersNotFinite;
                }

                if ((check & StepKernels.StepCheck.GradientNotFinite) != 0)
                    throw Diverged(epoch, batchNumber, loss, learningRate, weightsOverflowed: false);
                _steps++;
                if (check != StepKernels.StepCheck.Finite)
                {
                    // θ′ has a NaN or ∞: the network keeps θ, the weights before this step.
                    _current.CopyTo(_network.Parameters, 0);
                    if (hasState) _lastGoodState.CopyTo(state, 0);
                    throw new TrainingDivergedException(epoch + 1, batchNumber, loss, learningRate, weightsOverflowed: true);
                }

                (_previous, _current, _scratch) = (_current, _scratch, _previous);
            }
        }
        catch (OperationCanceledException)
        {
            PublishCurrent(); // cancelled by the token or by the source: the network keeps the last completed step
            throw;
        }
        finally
        {
            batches.Dispose();
        }

        if (samples == 0) throw NoTrainingSamples(data);
        PublishCurrent();
        if (batches.CheckedEveryRow && data is InMemorySamples memory) _checkedInMemory = memory; // its rows were all checked: later epochs skip the checks
        return (weightSum > 0 ? lossSum / weightSum : 0) + (_options.L2 > 0f ? Penalty(_current, trainingSamples) : 0);
    }

    /// <summary>
    /// Divergence at a non-finite loss or gradient: the weights of this step came from the previous one and are already
    /// bad, so the network gets back the weights before the previous step (or keeps its own before the first step).
    /// </summary>
    private TrainingDivergedException Diverged(int epoch, int batchNumber, float loss, float learningRate, bool weightsOverflowed)
    {
        (_steps > 0 ? _previous : _current).CopyTo(_network.Parameters, 0);
        _lastGoodState.AsSpan().CopyTo(_network.State);
        return new TrainingDivergedException(epoch + 1, batchNumber, loss, learningRate, weightsOverflowed, beforeFirstStep: _steps == 0);
    }

    /// <summary>Copies the current weights into the network's own array (the step works on the rotating buffers).</summary>
    private void PublishCurrent() => _current.CopyTo(_network.Parameters, 0);

    /// <summary>Mean loss per validation sample with the current weights, and the accuracy for classification losses.</summary>
    private (double Loss, double? Accuracy) Evaluate(ISampleSource validation)
    {
        double lossSum = 0;
        long samples = 0, correct = 0;
        var batches = new BatchReader(this, validation, shuffleSeed: null, weighted: false); // in memory: from the arrays, nothing allocated
        try
        {
            while (true)
            {
                _options.CancellationToken.ThrowIfCancellationRequested();
                int rows = batches.Next(out ReadOnlySpan<float> inputs, out ReadOnlySpan<float> targets);
                if (rows == 0) break;
                int outputs = rows * _shape.OutputCount;
                TNet.ForwardBatch(_network.Parameters, _network.State, inputs, _outputs, rows, _workspace);
                lossSum += LossValue(_outputs.AsSpan(0, outputs), targets[..outputs], _workspace.AsSpan(0, outputs));
                correct += Correct(_outputs.AsSpan(0, outputs), targets[..outputs]);
                samples += rows;
            }
        }
        finally
        {
            batches.Dispose();
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

    /// <summary>Reads up to BatchSize samples from a cursor into the batch buffers, rejecting NaN/∞ with the row number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FillBatch(ISampleCursor cursor, bool weighted)
    {
        int inputCount = _shape.InputCount, outputCount = _shape.OutputCount, rows = 0;
        while (rows < _batchCapacity)
        {
            Span<float> input = _inputs.AsSpan(rows * inputCount, inputCount);
            Span<float> target = _targets.AsSpan(rows * outputCount, outputCount);
            if (!cursor.MoveNext(input, target)) break;
            _rowIds[rows] = cursor.Row;
            if (weighted) _weights[rows] = cursor.Weight * ClassWeight(target);
            rows++;
        }

        CheckBatch(_inputs, _targets, rows);
        return rows;
    }

    /// <summary>
    /// Up to BatchSize rows of in-memory samples straight from their arrays (no cursor, no per-row interface call): in
    /// <paramref name="order"/> or for a part of a hold-out (its rows scattered in the arrays), gathered into the batch
    /// buffers; in stored order of whole samples (an empty order, no row map), the rows as they lie in the source's
    /// arrays, nothing copied. The row numbers are written for the checks (the first epoch) and named in their messages.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int FillBatch(InMemorySamples source, ReadOnlySpan<int> order, scoped ref int position, bool weighted, bool check,
        out ReadOnlySpan<float> batchInputs, out ReadOnlySpan<float> batchTargets)
    {
        int inputCount = _shape.InputCount, outputCount = _shape.OutputCount;
        int rows = Math.Min(_batchCapacity, source.Rows - position);
        float[] inputs = source.InputValues, targets = source.TargetValues;
        float[]? sampleWeights = source.WeightValues;
        ReadOnlySpan<int> map = source.RowMap;
        if (order.IsEmpty && map.IsEmpty)
        {
            batchInputs = inputs.AsSpan(position * inputCount, rows * inputCount);
            batchTargets = targets.AsSpan(position * outputCount, rows * outputCount);
            for (int r = 0; weighted && r < rows; r++)
                _weights[r] = (sampleWeights is null ? 1f : sampleWeights[position + r]) * ClassWeight(batchTargets.Slice(r * outputCount, outputCount));
            for (int r = 0; check && r < rows; r++) _rowIds[r] = position + r;
        }
        else
        {
            for (int r = 0; r < rows; r++)
            {
                int index = order.IsEmpty ? position + r : order[position + r];
                int row = map.IsEmpty ? index : map[index];
                inputs.AsSpan(row * inputCount, inputCount).CopyTo(_inputs.AsSpan(r * inputCount, inputCount));
                targets.AsSpan(row * outputCount, outputCount).CopyTo(_targets.AsSpan(r * outputCount, outputCount));
                _rowIds[r] = row;
                if (weighted) _weights[r] = (sampleWeights is null ? 1f : sampleWeights[row]) * ClassWeight(_targets.AsSpan(r * outputCount, outputCount));
            }

            batchInputs = _inputs.AsSpan(0, rows * inputCount);
            batchTargets = _targets.AsSpan(0, rows * outputCount);
        }

        position += rows;
        if (check) CheckBatch(batchInputs, batchTargets, rows);
        return rows;
    }

    /// <summary>
    /// Rejects NaN/∞ inputs and targets, and targets outside the loss's domain, naming the row: one vectorised pass over
    /// the whole batch, and the row-by-row checks (in batch order, so the first bad row is named) only when it finds one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CheckBatch(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int rows)
    {
        int inputCount = _shape.InputCount, outputCount = _shape.OutputCount;
        bool finite = StepKernels.AllFinite(inputs[..(rows * inputCount)]) && StepKernels.AllFinite(targets[..(rows * outputCount)]);
        bool anyTarget = _shape.Loss is Loss.SquaredError or Loss.MeanSquaredError or Loss.Huber or Loss.MeanAbsoluteError;
        if (finite && anyTarget) return;
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> target = targets.Slice(r * outputCount, outputCount);
            if (!finite)
            {
                CheckFinite(inputs.Slice(r * inputCount, inputCount), _rowIds[r], "input");
                CheckFinite(target, _rowIds[r], "target");
            }

            TargetDomain.Check(_shape.Loss, target, _rowIds[r]);
        }
    }

    /// <summary>
    /// One epoch's batches: straight from the arrays of <see cref="InMemorySamples"/> (shuffled into a reused buffer,
    /// the rows checked in the first epoch only: they cannot change during a run), else through the source's cursor.
    /// </summary>
    private struct BatchReader : IDisposable
    {
        private readonly TrainingRun<TNet> _run;
        private readonly InMemorySamples? _memory;
        private readonly ISampleCursor? _cursor;
        private readonly bool _weighted;
        private readonly bool _shuffled;
        private int _position;

        public BatchReader(TrainingRun<TNet> run, ISampleSource data, int? shuffleSeed, bool weighted)
        {
            _run = run;
            _weighted = weighted;
            _shuffled = shuffleSeed is not null;
            if (data is InMemorySamples memory)
            {
                _memory = memory;
                CheckedEveryRow = !ReferenceEquals(run._checkedInMemory, memory);
                if (shuffleSeed is int seed)
                {
                    if (run._order.Length != memory.Rows) run._order = new int[memory.Rows];
                    SeededPermutation.Fill(run._order, seed);
                }
            }
            else _cursor = data.Open(shuffleSeed);
        }

        /// <summary>Whether this epoch checks every row it reads (false: an in-memory source checked in an earlier epoch).</summary>
        public bool CheckedEveryRow { get; }

        /// <summary>
        /// The next batch's rows (0 at the end of the epoch), its inputs and targets: the run's batch buffers, or for
        /// in-memory samples in stored order the source's own arrays. Valid until the next call.
        /// </summary>
        public int Next(out ReadOnlySpan<float> inputs, out ReadOnlySpan<float> targets)
        {
            if (_memory is { } memory)
                return _run.FillBatch(memory, _shuffled ? _run._order : default, ref _position, _weighted, CheckedEveryRow, out inputs, out targets);
            int rows = _run.FillBatch(_cursor!, _weighted);
            inputs = _run._inputs.AsSpan(0, rows * _run._shape.InputCount);
            targets = _run._targets.AsSpan(0, rows * _run._shape.OutputCount);
            return rows;
        }

        public readonly void Dispose() => _cursor?.Dispose();
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

    private InvalidDataException NoTrainingSamples(ISampleSource data) => new(data is SampleSplit or InMemorySamples { IsHoldOutPart: true }
        ? $"Holding out ValidationFraction {_options.ValidationFraction} of the data for validation left no training samples for network '{_shape.Name}'; use a smaller fraction, or pass a validation source."
        : $"There are no training samples for network '{_shape.Name}'.");

    private static void CheckFinite(ReadOnlySpan<float> values, long row, string what) => SampleChecks.Finite(values, row, what);

    /// <summary>∂/∂w of λ/(2N) Σ w² is (λ/N)·w, for weights only.</summary>
    private void AddWeightDecay(ReadOnlySpan<float> parameters, float coefficient)
    {
        foreach (TensorDescription tensor in _shape.Tensors)
            if (tensor.Role == TensorRole.Weights)
                Vectors.Axpy(coefficient, parameters.Slice(tensor.Offset, tensor.Length), _gradients.AsSpan(tensor.Offset, tensor.Length));
    }

    private double Penalty(ReadOnlySpan<float> parameters, long trainingSamples)
    {
        double sum = 0;
        foreach (TensorDescription tensor in _shape.Tensors)
            if (tensor.Role == TensorRole.Weights)
                foreach (float w in parameters.Slice(tensor.Offset, tensor.Length)) sum += (double)w * w;
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
