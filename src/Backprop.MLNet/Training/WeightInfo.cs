using Microsoft.ML;
using Microsoft.ML.Data;

namespace Backprop.MLNet.Training;

/// <summary>Checks of the example-weight column.</summary>
internal static class WeightInfo
{
    /// <summary>The weight column of <paramref name="schema"/>: a Single, as ML.NET's trainers take it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Missing column or a type other than Single.</exception>
    public static DataViewSchema.Column Bind(DataViewSchema schema, string name)
    {
        DataViewSchema.Column column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentOutOfRangeException(nameof(schema), $"Example weight column '{name}' not found. The data has columns: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name))}.");
        if (column.Type != NumberDataViewType.Single)
            throw new ArgumentOutOfRangeException(nameof(schema), $"Schema mismatch for example weight column '{name}': expected Single, got {column.Type}.");
        return column;
    }
}
