using Backprop.Training;

namespace Backprop.Trainer.Tests.Training;

/// <summary>The same samples behind a plain <see cref="ISampleSource"/>: the trainer reads them through the cursor (its general path).</summary>
internal sealed class CursorOnly(ISampleSource inner) : ISampleSource
{
    public int InputCount => inner.InputCount;

    public int TargetCount => inner.TargetCount;

    public long? Count => inner.Count;

    public bool HasWeights => inner.HasWeights;

    public ISampleCursor Open(int? shuffleSeed) => inner.Open(shuffleSeed);
}
