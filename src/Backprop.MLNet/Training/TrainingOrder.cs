using System.Globalization;
using Backprop.Inspection;
using Backprop.Training;

namespace Backprop.MLNet.Training;

/// <summary>
/// How the trainer visits the training rows. When they fit the memory budget they were kept in memory by the scan
/// (<see cref="DataViewSamples.Scan"/>, the only pass over the view) and every epoch runs from memory (shuffled there with the seed, or in stored order): an epoch then costs no data-view cursor, which
/// for small data is most of the time of an epoch. Otherwise a view that can shuffle (a cached view) shuffles itself, and
/// one that cannot (a text file, <c>TrainTestSplit</c> of one, <c>LoadFromEnumerable</c>) is shuffled through a
/// <see cref="ShufflePoolSamples"/> of the budget's size — read in file order instead, sorted data (iris.csv is sorted by
/// class) would train badly.
/// </summary>
internal static class TrainingOrder
{
    /// <summary>The source to train on, and a sentence for the log saying which order it gives.</summary>
    /// <param name="samples">The scanned training samples (their <see cref="DataViewSamples.Count"/> is known; with the rows kept when they fitted <paramref name="memoryLimit"/>).</param>
    /// <param name="shuffle">Whether the options ask for shuffling.</param>
    /// <param name="memoryLimit">Bytes the copy or the pool may take.</param>
    /// <param name="description">What was done, for the log.</param>
    public static ISampleSource Arrange(DataViewSamples samples, bool shuffle, long memoryLimit, out string description)
    {
        long rows = samples.Count ?? 0;
        long rowBytes = RowBytes(samples);
        long bytes = rows * rowBytes;
        if (samples.TakeKeptRows() is InMemorySamples kept)
        {
            description = string.Create(CultureInfo.InvariantCulture,
                $"Order: the {rows} training rows ({ByteSize.Format(bytes)}) were read into memory once and are {(shuffle ? "shuffled there, a new seeded order every epoch" : "visited in stored order every epoch (Shuffle = false)")}.");
            return kept;
        }

        if (!shuffle)
        {
            description = string.Create(CultureInfo.InvariantCulture,
                $"Order: the data view's stored order every epoch (Shuffle = false; its {rows} rows, {ByteSize.Format(bytes)}, exceed ShuffleMemoryLimit, {ByteSize.Format(memoryLimit)}, so they are read through a cursor each epoch).");
            return samples;
        }

        if (samples.CanShuffle)
        {
            description = string.Create(CultureInfo.InvariantCulture,
                $"Order: shuffled by the data view's own shuffling cursor, a new order every epoch (its {rows} rows, {ByteSize.Format(bytes)}, exceed ShuffleMemoryLimit, {ByteSize.Format(memoryLimit)}).");
            return samples;
        }

        int poolRows = (int)Math.Clamp(memoryLimit / rowBytes, 1, int.MaxValue / Math.Max(samples.InputCount + samples.TargetCount, 1));
        description = string.Create(CultureInfo.InvariantCulture,
            $"Order: the data view cannot shuffle and its {rows} rows ({ByteSize.Format(bytes)}) exceed ShuffleMemoryLimit ({ByteSize.Format(memoryLimit)}), so they are shuffled through a pool of {poolRows} rows, a new order every epoch.");
        return new ShufflePoolSamples(samples, poolRows);
    }

    /// <summary>The validation rows in memory when the scan kept them (they fitted the budget: read once, not every epoch), else the view itself.</summary>
    public static ISampleSource Validation(DataViewSamples samples) => samples.TakeKeptRows() ?? (ISampleSource)samples;

    private static long RowBytes(DataViewSamples samples) => 4L * (samples.InputCount + samples.TargetCount + (samples.HasWeights ? 1 : 0));
}
