using Microsoft.ML;
using Microsoft.ML.Data;

namespace Backprop.MLNet.Training;

/// <summary>Checks of the feature column against the network.</summary>
internal static class FeatureInfo
{
    /// <summary>The feature column of <paramref name="schema"/>: a known-size vector of Single of the network's input size.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Missing column, wrong type, unknown size, or a size other than the network's input count.</exception>
    public static DataViewSchema.Column Bind(DataViewSchema schema, string name, NetworkShape shape) => Bind(schema, name, shape.Name, shape.InputCount);

    /// <summary>
    /// The feature column of <paramref name="schema"/>: a known-size vector of Single, of <paramref name="inputCount"/> values,
    /// or of any size when it is null (a network declared without Inputs, which takes the column's size at Fit).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Missing column, wrong type, unknown size, or a size other than the network's input count.</exception>
    public static DataViewSchema.Column Bind(DataViewSchema schema, string name, string network, int? inputCount)
    {
        DataViewSchema.Column column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentOutOfRangeException(nameof(schema), $"Feature column '{name}' not found. The data has columns: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name))}.");
        if (column.Type is not VectorDataViewType vector || vector.ItemType != NumberDataViewType.Single)
            throw new ArgumentOutOfRangeException(nameof(schema), $"Schema mismatch for feature column '{name}': expected a vector of Single, got {column.Type}.");
        if (!vector.IsKnownSize)
            throw new ArgumentOutOfRangeException(nameof(schema), inputCount is int count
                ? $"Feature column '{name}' is a vector of unknown size; network '{network}' needs exactly {count} values per row (give the vector a fixed size, e.g. with Concatenate or [VectorType({count})])."
                : $"Feature column '{name}' is a vector of unknown size; network '{network}' takes its input count from the column's size, so the column needs one (give the vector a fixed size, e.g. with Concatenate or [VectorType(n)]).");
        if (inputCount is int expected && vector.Size != expected)
            throw new ArgumentOutOfRangeException(nameof(schema), $"Feature column '{name}' has {vector.Size} values per row but network '{network}' takes {expected} inputs.");
        return column;
    }

    /// <summary>The size of the known-size vector column <paramref name="column"/> (checked by <see cref="Bind(DataViewSchema, string, string, int?)"/>).</summary>
    public static int SizeOf(DataViewSchema.Column column) => ((VectorDataViewType)column.Type).Size;

    /// <summary>Whether an ML.NET normaliser marked the column (the <c>IsNormalized</c> annotation).</summary>
    public static bool IsNormalized(DataViewSchema.Column column) => column.IsNormalized();

    /// <summary>Copies a dense or sparse feature vector into <paramref name="destination"/> (zeros where the vector is sparse).</summary>
    public static void CopyDense(in VBuffer<float> source, Span<float> destination)
    {
        ReadOnlySpan<float> values = source.GetValues();
        if (source.IsDense)
        {
            values.CopyTo(destination);
            return;
        }

        destination.Clear();
        ReadOnlySpan<int> indices = source.GetIndices();
        for (int i = 0; i < values.Length; i++) destination[indices[i]] = values[i];
    }
}
