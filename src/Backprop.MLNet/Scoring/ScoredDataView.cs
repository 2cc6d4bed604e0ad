using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Model.OnnxConverter;

namespace Backprop.MLNet.Scoring;

/// <summary>
/// The lazy result of <see cref="BackpropTransformer.Transform"/>: the input's rows with the output columns, computed as
/// cursors move. Like the views of ML.NET's own transformers it is a data transform over its source that can write
/// itself as ONNX, so <c>mlContext.Model.ConvertToOnnx</c> walks through it to the transforms before it.
/// </summary>
internal sealed class ScoredDataView : ITransformCanSaveOnnx
{
    private readonly IDataView _input;
    private readonly ScoredColumns _columns;

    public ScoredDataView(BackpropTransformer transformer, IDataView input)
    {
        _input = input;
        _columns = new ScoredColumns(transformer, input.Schema);
    }

    public IDataView Source => _input;

    public bool CanSaveOnnx(OnnxContext ctx) => true; // a network beyond the converter's opset fails in SaveAsOnnx, saying why

    public void SaveAsOnnx(OnnxContext ctx) => OnnxScoring.Save(_columns.Transformer, _columns.Output, ctx);

    /// <summary>A data transform is saved by its transformer, never on its own.</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException("Save the Backprop transformer (mlContext.Model.Save), not the data view it returned.");

    public bool CanShuffle => _input.CanShuffle;

    public DataViewSchema Schema => _columns.Output;

    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        DataViewSchema.Column[] needed = columnsNeeded.ToArray();
        return new ScoredCursor(_columns, _input.GetRowCursor(_columns.Dependencies(needed), rand), needed);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];
}

/// <summary>The row-to-row mapper behind <c>CreatePredictionEngine</c>: one scored row over one input row.</summary>
internal sealed class ScoredRowMapper : IRowToRowMapper
{
    private readonly ScoredColumns _columns;

    public ScoredRowMapper(BackpropTransformer transformer, DataViewSchema input) => _columns = new ScoredColumns(transformer, input);

    public DataViewSchema InputSchema => _columns.Input;

    public DataViewSchema OutputSchema => _columns.Output;

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) =>
        _columns.Dependencies(dependingColumns);

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns) =>
        new ScoredRow(_columns, input, activeColumns);
}
