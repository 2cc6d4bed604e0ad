using Microsoft.ML;
using Microsoft.ML.Data;

namespace Backprop.MLNet.Scoring;

/// <summary>Which columns of the scored schema are inputs passed through and which are outputs computed by a <see cref="Scorer"/>.</summary>
internal sealed class ScoredColumns
{
    public ScoredColumns(BackpropTransformer transformer, DataViewSchema input)
    {
        Transformer = transformer;
        Input = input;
        Output = transformer.GetOutputSchema(input);
    }

    public BackpropTransformer Transformer { get; }

    public DataViewSchema Input { get; }

    public DataViewSchema Output { get; }

    public bool IsOutput(DataViewSchema.Column column) => column.Index >= Input.Count;

    /// <summary>The input columns needed to serve <paramref name="columns"/>: the pass-through ones, plus the features when any output is asked for.</summary>
    public IEnumerable<DataViewSchema.Column> Dependencies(IEnumerable<DataViewSchema.Column> columns)
    {
        var needed = new HashSet<int>();
        foreach (DataViewSchema.Column column in columns)
        {
            if (IsOutput(column)) needed.Add(Input[Transformer.FeatureColumnName].Index);
            else needed.Add(column.Index);
        }

        return needed.Order().Select(i => Input[i]);
    }
}

/// <summary>A row of the scored schema over a row of the input: input columns pass through, outputs are computed once per row.</summary>
internal sealed class ScoredRow : DataViewRow
{
    private readonly ScoredColumns _columns;
    private readonly DataViewRow _input;
    private readonly HashSet<int> _active;
    private readonly Scorer? _scorer;

    public ScoredRow(ScoredColumns columns, DataViewRow input, IEnumerable<DataViewSchema.Column> active)
    {
        _columns = columns;
        _input = input;
        _active = active.Select(c => c.Index).ToHashSet();
        if (_active.Any(i => i >= columns.Input.Count)) _scorer = new Scorer(columns.Transformer, input);
    }

    public override long Position => _input.Position;

    public override long Batch => _input.Batch;

    public override DataViewSchema Schema => _columns.Output;

    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) =>
        _columns.IsOutput(column) ? _active.Contains(column.Index) : _input.IsColumnActive(_columns.Input[column.Index]);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) =>
        Getters.For<TValue>(_columns, _input, _scorer, column, IsColumnActive(column));

    protected override void Dispose(bool disposing)
    {
        if (disposing) _input.Dispose();
        base.Dispose(disposing);
    }
}

/// <summary>A cursor of the scored schema over a cursor of the input: a <see cref="ScoredRow"/> that moves.</summary>
internal sealed class ScoredCursor : DataViewRowCursor
{
    private readonly DataViewRowCursor _input;
    private readonly ScoredRow _row;

    public ScoredCursor(ScoredColumns columns, DataViewRowCursor input, IEnumerable<DataViewSchema.Column> active)
    {
        _input = input;
        _row = new ScoredRow(columns, input, active);
    }

    public override long Position => _row.Position;

    public override long Batch => _row.Batch;

    public override DataViewSchema Schema => _row.Schema;

    public override bool MoveNext() => _input.MoveNext();

    public override ValueGetter<DataViewRowId> GetIdGetter() => _row.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) => _row.IsColumnActive(column);

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _row.GetGetter<TValue>(column);

    protected override void Dispose(bool disposing)
    {
        if (disposing) _row.Dispose(); // disposes the input cursor
        base.Dispose(disposing);
    }
}

/// <summary>The getter logic shared by <see cref="ScoredRow"/> and <see cref="ScoredCursor"/>.</summary>
internal static class Getters
{
    public static ValueGetter<TValue> For<TValue>(ScoredColumns columns, DataViewRow input, Scorer? scorer, DataViewSchema.Column column, bool active)
    {
        if (!active) throw new InvalidOperationException($"Column '{column.Name}' was not requested from this cursor; include it in the columns needed.");
        if (!columns.IsOutput(column)) return input.GetGetter<TValue>(columns.Input[column.Index]);
        Delegate getter = scorer!.GetGetter(column.Name);
        return getter as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' has type {column.Type}; it cannot be read as {typeof(TValue).Name}.");
    }
}
