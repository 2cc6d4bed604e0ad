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

    /// <summary>The class names from the key's values (text, Boolean, numbers, …), or "0", "1", … when the key has none.</summary>
    private static string[] ClassNamesOf(DataViewSchema.Column column, int count) => KeyValueTypes.ClassNames(column.Annotations, count);
}
