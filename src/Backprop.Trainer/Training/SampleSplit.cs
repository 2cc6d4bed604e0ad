namespace Backprop.Training;

/// <summary>
/// Splits a source into training and validation views by row: a row belongs to the validation view when a hash of
/// (seed, row) falls below the fraction. Deterministic, needs no extra pass, and works on streamed sources.
/// </summary>
internal sealed class SampleSplit : ISampleSource
{
    private readonly ISampleSource _source;
    private readonly double _fraction;
    private readonly int _seed;
    private readonly bool _validation;

    private SampleSplit(ISampleSource source, double fraction, int seed, bool validation)
    {
        _source = source;
        _fraction = fraction;
        _seed = seed;
        _validation = validation;
    }

    public static (ISampleSource Training, ISampleSource Validation) Create(ISampleSource source, double fraction, int seed) =>
        (new SampleSplit(source, fraction, seed, validation: false), new SampleSplit(source, fraction, seed, validation: true));

    public int InputCount => _source.InputCount;

    public int TargetCount => _source.TargetCount;

    public long? Count => null;

    public bool HasWeights => _source.HasWeights;

    public ISampleCursor Open(int? shuffleSeed) => new Cursor(this, _source.Open(shuffleSeed));

    private bool Keeps(long row) => IsValidation(row, _fraction, _seed) == _validation;

    /// <summary>Whether <paramref name="row"/> is held out for validation (<see cref="InMemorySamples"/> splits by the same rule).</summary>
    internal static bool IsValidation(long row, double fraction, int seed) => Mix(row, seed) < fraction;

    /// <summary>A well-mixed value in [0, 1) from (row, seed) (SplitMix64 finaliser).</summary>
    private static double Mix(long row, int seed)
    {
        ulong z = unchecked(((ulong)row + 1) * 0x9E3779B97F4A7C15UL + (ulong)(uint)seed * 0xBF58476D1CE4E5B9UL); // row + 1: never the fixed point 0
        return (Kernels.SplitMix.Mix(z) >> 11) * (1.0 / (1UL << 53));
    }

    private sealed class Cursor(SampleSplit split, ISampleCursor inner) : ISampleCursor
    {
        public long Row => inner.Row;

        public float Weight => inner.Weight;

        public bool MoveNext(Span<float> input, Span<float> target)
        {
            while (inner.MoveNext(input, target))
                if (split.Keeps(inner.Row)) return true;
            return false;
        }

        public void Dispose() => inner.Dispose();
    }
}
