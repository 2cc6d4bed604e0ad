using Backprop.Training;

namespace Backprop.MLNet.Training;

/// <summary>
/// Shuffles a source that is read in stored order through a pool of <c>poolRows</c> rows: the pool fills from the
/// stream, then each step hands out a random row of the pool and refills its slot with the next row of the stream
/// (when the stream ends, the pool is drained in random order). A row moves at most about a pool's length from where it
/// is stored on average, so this mixes less than a full shuffle; it needs one pass and memory for the pool only. The
/// order depends on the seed alone.
/// </summary>
internal sealed class ShufflePoolSamples(ISampleSource source, int poolRows) : ISampleSource
{
    public int InputCount => source.InputCount;

    public int TargetCount => source.TargetCount;

    public long? Count => source.Count;

    public bool HasWeights => source.HasWeights;

    public ISampleCursor Open(int? shuffleSeed) =>
        shuffleSeed is int seed ? new Cursor(source, poolRows, seed) : source.Open(null);

    private sealed class Cursor : ISampleCursor
    {
        private readonly ISampleCursor _inner;
        private readonly Random _random;
        private readonly int _inputs, _targets;
        private readonly float[] _input, _target, _weight;
        private readonly long[] _row;
        private int _filled;
        private bool _ended;

        public Cursor(ISampleSource source, int poolRows, int seed)
        {
            _inner = source.Open(null);
            _random = new Random(seed);
            _inputs = source.InputCount;
            _targets = source.TargetCount;
            _input = new float[(long)poolRows * _inputs];
            _target = new float[(long)poolRows * _targets];
            _weight = new float[poolRows];
            _row = new long[poolRows];
            while (_filled < poolRows && Read(_filled)) _filled++;
        }

        public long Row { get; private set; } = -1;

        public float Weight { get; private set; } = 1f;

        public bool MoveNext(Span<float> input, Span<float> target)
        {
            if (_filled == 0) return false;
            int slot = _random.Next(_filled);
            _input.AsSpan(slot * _inputs, _inputs).CopyTo(input);
            _target.AsSpan(slot * _targets, _targets).CopyTo(target);
            Weight = _weight[slot];
            Row = _row[slot];
            if (!Read(slot))
            {
                // The stream has ended: move the last pooled row into the slot and shrink the pool.
                int last = --_filled;
                if (slot != last)
                {
                    _input.AsSpan(last * _inputs, _inputs).CopyTo(_input.AsSpan(slot * _inputs, _inputs));
                    _target.AsSpan(last * _targets, _targets).CopyTo(_target.AsSpan(slot * _targets, _targets));
                    _weight[slot] = _weight[last];
                    _row[slot] = _row[last];
                }
            }

            return true;
        }

        /// <summary>Reads the stream's next row into <paramref name="slot"/>; false at the end of the stream.</summary>
        private bool Read(int slot)
        {
            if (_ended) return false;
            if (!_inner.MoveNext(_input.AsSpan(slot * _inputs, _inputs), _target.AsSpan(slot * _targets, _targets)))
            {
                _ended = true;
                return false;
            }

            _weight[slot] = _inner.Weight;
            _row[slot] = _inner.Row;
            return true;
        }

        public void Dispose() => _inner.Dispose();
    }
}
