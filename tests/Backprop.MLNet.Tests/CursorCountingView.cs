using Microsoft.ML;
using Microsoft.ML.Data;

namespace Backprop.MLNet.Tests;

/// <summary>A data view that passes everything to another and counts the cursors asked of it (one cursor = one pass).</summary>
internal sealed class CursorCountingView(IDataView inner) : IDataView
{
    public int Cursors { get; private set; }

    public bool CanShuffle => inner.CanShuffle;

    public DataViewSchema Schema => inner.Schema;

    public long? GetRowCount() => inner.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        Cursors++;
        return inner.GetRowCursor(columnsNeeded, rand);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null)
    {
        Cursors++;
        return inner.GetRowCursorSet(columnsNeeded, n, rand);
    }
}
