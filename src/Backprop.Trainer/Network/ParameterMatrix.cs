namespace Backprop;

/// <summary>A row-major matrix view (rows × columns) into a flat float buffer; element [r, c] is at offset + r·columns + c.</summary>
public readonly struct ParameterMatrix
{
    private readonly float[] _buffer;
    private readonly int _offset;

    /// <summary>Creates a view of <paramref name="rows"/> × <paramref name="columns"/> floats starting at <paramref name="offset"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The view does not fit in <paramref name="buffer"/>.</exception>
    public ParameterMatrix(float[] buffer, int offset, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (offset < 0 || rows < 0 || columns < 0 || (long)offset + (long)rows * columns > buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(offset),
                $"A {rows}×{columns} matrix at offset {offset} does not fit in a buffer of {buffer.Length} floats.");
        }

        _buffer = buffer;
        _offset = offset;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>Number of rows (the layer's units, for weights).</summary>
    public int Rows { get; }

    /// <summary>Number of columns (the layer's inputs, for weights).</summary>
    public int Columns { get; }

    /// <summary>The element at row <paramref name="row"/>, column <paramref name="column"/>, by reference.</summary>
    /// <exception cref="IndexOutOfRangeException">The indices are outside the matrix.</exception>
    public ref float this[int row, int column]
    {
        get
        {
            if ((uint)row >= (uint)Rows || (uint)column >= (uint)Columns)
            {
                throw new IndexOutOfRangeException(
                    $"Index [{row}, {column}] is outside a {Rows}×{Columns} matrix.");
            }

            return ref _buffer[_offset + row * Columns + column];
        }
    }

    /// <summary>The whole matrix as a span, row-major.</summary>
    public Span<float> AsSpan() => _buffer.AsSpan(_offset, Rows * Columns);

    /// <summary>One row (for weights: the incoming weights of one unit).</summary>
    public Span<float> Row(int row) => AsSpan().Slice(row * Columns, Columns);
}
