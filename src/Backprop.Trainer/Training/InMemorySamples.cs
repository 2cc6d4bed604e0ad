namespace Backprop.Training;

/// <summary>Samples held in memory as row-major arrays: the simplest <see cref="ISampleSource"/>.</summary>
public sealed class InMemorySamples : ISampleSource
{
    private readonly float[] _inputs;
    private readonly float[] _targets;
    private readonly float[]? _weights;
    private readonly int[]? _rowMap;

    /// <summary>Wraps <paramref name="inputs"/> (rows × InputCount) and <paramref name="targets"/> (rows × TargetCount); the arrays are not copied.</summary>
    /// <exception cref="ArgumentException">The arrays have different row counts or no rows.</exception>
    public InMemorySamples(float[,] inputs, float[,] targets)
        : this(Flatten(inputs), inputs.GetLength(1), Flatten(targets), targets.GetLength(1))
    {
        if (inputs.GetLength(0) != targets.GetLength(0))
            throw new ArgumentException($"There are {inputs.GetLength(0)} input rows but {targets.GetLength(0)} target rows.", nameof(targets));
    }

    /// <summary>Wraps jagged rows; every input row must have the same length, and every target row.</summary>
    /// <exception cref="ArgumentException">Row counts or lengths differ, or there are no rows.</exception>
    public InMemorySamples(IReadOnlyList<float[]> inputs, IReadOnlyList<float[]> targets)
        : this(Flatten(inputs, nameof(inputs)), inputs.Count == 0 ? 0 : inputs[0].Length, Flatten(targets, nameof(targets)), targets.Count == 0 ? 0 : targets[0].Length)
    {
        if (inputs.Count != targets.Count)
            throw new ArgumentException($"There are {inputs.Count} input rows but {targets.Count} target rows.", nameof(targets));
    }

