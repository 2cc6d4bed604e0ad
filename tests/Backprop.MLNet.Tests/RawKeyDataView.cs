using Microsoft.ML;
using Microsoft.ML.Data;

namespace Backprop.MLNet.Tests;

/// <summary>
/// A data view whose label column is a key of <c>classes</c> values holding raw keys as given, out-of-range ones
/// included: what a custom or buggy data source can produce (ML.NET's own loaders turn them into missing values).
/// </summary>
internal sealed class RawKeyDataView : IDataView
{
    private readonly float[][] _features;
    private readonly uint[] _keys;

    public RawKeyDataView(float[][] features, uint[] keys, int classes)
    {
        _features = features;
        _keys = keys;
        var builder = new DataViewSchema.Builder();
        builder.AddColumn("Features", new VectorDataViewType(NumberDataViewType.Single, features[0].Length));
        builder.AddColumn("Label", new KeyDataViewType(typeof(uint), classes));
        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _keys.Length;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private sealed class Cursor(RawKeyDataView view) : DataViewRowCursor
    {
        private long _position = -1;

        public override DataViewSchema Schema => view.Schema;

        public override long Position => _position;

        public override long Batch => 0;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override bool MoveNext() => ++_position < view._keys.Length;

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index == 0)
            {
                ValueGetter<VBuffer<float>> features = (ref VBuffer<float> value) => value = new VBuffer<float>(view._features[_position].Length, view._features[_position]);
                return (ValueGetter<TValue>)(Delegate)features;
            }

            ValueGetter<uint> key = (ref uint value) => value = view._keys[_position];
            return (ValueGetter<TValue>)(Delegate)key;
        }
    }
}
