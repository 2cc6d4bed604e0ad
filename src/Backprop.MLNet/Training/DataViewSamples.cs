using Backprop.Training;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Backprop.MLNet.Training;

/// <summary>
/// An <see cref="IDataView"/> as training samples: a cursor over the feature and label columns with one reused
/// buffer each (nothing per row), dense or sparse features, and labels turned into target vectors — bool → 0/1,
/// key → one-hot, float (vector) → itself — and, with an example-weight column, each row's weight. Rows whose label is missing (key 0, NaN) are skipped, as ML.NET's trainers
/// do; a key beyond the label's classes is an error that names the row and the key.
/// </summary>
internal sealed class DataViewSamples : ISampleSource
{
    private readonly IDataView _data;
    private readonly DataViewSchema.Column _features;
    private readonly DataViewSchema.Column _label;
    private readonly DataViewSchema.Column? _weight;
    private readonly LabelInfo _labelInfo;
    private readonly NetworkShape _shape;

    public DataViewSamples(IDataView data, DataViewSchema.Column features, LabelInfo label, DataViewSchema.Column? weight, NetworkShape shape)
    {
        _data = data;
        _features = features;
        _label = data.Schema[label.ColumnName];
        _weight = weight;
        _labelInfo = label;
        _shape = shape;
    }

    /// <summary>Whether the view can hand out cursors in a random order.</summary>
    public bool CanShuffle => _data.CanShuffle;

    /// <summary>The example-weight column, or null when rows are unweighted.</summary>
    public string? WeightColumnName => _weight?.Name;

    public bool HasWeights => _weight is not null;

    public int InputCount => _shape.InputCount;

    /// <summary>The standardisation applied to every feature vector read, or null (set once the statistics are known).</summary>
    public FeatureStandardizer? Standardizer { get; set; }

    /// <summary>The standardisation applied to every target read (regression), or null (set once the statistics are known).</summary>
    public LabelStandardizer? LabelStandardizer { get; set; }

    public int TargetCount => _shape.OutputCount;

    /// <summary>Per target: the mean and population variance over the labelled rows (in double, Welford), from <see cref="Scan"/>.</summary>
    public (double[] Mean, double[] Variance)? TargetStatistics { get; private set; }

    /// <summary>Rows with a label, counted by <see cref="Scan"/>.</summary>
    public long? Count { get; private set; }

    /// <summary>Rows of the view, counted by <see cref="Scan"/>.</summary>
    public long Rows { get; private set; }

    /// <summary>The first row (in stored order) whose label is missing, found by <see cref="Scan"/>; null when none is.</summary>
    public long? FirstMissingRow { get; private set; }

    /// <summary>A sentence on rows skipped for a missing label, for the log; null when none was.</summary>
    public string? SkippedRowsMessage => Count is long labelled && labelled < Rows
        ? $"Skipped {Rows - labelled} of {Rows} rows whose label '{_labelInfo.ColumnName}' is missing (the first is row {FirstMissingRow}){OutOfRangeNote}."
        : null;

    /// <summary>For key labels: ML.NET's loaders turn a value past the key's count into a missing key, so say so.</summary>
    private string OutOfRangeNote => _labelInfo.Kind == PredictionKind.MulticlassClassification
        ? $"; a value beyond the key type's {_labelInfo.ClassCount} classes also reads as missing when ML.NET loads it, so check the label's values if you did not expect missing ones"
        : "";

