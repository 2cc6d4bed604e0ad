using Backprop.Training;

namespace Backprop.MLNet.Training;

/// <summary>
/// The labelled rows of a data view gathered during <see cref="DataViewSamples.Scan"/>, as they are read, while they fit a
/// memory budget: the scan is then also the only pass over the view (the statistics, the standardisation and every epoch
/// run from memory). When the view knows its row count (a filled cache) the rows go straight into arrays of that size;
/// otherwise into chunks — 64 rows first, each next one twice as large up to about a mebibyte, so no array is reallocated
/// and a few rows take little — and into exact arrays at the end. Past the budget the copy is dropped and the view is
/// read through cursors as before.
/// </summary>
internal sealed class RowCopy
{
    private readonly int _inputs;
    private readonly int _targets;
    private readonly bool _weighted;
    private readonly long _maxRows;
    private readonly int _largestChunk;
    private readonly int _firstChunk;
    private readonly List<(float[] Inputs, float[] Targets, float[]? Weights)> _chunks = [];
    private readonly float[] _scratchInput, _scratchTarget;
    private int _inChunk;
    private bool _slotInChunk;

    /// <param name="inputs">Inputs per row.</param>
    /// <param name="targets">Targets per row.</param>
    /// <param name="weighted">Whether each row has an example weight.</param>
    /// <param name="memoryLimit">Bytes the rows may take (4 per input, target and weight).</param>
    /// <param name="expectedRows">The view's row count when it knows it (the first chunk's size), else null.</param>
    public RowCopy(int inputs, int targets, bool weighted, long memoryLimit, long? expectedRows)
    {
        _inputs = inputs;
        _targets = targets;
        _weighted = weighted;
        long rowBytes = 4L * (inputs + targets + (weighted ? 1 : 0));
        _maxRows = Math.Min(Math.Min(memoryLimit / rowBytes, int.MaxValue), Array.MaxLength / Math.Max(inputs, targets));
        _largestChunk = (int)Math.Max(1, (1L << 20) / rowBytes);
        _firstChunk = expectedRows is long known && known > 0 && known <= _maxRows ? (int)known : Math.Min(64, _largestChunk);
        Kept = _maxRows > 0;
        _scratchInput = new float[inputs];
        _scratchTarget = new float[targets];
    }

    /// <summary>Whether every row so far is in the copy (false once the budget was exceeded).</summary>
    public bool Kept { get; private set; }

    /// <summary>Rows in the copy.</summary>
    public long Count { get; private set; }

    /// <summary>
    /// Where the next row should be read to: its place in the current chunk when there is room (the row then lands in the
    /// copy without being copied), else a scratch row. <see cref="Commit"/> keeps what was read there.
    /// </summary>
    public void Slot(out Span<float> input, out Span<float> target)
    {
        _slotInChunk = Kept && _chunks.Count > 0 && _inChunk < RowsOf(_chunks[^1].Targets) && Count < _maxRows;
        if (_slotInChunk)
        {
            input = _chunks[^1].Inputs.AsSpan(_inChunk * _inputs, _inputs);
            target = _chunks[^1].Targets.AsSpan(_inChunk * _targets, _targets);
        }
        else
        {
            input = _scratchInput;
            target = _scratchTarget;
        }
    }

    /// <summary>Keeps the row just read into the last <see cref="Slot"/>, or drops the copy when it would exceed the budget.</summary>
    public void Commit(float weight)
    {
        if (!Kept) return;
        if (Count == _maxRows)
        {
            Kept = false;
            _chunks.Clear();
            return;
        }

        if (!_slotInChunk)
        {
            // The current chunk was full (or there is none): the next one, the first chunk's size or twice the last up to ~1 MiB.
            int rows = _chunks.Count == 0 ? _firstChunk : Math.Min(2 * RowsOf(_chunks[^1].Targets), _largestChunk);
            rows = (int)Math.Min(rows, _maxRows - Count);
            _chunks.Add((new float[(long)rows * _inputs], new float[(long)rows * _targets], _weighted ? new float[rows] : null));
            _inChunk = 0;
            _scratchInput.CopyTo(_chunks[^1].Inputs, 0);
            _scratchTarget.CopyTo(_chunks[^1].Targets, 0);
        }

        if (_chunks[^1].Weights is { } weights) weights[_inChunk] = weight;
        _inChunk++;
        Count++;
        _slotInChunk = false;
    }

    /// <summary>Rows a chunk holds, from its targets array.</summary>
    private int RowsOf(float[] targets) => targets.Length / _targets;

    /// <summary>The copied rows in stored order, as the trainer's in-memory samples (the chunks are released).</summary>
    /// <exception cref="InvalidOperationException">The copy was dropped or holds no row.</exception>
    public InMemorySamples ToSamples()
    {
        if (!Kept || Count == 0) throw new InvalidOperationException("The scan kept no copy of the rows.");
        int rows = (int)Count;
        if (_chunks is [var only] && only.Targets.Length == (long)rows * _targets)
        {
            _chunks.Clear();
            return only.Weights is null ? new InMemorySamples(only.Inputs, _inputs, only.Targets, _targets) : new InMemorySamples(only.Inputs, _inputs, only.Targets, _targets, only.Weights);
        }

        var input = new float[(long)rows * _inputs];
        var target = new float[(long)rows * _targets];
        float[]? weight = _weighted ? new float[rows] : null;
        int row = 0;
        foreach (var (inputs, targets, weights) in _chunks)
        {
            int n = Math.Min(RowsOf(targets), rows - row);
            inputs.AsSpan(0, n * _inputs).CopyTo(input.AsSpan(row * _inputs));
            targets.AsSpan(0, n * _targets).CopyTo(target.AsSpan(row * _targets));
            if (weights is not null) weights.AsSpan(0, n).CopyTo(weight.AsSpan(row));
            row += n;
        }

        _chunks.Clear();
        return weight is null ? new InMemorySamples(input, _inputs, target, _targets) : new InMemorySamples(input, _inputs, target, _targets, weight);
    }
}
