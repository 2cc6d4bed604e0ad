using Microsoft.ML;
using Microsoft.ML.Data;

namespace Backprop.MLNet.Scoring;

/// <summary>
/// Runs the network once per row (cached by row position) and serves the output columns' getters. One scorer per
/// cursor or row, each with its own buffers: the network itself is shared and thread-safe.
/// </summary>
internal sealed class Scorer
{
    private readonly BackpropTransformer _transformer;
    private readonly DataViewRow _input;
    private readonly ValueGetter<VBuffer<float>> _features;
    private readonly float[] _inputBuffer;
    private readonly float[] _outputBuffer;
    private VBuffer<float> _featureBuffer;
    private long _computedPosition = -1;

    public Scorer(BackpropTransformer transformer, DataViewRow input)
    {
        _transformer = transformer;
        _input = input;
        _features = input.GetGetter<VBuffer<float>>(input.Schema[transformer.FeatureColumnName]);
        NetworkShape shape = transformer.Model.Shape;
        _inputBuffer = new float[shape.InputCount];
        _outputBuffer = new float[shape.OutputCount];
    }

    /// <summary>The getter for output column <paramref name="name"/>.</summary>
    public Delegate GetGetter(string name)
    {
        int classes = _transformer.ScoreSize;
        switch (_transformer.Kind, name)
        {
            case (PredictionKind.BinaryClassification, OutputSchema.Score):
                return (ValueGetter<float>)((ref float value) => value = Logit(Probability()));
            case (PredictionKind.BinaryClassification, OutputSchema.Probability):
                return (ValueGetter<float>)((ref float value) => value = Probability());
            case (PredictionKind.BinaryClassification, OutputSchema.PredictedLabel):
                return (ValueGetter<bool>)((ref bool value) => value = Probability() > 0.5f);
            case (PredictionKind.MulticlassClassification, OutputSchema.PredictedLabel):
                return (ValueGetter<uint>)((ref uint value) => value = (uint)ArgMax(Compute().AsSpan(0, classes)) + 1);
            default:
                if (classes == 1 && _transformer.Kind == PredictionKind.Regression)
                    return (ValueGetter<float>)((ref float value) => value = Compute()[0]);
                return (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
                {
                    float[] output = Compute();
                    var editor = VBufferEditor.Create(ref value, classes);
                    output.AsSpan(0, classes).CopyTo(editor.Values);
                    value = editor.Commit();
                });
        }
    }

    /// <summary>The network's outputs for the current row (computed once per row).</summary>
    private float[] Compute()
    {
        if (_computedPosition != _input.Position)
        {
            _features(ref _featureBuffer);
            if (_featureBuffer.Length != _inputBuffer.Length)
                throw new InvalidOperationException($"Row {_input.Position}: feature column '{_transformer.FeatureColumnName}' has {_featureBuffer.Length} values; network '{_transformer.Model.Shape.Name}' was trained on {_inputBuffer.Length}.");
            Training.FeatureInfo.CopyDense(_featureBuffer, _inputBuffer);
            _transformer.Standardizer?.Apply(_inputBuffer);
            _transformer.Model.Network.Forward(_inputBuffer, _outputBuffer);
            _transformer.LabelStandardizer?.Restore(_outputBuffer);
            _computedPosition = _input.Position;
        }

        return _outputBuffer;
    }

    /// <summary>P(true): the sigmoid output, or the second softmax output of a two-class network.</summary>
    private float Probability()
    {
        float[] output = Compute();
        return output.Length == 1 ? output[0] : output[1];
    }

    private static float Logit(float p)
    {
        const float floor = 1e-7f;
        p = Math.Clamp(p, floor, 1f - floor);
        return MathF.Log(p / (1f - p));
    }

    private static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
            if (values[i] > values[best]) best = i;
        return best;
    }
}
