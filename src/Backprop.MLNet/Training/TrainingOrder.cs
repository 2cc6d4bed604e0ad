using System.Globalization;
using Backprop.Training;

namespace Backprop.MLNet.Training;

/// <summary>
/// How the trainer visits the training rows when asked to shuffle. A view that can shuffle (a cached view) shuffles
/// itself; one that cannot (a text file, <c>TrainTestSplit</c> of one, <c>LoadFromEnumerable</c>) would be read in file
/// order every epoch — sorted data (iris.csv is sorted by class) then trains badly — so its rows are copied into memory
/// when they fit the budget, and shuffled through a <see cref="ShufflePoolSamples"/> of that size otherwise.
/// </summary>
internal static class TrainingOrder
{
    /// <summary>The source to train on, and a sentence for the log saying which order it gives.</summary>
    /// <param name="samples">The scanned training samples (their <see cref="DataViewSamples.Count"/> is known).</param>
    /// <param name="shuffle">Whether the options ask for shuffling.</param>
    /// <param name="memoryLimit">Bytes the copy or the pool may take.</param>
    /// <param name="description">What was done, for the log.</param>
    public static ISampleSource Arrange(DataViewSamples samples, bool shuffle, long memoryLimit, out string description)
    {
        long rows = samples.Count ?? 0;
        long rowBytes = 4L * (samples.InputCount + samples.TargetCount + (samples.HasWeights ? 1 : 0));
        long bytes = rows * rowBytes;
        if (!shuffle)
        {
            description = "Order: the data view's stored order every epoch (Shuffle = false).";
            return samples;
        }

        if (samples.CanShuffle)
        {
            description = "Order: shuffled by the data view's own shuffling cursor, a new order every epoch.";
            return samples;
        }

        if (bytes <= memoryLimit && rows <= int.MaxValue)
        {
            description = string.Create(CultureInfo.InvariantCulture,
                $"Order: the data view cannot shuffle, so its {rows} rows ({Size(bytes)}) were copied into memory and are shuffled there, a new order every epoch.");
            return Copy(samples, (int)rows);
        }

        int poolRows = (int)Math.Clamp(memoryLimit / rowBytes, 1, int.MaxValue / Math.Max(samples.InputCount + samples.TargetCount, 1));
        description = string.Create(CultureInfo.InvariantCulture,
            $"Order: the data view cannot shuffle and its {rows} rows ({Size(bytes)}) exceed ShuffleMemoryLimit ({Size(memoryLimit)}), so they are shuffled through a pool of {poolRows} rows, a new order every epoch.");
        return new ShufflePoolSamples(samples, poolRows);
    }

    /// <summary>All the labelled rows in stored order, in memory (the scan has already rejected bad values).</summary>
    private static InMemorySamples Copy(DataViewSamples samples, int rows)
    {
        int inputs = samples.InputCount, targets = samples.TargetCount;
        var input = new float[(long)rows * inputs];
        var target = new float[(long)rows * targets];
        float[]? weights = samples.HasWeights ? new float[rows] : null;
        int row = 0;
        using (ISampleCursor cursor = samples.Open(null))
        {
            while (row < rows && cursor.MoveNext(input.AsSpan(row * inputs, inputs), target.AsSpan(row * targets, targets)))
            {
                if (weights is not null) weights[row] = cursor.Weight;
                row++;
            }
        }

        if (row != rows)
            throw new InvalidOperationException($"The training data view gave {row} labelled rows on the second pass but {rows} on the first; a data view must give the same rows on every pass.");
        return weights is null
            ? new InMemorySamples(input, inputs, target, targets)
            : new InMemorySamples(input, inputs, target, targets, weights);
    }

    private static string Size(long bytes) => bytes switch
    {
        < 1L << 10 => $"{bytes} B",
        < 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:F1} KiB"),
        < 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):F1} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):F2} GiB"),
    };
}
