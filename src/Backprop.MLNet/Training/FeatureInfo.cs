using Microsoft.ML;
using Microsoft.ML.Data;

namespace Backprop.MLNet.Training;

/// <summary>Checks of the feature column against the network.</summary>
internal static class FeatureInfo
{
    /// <summary>The feature column of <paramref name="schema"/>: a known-size vector of Single of the network's input size.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Missing column, wrong type, unknown size, or a size other than the network's input count.</exception>
    public static DataViewSchema.Column Bind(DataViewSchema schema, string name, NetworkShape shape)
    {
        DataViewSchema.Column column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentOutOfRangeException(nameof(schema), $"Feature column '{name}' not found. The data has columns: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name))}.");
        if (column.Type is not VectorDataViewType vector || vector.ItemType != NumberDataViewType.Single)
            throw new ArgumentOutOfRangeException(nameof(schema), $"Schema mismatch for feature column '{name}': expected a vector of Single, got {column.Type}.");
        if (!vector.IsKnownSize)
            throw new ArgumentOutOfRangeException(nameof(schema), $"Feature column '{name}' is a vector of unknown size; network '{shape.Name}' needs exactly {shape.InputCount} values per row (give the vector a fixed size, e.g. with Concatenate or [VectorType({shape.InputCount})]).");
        if (vector.Size != shape.InputCount)
            throw new ArgumentOutOfRangeException(nameof(schema), $"Feature column '{name}' has {vector.Size} values per row but network '{shape.Name}' takes {shape.InputCount} inputs.");
        return column;
    }

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
