using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Backprop.MLNet.Training;

/// <summary>
/// The item types a label key's KeyValues can have (every ML.NET primitive type), each once: its code in the model
/// file, how a value becomes a class name, and how the name is parsed back. Saving writes the code and the names;
/// loading rebuilds KeyValues of the same type, so that MapKeyToValue after a loaded model gives back Boolean labels
/// as Boolean, numbers as numbers, text as text.
/// </summary>
internal static class KeyValueTypes
{
    /// <summary>The code written when the label key has no KeyValues.</summary>
    public const byte None = 255;

    // Codes 0–5 were written by earlier versions; never renumber, only append.
    private static readonly Entry[] Entries =
    [
        new Entry<ReadOnlyMemory<char>>(0, TextDataViewType.Instance, v => v.ToString(), s => s.AsMemory()),
        new Entry<float>(1, NumberDataViewType.Single, v => v.ToString("R", CultureInfo.InvariantCulture), s => float.Parse(s, CultureInfo.InvariantCulture)),
        new Entry<double>(2, NumberDataViewType.Double, v => v.ToString("R", CultureInfo.InvariantCulture), s => double.Parse(s, CultureInfo.InvariantCulture)),
        new Entry<int>(3, NumberDataViewType.Int32, v => v.ToString(CultureInfo.InvariantCulture), s => int.Parse(s, CultureInfo.InvariantCulture)),
        new Entry<uint>(4, NumberDataViewType.UInt32, v => v.ToString(CultureInfo.InvariantCulture), s => uint.Parse(s, CultureInfo.InvariantCulture)),
        new Entry<long>(5, NumberDataViewType.Int64, v => v.ToString(CultureInfo.InvariantCulture), s => long.Parse(s, CultureInfo.InvariantCulture)),
        new Entry<bool>(6, BooleanDataViewType.Instance, v => v ? "True" : "False", bool.Parse),
        new Entry<sbyte>(7, NumberDataViewType.SByte, v => v.ToString(CultureInfo.InvariantCulture), s => sbyte.Parse(s, CultureInfo.InvariantCulture)),
        new Entry<byte>(8, NumberDataViewType.Byte, v => v.ToString(CultureInfo.InvariantCulture), s => byte.Parse(s, CultureInfo.InvariantCulture)),
        new Entry<short>(9, NumberDataViewType.Int16, v => v.ToString(CultureInfo.InvariantCulture), s => short.Parse(s, CultureInfo.InvariantCulture)),
        new Entry<ushort>(10, NumberDataViewType.UInt16, v => v.ToString(CultureInfo.InvariantCulture), s => ushort.Parse(s, CultureInfo.InvariantCulture)),
        new Entry<ulong>(11, NumberDataViewType.UInt64, v => v.ToString(CultureInfo.InvariantCulture), s => ulong.Parse(s, CultureInfo.InvariantCulture)),
        new Entry<DateTime>(12, DateTimeDataViewType.Instance, v => v.ToString("O", CultureInfo.InvariantCulture),
            s => DateTime.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)),
        new Entry<DateTimeOffset>(13, DateTimeOffsetDataViewType.Instance, v => v.ToString("O", CultureInfo.InvariantCulture),
            s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)),
        new Entry<TimeSpan>(14, TimeSpanDataViewType.Instance, v => v.ToString("c", CultureInfo.InvariantCulture), s => TimeSpan.ParseExact(s, "c", CultureInfo.InvariantCulture)),
    ];

    /// <summary>The code of the KeyValues' item type in <paramref name="annotations"/>, or <see cref="None"/> without KeyValues.</summary>
    /// <exception cref="InvalidOperationException">The KeyValues have an item type ML.NET does not define (the model could not be loaded as it was).</exception>
    public static byte CodeOf(DataViewSchema.Annotations? annotations)
    {
        if (KeyValuesColumn(annotations) is not { Type: VectorDataViewType vector }) return None;
        return Find(vector.ItemType)?.Code
               ?? throw new InvalidOperationException($"The label's key values are of type {vector.ItemType}, which a Backprop model cannot save; map the label from text, a Boolean or a number.");
    }

    /// <summary>The class names: the key values formatted (invariant culture), "0", "1", … past them or without any.</summary>
    public static string[] ClassNames(DataViewSchema.Annotations annotations, int count)
    {
        var names = new string[count];
        for (int i = 0; i < count; i++) names[i] = i.ToString(CultureInfo.InvariantCulture);
        if (KeyValuesColumn(annotations) is { Type: VectorDataViewType vector } column) Find(vector.ItemType)?.FormatInto(annotations, column, names);
        return names;
    }

    /// <summary>KeyValues annotations of the item type <paramref name="code"/> holding <paramref name="names"/> parsed back.</summary>
    /// <exception cref="InvalidDataException">The code is unknown, or a name does not parse as its type.</exception>
    public static DataViewSchema.Annotations Annotations(byte code, string[] names)
    {
        Entry entry = Array.Find(Entries, e => e.Code == code)
            ?? throw new InvalidDataException($"The model's label has key values of unknown type code {code}: the model was written by a newer Backprop, or is corrupt.");
        var builder = new DataViewSchema.Annotations.Builder();
        entry.AddParsed(builder, names);
        return builder.ToAnnotations();
    }

    /// <summary>
    /// Adds the label's key values under <paramref name="kind"/> (ML.NET's multiclass scorers put them on Score as
    /// TrainingLabelValues); nothing when the label has no KeyValues.
    /// </summary>
    public static void AddKeyValuesAs(DataViewSchema.Annotations.Builder builder, DataViewSchema.Annotations? annotations, string kind)
    {
        if (KeyValuesColumn(annotations) is { Type: VectorDataViewType vector } column) Find(vector.ItemType)?.CopyAs(annotations!, column, builder, kind);
    }

    private static DataViewSchema.Column? KeyValuesColumn(DataViewSchema.Annotations? annotations) =>
        annotations?.Schema.GetColumnOrNull(AnnotationUtils.Kinds.KeyValues);

    private static Entry? Find(DataViewType itemType) => Array.Find(Entries, e => e.Type.Equals(itemType));

    private abstract class Entry(byte code, PrimitiveDataViewType type)
    {
        public byte Code { get; } = code;

        public PrimitiveDataViewType Type { get; } = type;

        public abstract void FormatInto(DataViewSchema.Annotations annotations, DataViewSchema.Column keyValues, string[] names);

        public abstract void AddParsed(DataViewSchema.Annotations.Builder builder, string[] names);

        public abstract void CopyAs(DataViewSchema.Annotations annotations, DataViewSchema.Column keyValues, DataViewSchema.Annotations.Builder builder, string kind);
    }

    private sealed class Entry<T>(byte code, PrimitiveDataViewType type, Func<T, string> format, Func<string, T> parse) : Entry(code, type)
    {
        public override void FormatInto(DataViewSchema.Annotations annotations, DataViewSchema.Column keyValues, string[] names)
        {
            VBuffer<T> values = default;
            annotations.GetValue(keyValues.Name, ref values);
            T[] dense = values.DenseValues().ToArray();
            for (int i = 0; i < names.Length && i < dense.Length; i++) names[i] = format(dense[i]);
        }

        public override void CopyAs(DataViewSchema.Annotations annotations, DataViewSchema.Column keyValues, DataViewSchema.Annotations.Builder builder, string kind)
        {
            VBuffer<T> values = default;
            annotations.GetValue(keyValues.Name, ref values);
            T[] dense = values.DenseValues().ToArray();
            builder.Add(kind, keyValues.Type, (ref VBuffer<T> value) => value = new VBuffer<T>(dense.Length, (T[])dense.Clone()));
        }

        public override void AddParsed(DataViewSchema.Annotations.Builder builder, string[] names)
        {
            T[] values;
            try
            {
                values = names.Select(parse).ToArray();
            }
            catch (FormatException exception)
            {
                throw new InvalidDataException($"The model's label has a class name that is not a {Type}: {exception.Message}", exception);
            }

            builder.Add(AnnotationUtils.Kinds.KeyValues, new VectorDataViewType(Type, values.Length),
                (ref VBuffer<T> value) => value = new VBuffer<T>(values.Length, (T[])values.Clone()));
        }
    }
}