    /// <summary>
    /// One pass in stored order before training: counts the rows with a label and rejects an empty view, an all-missing
    /// label column and NaN/∞ features with the row number, so that errors surface at Fit, not mid-training. The labelled
    /// rows are kept in memory on the way while they fit <paramref name="memoryLimit"/> bytes (<see cref="KeptRows"/>):
    /// then this is the only pass over the view.
    /// </summary>
    /// <param name="what">Which view this is, for the messages ("training", "validation").</param>
    /// <param name="memoryLimit">Bytes the kept rows may take (4 per input, target and weight); 0 keeps none.</param>
    public void Scan(string what = "training", long memoryLimit = 0)
    {
        long rows = 0, labelled = 0;
        double[] mean = new double[TargetCount], m2 = new double[TargetCount];
        var copy = new RowCopy(InputCount, TargetCount, HasWeights, memoryLimit, _data.GetRowCount());
        using (var cursor = new Cursor(this, null, rejectNonFinite: true, raw: true))
        {
            copy.Slot(out Span<float> input, out Span<float> target); // each row is read straight into its place in the copy
            while (cursor.MoveNext(input, target))
            {
                labelled++;
                for (int j = 0; j < target.Length; j++)
                {
                    double delta = target[j] - mean[j];
                    mean[j] += delta / labelled;
                    m2[j] += delta * (target[j] - mean[j]);
                }

                copy.Commit(cursor.Weight);
                copy.Slot(out input, out target);
            }

            rows = cursor.RowsSeen;
            FirstMissingRow = cursor.FirstMissingRow;
        }

        if (rows == 0) throw new InvalidOperationException($"The {what} data view has no rows.");
        if (labelled == 0)
            throw new InvalidOperationException($"Label column '{_labelInfo.ColumnName}' is missing in all {rows} rows; there is nothing to train on{OutOfRangeNote}.");
        Rows = rows;
        Count = labelled;
        TargetStatistics = (mean, m2.Select(m => m / labelled).ToArray());
        KeptRows = copy.Kept ? copy.ToSamples() : null;
    }

    /// <summary>
    /// The labelled rows as <see cref="Scan"/> read them (unstandardised, stored order) when they fitted its memory
    /// budget; null otherwise, and after <see cref="TakeKeptRows"/>.
    /// </summary>
    public InMemorySamples? KeptRows { get; private set; }

    /// <summary>
    /// The kept rows standardised in place with <see cref="Standardizer"/> and <see cref="LabelStandardizer"/> (as a cursor
    /// applies them to each row it reads), handed over once: <see cref="KeptRows"/> is null afterwards. Null when none were kept.
    /// </summary>
    public InMemorySamples? TakeKeptRows()
    {
        InMemorySamples? rows = KeptRows;
        KeptRows = null;
        if (rows is null) return null;
        if (Standardizer is { } features)
            for (int r = 0; r < rows.Rows; r++) features.Apply(rows.InputValues.AsSpan(r * InputCount, InputCount));
        if (LabelStandardizer is { } label)
            for (int r = 0; r < rows.Rows; r++) label.Apply(rows.TargetValues.AsSpan(r * TargetCount, TargetCount));
        return rows;
    }

    public ISampleCursor Open(int? shuffleSeed) =>
        new Cursor(this, shuffleSeed is int seed && _data.CanShuffle ? new Random(seed) : null, rejectNonFinite: false, raw: false);

    private sealed class Cursor : ISampleCursor
    {
        private readonly DataViewSamples _owner;
        private readonly DataViewRowCursor _cursor;
        private readonly ValueGetter<VBuffer<float>> _features;
        private readonly ValueGetter<DataViewRowId> _id;
        private readonly ValueGetter<float>? _weight;
        private readonly Func<Span<float>, bool> _readLabel;
        private readonly bool _rejectNonFinite;
        private readonly bool _raw;
        private VBuffer<float> _featureBuffer;

        // raw: leave features and targets unstandardised (the scan that computes the statistics).
        public Cursor(DataViewSamples owner, Random? shuffle, bool rejectNonFinite, bool raw)
        {
            _owner = owner;
            _rejectNonFinite = rejectNonFinite;
            _raw = raw;
            _cursor = owner._data.GetRowCursor(owner._weight is { } w ? [owner._features, owner._label, w] : [owner._features, owner._label], shuffle);
            _features = _cursor.GetGetter<VBuffer<float>>(owner._features);
            if (owner._weight is { } weight) _weight = _cursor.GetGetter<float>(weight);
            _id = _cursor.GetIdGetter();
            _readLabel = LabelReader(_cursor, owner._label, owner._labelInfo, owner._shape);
        }

        public long RowsSeen { get; private set; }

        /// <summary>The position of the first row skipped for a missing label.</summary>
        public long? FirstMissingRow { get; private set; }

        /// <summary>The row's position in stored order when not shuffled; otherwise the low half of its ML.NET row id (a stable identity, the stored position for file-backed views).</summary>
        public long Row { get; private set; } = -1;

        /// <summary>The row's example weight (1 without a weight column).</summary>
        public float Weight { get; private set; } = 1f;

