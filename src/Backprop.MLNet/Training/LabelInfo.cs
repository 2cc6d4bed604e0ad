using Microsoft.ML;
using Microsoft.ML.Data;

namespace Backprop.MLNet.Training;

/// <summary>What the label column is, checked against the task and the network: everything Fit and the output schema need.</summary>
internal sealed record LabelInfo(string ColumnName, PredictionKind Kind, int ClassCount, DataViewSchema.Annotations? KeyAnnotations, string[] ClassNames)
{
    /// <summary>Checks the label column of <paramref name="schema"/> for <paramref name="kind"/> and <paramref name="shape"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The column is missing or has a type the task cannot use (ML.NET's schema-mismatch convention).</exception>
    public static LabelInfo Bind(DataViewSchema schema, string name, PredictionKind kind, NetworkShape shape)
    {
        DataViewSchema.Column column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentOutOfRangeException(nameof(schema), $"Label column '{name}' not found. The data has columns: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name))}.");
        DataViewType type = column.Type;
        switch (kind)
        {
            case PredictionKind.BinaryClassification:
                if (type != BooleanDataViewType.Instance)
                    throw Mismatch(name, "Boolean (binary classification)", type);
                return new LabelInfo(name, kind, 2, null, ["False", "True"]);

            case PredictionKind.MulticlassClassification:
                if (type is not KeyDataViewType key || key.RawType != typeof(uint))
                    throw Mismatch(name, "a key of UInt32 (use MapValueToKey on the label)", type);
                if (key.Count > (ulong)shape.OutputCount)
                    throw new ArgumentOutOfRangeException(nameof(schema),
                        $"Label column '{name}' has {key.Count} classes but network '{shape.Name}' has {shape.OutputCount} outputs; declare an output layer of at least {key.Count} units.");
                return new LabelInfo(name, kind, (int)key.Count, column.Annotations, ClassNamesOf(column, (int)key.Count));

            default:
                if (shape.OutputCount == 1 && type != NumberDataViewType.Single)
                    throw Mismatch(name, "Single (regression)", type);
                if (shape.OutputCount > 1 && !(type is VectorDataViewType v && v.ItemType == NumberDataViewType.Single && v.Size == shape.OutputCount))
                    throw Mismatch(name, $"a vector of {shape.OutputCount} Single (network '{shape.Name}' has {shape.OutputCount} outputs)", type);
                return new LabelInfo(name, kind, shape.OutputCount, null, []);
        }
    }

    private static ArgumentOutOfRangeException Mismatch(string name, string expected, DataViewType actual) =>
        new("schema", $"Schema mismatch for label column '{name}': expected {expected}, got {actual}.");

    /// <summary>The class names from the key's text values, or "0", "1", … when the key has none.</summary>
    private static string[] ClassNamesOf(DataViewSchema.Column column, int count)
    {
        var names = new string[count];
        DataViewSchema.Column? keyValues = column.Annotations.Schema.GetColumnOrNull("KeyValues");
        if (keyValues is { Type: VectorDataViewType { ItemType: TextDataViewType } })
        {
            VBuffer<ReadOnlyMemory<char>> values = default;
            column.GetKeyValues(ref values);
            ReadOnlySpan<ReadOnlyMemory<char>> dense = values.DenseValues().ToArray();
            for (int i = 0; i < count; i++) names[i] = i < dense.Length ? dense[i].ToString() : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return names;
        }

        if (keyValues is not null)
        {
            // Numeric key values (e.g. digits mapped to keys): read them through the annotation's own getter.
            for (int i = 0; i < count; i++) names[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            TryNumericNames(column.Annotations, keyValues.Value, names);
            return names;
        }

        for (int i = 0; i < count; i++) names[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return names;
    }

    private static void TryNumericNames(DataViewSchema.Annotations annotations, DataViewSchema.Column keyValues, string[] names)
    {
        if (keyValues.Type is not VectorDataViewType vector) return;
        if (vector.ItemType == NumberDataViewType.Single) Fill<float>(annotations, keyValues, names);
        else if (vector.ItemType == NumberDataViewType.Double) Fill<double>(annotations, keyValues, names);
        else if (vector.ItemType == NumberDataViewType.Int32) Fill<int>(annotations, keyValues, names);
        else if (vector.ItemType == NumberDataViewType.UInt32) Fill<uint>(annotations, keyValues, names);
        else if (vector.ItemType == NumberDataViewType.Int64) Fill<long>(annotations, keyValues, names);
    }

    private static void Fill<T>(DataViewSchema.Annotations annotations, DataViewSchema.Column keyValues, string[] names)
    {
        VBuffer<T> values = default;
        annotations.GetValue(keyValues.Name, ref values);
        T[] dense = values.DenseValues().ToArray();
        for (int i = 0; i < names.Length && i < dense.Length; i++)
            names[i] = Convert.ToString(dense[i], System.Globalization.CultureInfo.InvariantCulture) ?? names[i];
    }
}