    /// <summary>Wraps flat row-major arrays of <paramref name="inputCount"/> and <paramref name="targetCount"/> values per row.</summary>
    /// <exception cref="ArgumentException">The lengths are not whole rows, the row counts differ, or there are no rows.</exception>
    public InMemorySamples(float[] inputs, int inputCount, float[] targets, int targetCount)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (inputCount < 1) throw new ArgumentOutOfRangeException(nameof(inputCount), inputCount, "Each sample needs at least one input.");
        if (targetCount < 1) throw new ArgumentOutOfRangeException(nameof(targetCount), targetCount, "Each sample needs at least one target.");
        if (inputs.Length % inputCount != 0) throw new ArgumentException($"{inputs.Length} input values are not whole rows of {inputCount}.", nameof(inputs));
        if (targets.Length % targetCount != 0) throw new ArgumentException($"{targets.Length} target values are not whole rows of {targetCount}.", nameof(targets));
        if (inputs.Length / inputCount != targets.Length / targetCount)
            throw new ArgumentException($"There are {inputs.Length / inputCount} input rows but {targets.Length / targetCount} target rows.", nameof(targets));
        _inputs = inputs;
        _targets = targets;
        InputCount = inputCount;
        TargetCount = targetCount;
        Rows = inputs.Length / inputCount;
    }

    /// <summary>
    /// Wraps flat row-major arrays as <see cref="InMemorySamples(float[], int, float[], int)"/> does, with a weight per row:
    /// the trainer's gradient becomes Σ wₙ∇Cₙ / Σ wₙ over each mini-batch.
    /// </summary>
    /// <exception cref="ArgumentException">The arrays do not agree on the rows, or a weight is negative or not finite.</exception>
    public InMemorySamples(float[] inputs, int inputCount, float[] targets, int targetCount, float[] weights)
        : this(inputs, inputCount, targets, targetCount)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != Rows) throw new ArgumentException($"There are {weights.Length} weights for {Rows} rows.", nameof(weights));
        for (int i = 0; i < weights.Length; i++)
            if (!(weights[i] >= 0f) || !float.IsFinite(weights[i]))
                throw new ArgumentException($"Row {i}: weight {weights[i]} is not a finite non-negative number.", nameof(weights));
        _weights = weights;
    }

    /// <inheritdoc />
    public bool HasWeights => _weights is not null;

    /// <inheritdoc />
    public int InputCount { get; }

    /// <inheritdoc />
    public int TargetCount { get; }

    /// <summary>Number of samples.</summary>
    public int Rows { get; }

    /// <inheritdoc />
    public long? Count => Rows;

    /// <summary>
    /// A part of other in-memory samples (a hold-out split): the same arrays, not copied, and the positions of the part's
    /// rows in them (<paramref name="rows"/>, in stored order), which also name the rows in messages and cursors. Zero rows
    /// are allowed here; the trainer reports an empty part with the hold-out's own message.
    /// </summary>
    private InMemorySamples(InMemorySamples whole, int[] rows)
    {
        _inputs = whole._inputs;
        _targets = whole._targets;
        _weights = whole._weights;
        _rowMap = rows;
        InputCount = whole.InputCount;
        TargetCount = whole.TargetCount;
        Rows = rows.Length;
        IsHoldOutPart = true;
    }

    /// <summary>Whether these samples are one part of a <see cref="TrainingOptions.ValidationFraction"/> hold-out.</summary>
    internal bool IsHoldOutPart { get; }

    /// <summary>For a part: the position in the arrays of each of its rows; empty for whole samples (row i is at i).</summary>
    internal ReadOnlySpan<int> RowMap => _rowMap;

    /// <summary>Where the sample at <paramref name="index"/> lies in the arrays, which is also its row number in messages.</summary>
    internal int RowNumber(int index) => _rowMap is null ? index : _rowMap[index];

    /// <summary>
    /// The two parts of <see cref="SampleSplit"/>'s rule (the rows a <see cref="SampleSplit"/> of these samples gives),
    /// training and validation, each in stored order and reading the same arrays (only the row positions are new): the
    /// trainer then gathers their batches from memory, with no per-row cursor and no permutation allocated per epoch.
    /// </summary>
    internal (InMemorySamples Training, InMemorySamples Validation) Split(double fraction, int seed)
    {
        var training = new List<int>(Rows);
        var validation = new List<int>();
        for (int r = 0; r < Rows; r++) (SampleSplit.IsValidation(r, fraction, seed) ? validation : training).Add(RowNumber(r));
        return (new InMemorySamples(this, training.ToArray()), new InMemorySamples(this, validation.ToArray()));
    }

    /// <inheritdoc />
    public ISampleCursor Open(int? shuffleSeed) => new Cursor(this, shuffleSeed is int seed ? Permutation(Rows, seed) : null);

    /// <summary>A Fisher–Yates permutation of 0..count−1 from <paramref name="seed"/> (that of <c>new Random(seed)</c>).</summary>
    internal static int[] Permutation(int count, int seed)
    {
        var order = new int[count];
        SeededPermutation.Fill(order, seed);
        return order;
    }

    /// <summary>The rows' inputs, row-major (for the trainer's batch gather, which reads them in place).</summary>
    internal float[] InputValues => _inputs;

    /// <summary>The rows' targets, row-major.</summary>
    internal float[] TargetValues => _targets;

    /// <summary>The rows' weights, or null.</summary>
    internal float[]? WeightValues => _weights;

    private static float[] Flatten(float[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var flat = new float[values.Length];
        Buffer.BlockCopy(values, 0, flat, 0, values.Length * sizeof(float));
        return flat;
    }

    private static float[] Flatten(IReadOnlyList<float[]> rows, string name)
    {
        ArgumentNullException.ThrowIfNull(rows, name);
        if (rows.Count == 0) return [];
        int width = rows[0].Length;
        var flat = new float[rows.Count * width];
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != width) throw new ArgumentException($"Row {r} has {rows[r].Length} values; row 0 has {width}.", name);
            rows[r].CopyTo(flat, r * width);
        }

        return flat;
    }

    private sealed class Cursor(InMemorySamples source, int[]? order) : ISampleCursor
    {
        private int _position = -1;
        private int _index = -1;

        public long Row => _index;

        public float Weight => source._weights is null || _index < 0 ? 1f : source._weights[_index];

        public bool MoveNext(Span<float> input, Span<float> target)
        {
            if (++_position >= source.Rows) return false;
            int row = source.RowNumber(order is null ? _position : order[_position]);
            _index = row;
            source._inputs.AsSpan(row * source.InputCount, source.InputCount).CopyTo(input);
            source._targets.AsSpan(row * source.TargetCount, source.TargetCount).CopyTo(target);
            return true;
        }

        public void Dispose()
        {
        }
    }
}
