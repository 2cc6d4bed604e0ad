using Backprop.MLNet.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Backprop.MLNet.Scoring;

/// <summary>
/// The columns a Backprop transformer adds, with the annotations ML.NET's own trainers put on them, so that the
/// evaluators, MapKeyToValue and PFI find what they expect.
/// </summary>
internal static class OutputSchema
{
    public const string Score = "Score";
    public const string Probability = "Probability";
    public const string PredictedLabel = "PredictedLabel";

    private static readonly KeyDataViewType ScoreColumnSetIdType = new(typeof(uint), int.MaxValue);

    /// <summary>Names of the output columns for <paramref name="kind"/>, in order.</summary>
    public static string[] ColumnNames(PredictionKind kind) => kind switch
    {
        PredictionKind.BinaryClassification => [Score, Probability, PredictedLabel],
        PredictionKind.MulticlassClassification => [Score, PredictedLabel],
        PredictionKind.Regression => [Score],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown prediction kind."),
    };

    /// <summary>The input schema followed by the output columns.</summary>
    public static DataViewSchema Build(DataViewSchema input, PredictionKind kind, int scoreSize, LabelInfo? label)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input);
        uint setId = NextScoreColumnSetId(input);
        string kindName = kind switch
        {
            PredictionKind.BinaryClassification => "BinaryClassification",
            PredictionKind.MulticlassClassification => "MulticlassClassification",
            PredictionKind.Regression => "Regression",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown prediction kind."),
        };

        switch (kind)
        {
            case PredictionKind.BinaryClassification:
                builder.AddColumn(Score, NumberDataViewType.Single, ScoreAnnotations(setId, kindName, "Score").ToAnnotations());
                var probability = ScoreAnnotations(setId, kindName, "Probability");
                probability.Add("IsNormalized", BooleanDataViewType.Instance, (ref bool value) => value = true);
                builder.AddColumn(Probability, NumberDataViewType.Single, probability.ToAnnotations());
                builder.AddColumn(PredictedLabel, BooleanDataViewType.Instance, ScoreAnnotations(setId, kindName, "PredictedLabel").ToAnnotations());
                break;

            case PredictionKind.MulticlassClassification:
                int classes = label!.ClassCount;
                var score = ScoreAnnotations(setId, kindName, "Score");
                string[] names = label.ClassNames;
                score.Add("SlotNames", new VectorDataViewType(TextDataViewType.Instance, classes), (ref VBuffer<ReadOnlyMemory<char>> value) =>
                    value = new VBuffer<ReadOnlyMemory<char>>(classes, names.Select(n => n.AsMemory()).ToArray()));
                KeyValueTypes.AddKeyValuesAs(score, label.KeyAnnotations, "TrainingLabelValues"); // as ML.NET's multiclass scorers do
                builder.AddColumn(Score, new VectorDataViewType(NumberDataViewType.Single, classes), score.ToAnnotations());
                var predicted = ScoreAnnotations(setId, kindName, "PredictedLabel");
                if (label.KeyAnnotations is { } keyAnnotations) predicted.Add(keyAnnotations, kind => kind == "KeyValues");
                else predicted.Add("KeyValues", new VectorDataViewType(TextDataViewType.Instance, classes), (ref VBuffer<ReadOnlyMemory<char>> value) =>
                    value = new VBuffer<ReadOnlyMemory<char>>(classes, names.Select(n => n.AsMemory()).ToArray()));
                builder.AddColumn(PredictedLabel, new KeyDataViewType(typeof(uint), classes), predicted.ToAnnotations());
                break;

            default:
                DataViewType type = scoreSize == 1 ? NumberDataViewType.Single : new VectorDataViewType(NumberDataViewType.Single, scoreSize);
                builder.AddColumn(Score, type, ScoreAnnotations(setId, kindName, "Score").ToAnnotations());
                break;
        }

        return builder.ToSchema();
    }

    /// <summary>The output columns as an estimator reports them (<see cref="SchemaShape"/>), built from a real schema.</summary>
    public static IEnumerable<SchemaShape.Column> Shapes(DataViewSchema outputs, int inputCount)
    {
        for (int i = inputCount; i < outputs.Count; i++) yield return ShapeOf(outputs[i]);
    }

    /// <summary>SchemaShape.Column's constructor is internal; its fields are public and readonly, so fill a default one.</summary>
    private static SchemaShape.Column ShapeOf(DataViewSchema.Column column)
    {
        var shape = default(SchemaShape.Column);
        System.Runtime.CompilerServices.Unsafe.AsRef(in shape.Name) = column.Name;
        System.Runtime.CompilerServices.Unsafe.AsRef(in shape.Kind) = column.Type is VectorDataViewType ? SchemaShape.Column.VectorKind.Vector : SchemaShape.Column.VectorKind.Scalar;
        System.Runtime.CompilerServices.Unsafe.AsRef(in shape.ItemType) = column.Type is VectorDataViewType v ? v.ItemType : column.Type;
        System.Runtime.CompilerServices.Unsafe.AsRef(in shape.IsKey) = column.Type is KeyDataViewType;
        var annotationShapes = column.Annotations.Schema.Select(ShapeOf).ToArray();
        System.Runtime.CompilerServices.Unsafe.AsRef(in shape.Annotations) = new SchemaShape(annotationShapes);
        return shape;
    }

    private static DataViewSchema.Annotations.Builder ScoreAnnotations(uint setId, string kind, string valueKind)
    {
        var builder = new DataViewSchema.Annotations.Builder();
        builder.Add("ScoreColumnSetId", ScoreColumnSetIdType, (ref uint value) => value = setId);
        builder.Add("ScoreColumnKind", TextDataViewType.Instance, (ref ReadOnlyMemory<char> value) => value = kind.AsMemory());
        builder.Add("ScoreValueKind", TextDataViewType.Instance, (ref ReadOnlyMemory<char> value) => value = valueKind.AsMemory());
        return builder;
    }

    /// <summary>One more than the largest score-column set id already in <paramref name="input"/>, as ML.NET's scorers number them.</summary>
    private static uint NextScoreColumnSetId(DataViewSchema input)
    {
        uint max = 0;
        foreach (DataViewSchema.Column column in input)
        {
            if (column.Annotations.Schema.GetColumnOrNull("ScoreColumnSetId") is not { Type: KeyDataViewType { RawType: var raw } } || raw != typeof(uint)) continue;
            uint id = 0;
            column.Annotations.GetValue("ScoreColumnSetId", ref id);
            max = Math.Max(max, id);
        }

        return max + 1;
    }
}
