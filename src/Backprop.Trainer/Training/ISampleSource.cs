namespace Backprop.Training;

/// <summary>
/// Training data the trainer can stream through once per epoch: in memory (<c>InMemorySamples</c>), or a
/// cursor over a data view (the ML.NET wrapper). A source never hands out its buffers: the cursor copies each sample
/// into the trainer's spans, so nothing is allocated per row.
/// </summary>
public interface ISampleSource
{
    /// <summary>Size of each input vector.</summary>
    int InputCount { get; }

    /// <summary>Size of each target vector.</summary>
    int TargetCount { get; }

    /// <summary>Number of samples when known without a pass over the data, otherwise null.</summary>
    long? Count { get; }

    /// <summary>
    /// Opens one pass over the samples. When <paramref name="shuffleSeed"/> is not null the source visits the samples in
    /// an order determined by that seed alone (the same seed gives the same order); when null, in stored order.
    /// </summary>
    ISampleCursor Open(int? shuffleSeed);

    /// <summary>Whether the samples carry weights (<see cref="ISampleCursor.Weight"/>); false means every weight is 1.</summary>
    bool HasWeights => false;
}

/// <summary>One pass over an <see cref="ISampleSource"/>.</summary>
public interface ISampleCursor : IDisposable
{
    /// <summary>
    /// Copies the next sample into <paramref name="input"/> (InputCount values) and <paramref name="target"/>
    /// (TargetCount values). Returns false at the end of the pass.
    /// </summary>
    /// <exception cref="InvalidDataException">The sample is malformed (NaN/∞, wrong size); the message names the row.</exception>
    bool MoveNext(Span<float> input, Span<float> target);

    /// <summary>The position, in the source's stored order, of the sample last returned (for error messages).</summary>
    long Row { get; }

    /// <summary>The weight of the sample last returned (1 unless the source <see cref="ISampleSource.HasWeights"/>); finite and non-negative.</summary>
    float Weight => 1f;
}
