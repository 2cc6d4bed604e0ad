using Backprop.Training;

namespace Backprop.Trainer.Tests.Training;

/// <summary>
/// A source over <paramref name="inner"/> that can hide its count (a stream of unknown length) and can throw
/// <see cref="Failure"/> at row <see cref="FailAtRow"/> of pass <see cref="FailInPass"/> (1-based), as a file or a
/// network connection does when it goes away mid-training.
/// </summary>
internal sealed class FlakySamples(ISampleSource inner, bool knowsCount = true) : ISampleSource
{
    private int _passes;

    public int FailInPass { get; init; } = -1;

    public int FailAtRow { get; init; }

    public Func<Exception> Failure { get; init; } = () => new IOException("The connection to the data store was reset.");

    public int InputCount => inner.InputCount;

    public int TargetCount => inner.TargetCount;

    public long? Count => knowsCount ? inner.Count : null;

    public ISampleCursor Open(int? shuffleSeed) => new Cursor(this, inner.Open(shuffleSeed), ++_passes);

    private sealed class Cursor(FlakySamples owner, ISampleCursor cursor, int pass) : ISampleCursor
    {
        private int _rows;

        public long Row => cursor.Row;

        public bool MoveNext(Span<float> input, Span<float> target)
        {
            if (pass == owner.FailInPass && _rows++ == owner.FailAtRow) throw owner.Failure();
            return cursor.MoveNext(input, target);
        }

        public void Dispose() => cursor.Dispose();
    }
}
