namespace Backprop;

/// <summary>A vector view into a flat float buffer. Empty (Length 0) for a layer declared with <c>Bias = false</c>.</summary>
public readonly struct ParameterVector
{
    private readonly float[]? _buffer;
    private readonly int _offset;

    /// <summary>Creates a view of <paramref name="length"/> floats starting at <paramref name="offset"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The view does not fit in <paramref name="buffer"/>.</exception>
    public ParameterVector(float[] buffer, int offset, int length)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || length < 0 || (long)offset + length > buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset),
                $"A vector of {length} at offset {offset} does not fit in a buffer of {buffer.Length} floats.");
        }

        _buffer = buffer;
        _offset = offset;
        Length = length;
    }

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    /// <summary>The element at <paramref name="index"/>, by reference.</summary>
    /// <exception cref="IndexOutOfRangeException">The index is outside the vector (always, for a layer without bias).</exception>
    public ref float this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Length)
            {
                throw new IndexOutOfRangeException(Length == 0
                    ? "This layer has no bias (it was declared with Bias = false)."
                    : $"Index {index} is outside a vector of {Length}.");
            }

            return ref _buffer![_offset + index];
        }
    }

    /// <summary>The vector as a span (empty for a layer without bias).</summary>
    public Span<float> AsSpan() => _buffer is null ? Span<float>.Empty : _buffer.AsSpan(_offset, Length);
}