        public bool MoveNext(Span<float> input, Span<float> target)
        {
            while (_cursor.MoveNext())
            {
                RowsSeen++;
                DataViewRowId id = default;
                _id(ref id);
                Row = (long)id.Low;
                if (!_readLabel(target))
                {
                    FirstMissingRow ??= _cursor.Position;
                    continue;
                }

                _features(ref _featureBuffer);
                if (_featureBuffer.Length != input.Length)
                    throw new InvalidDataException($"Row {_cursor.Position}: feature column '{_owner._features.Name}' has {_featureBuffer.Length} values; expected {input.Length}.");
                FeatureInfo.CopyDense(_featureBuffer, input);
                if (_rejectNonFinite) RejectNonFinite(input, _cursor.Position);
                if (!_raw)
                {
                    _owner.Standardizer?.Apply(input);
                    _owner.LabelStandardizer?.Apply(target);
                }

                if (_weight is not null) ReadWeight();
                return true;
            }

            return false;
        }

        private void ReadWeight()
        {
            float weight = 0;
            _weight!(ref weight);
            if (!(weight >= 0f) || !float.IsFinite(weight))
                throw new InvalidDataException($"Row {_cursor.Position}: example weight column '{_owner._weight!.Value.Name}' holds {weight}; weights must be finite and non-negative.");
            Weight = weight;
        }

        private void RejectNonFinite(ReadOnlySpan<float> input, long row)
        {
            if (Backprop.Kernels.StepKernels.AllFinite(input)) return; // vectorised; the loop below finds the value to name
            for (int i = 0; i < input.Length; i++)
                if (!float.IsFinite(input[i]))
                    throw new InvalidDataException($"Row {row}: feature {i} of column '{_owner._features.Name}' is {input[i]}; features must be finite numbers (replace missing values first, e.g. with ReplaceMissingValues).");
        }

        public void Dispose() => _cursor.Dispose();

        /// <summary>A reader that writes the target vector for the current row and returns false when the label is missing.</summary>
        /// <exception cref="InvalidDataException">A key label is beyond the label's classes (the message names the row and the key).</exception>
        private static Func<Span<float>, bool> LabelReader(DataViewRowCursor cursor, DataViewSchema.Column label, LabelInfo info, NetworkShape shape)
        {
            switch (info.Kind)
            {
                case PredictionKind.BinaryClassification:
                {
                    ValueGetter<bool> get = cursor.GetGetter<bool>(label);
                    bool value = false;
                    return target =>
                    {
                        get(ref value);
                        if (target.Length == 1) target[0] = value ? 1f : 0f;
                        else
                        {
                            target.Clear();
                            target[value ? 1 : 0] = 1f;
                        }

                        return true;
                    };
                }

                case PredictionKind.MulticlassClassification:
                {
                    ValueGetter<uint> get = cursor.GetGetter<uint>(label);
                    uint key = 0;
                    return target =>
                    {
                        get(ref key);
                        if (key == 0) return false; // key 0 is ML.NET's missing value
                        if (key > info.ClassCount)
                            throw new InvalidDataException(
                                $"Row {cursor.Position}: label column '{label.Name}' holds key {key}, but its key type has {info.ClassCount} classes (keys 1 to {info.ClassCount}; 0 is missing) " +
                                $"for the {shape.OutputCount} outputs of network '{shape.Name}'. Map the label with MapValueToKey, or declare the key type's count to cover every class.");
                        target.Clear();
                        target[(int)key - 1] = 1f;
                        return true;
                    };
                }

                default:
                    if (label.Type is VectorDataViewType)
                    {
                        ValueGetter<VBuffer<float>> getVector = cursor.GetGetter<VBuffer<float>>(label);
                        VBuffer<float> vector = default;
                        return target =>
                        {
                            getVector(ref vector);
                            FeatureInfo.CopyDense(vector, target);
                            foreach (float t in target)
                                if (float.IsNaN(t)) return false;
                            return true;
                        };
                    }

                    ValueGetter<float> getValue = cursor.GetGetter<float>(label);
                    float number = 0;
                    return target =>
                    {
                        getValue(ref number);
                        target[0] = number;
                        return !float.IsNaN(number);
                    };
            }
        }
    }
}
