using BenchmarkDotNet.Attributes;
using Backprop.MLNet;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace Backprop.Benchmarks;

/// <summary>Single-row inference: the iris net's Forward, and ML.NET PredictionEngine.Predict with our model and with SdcaMaximumEntropy.</summary>
[MemoryDiagnoser]
public class InferenceBenchmarks
{
    private readonly float[] _input = [0.2f, -0.4f, 0.6f, 0.1f];
    private readonly float[] _output = new float[3];
    private IrisWorkloadNet _net = new();
    private PredictionEngine<IrisRow, IrisScore> _ours = null!, _sdca = null!;
    private readonly IrisRow _row = new() { Features = [0.2f, -0.4f, 0.6f, 0.1f] };

    [GlobalSetup]
    public void Setup()
    {
        AnchorData data = AnchorData.Load("iris");
        _net = new IrisWorkloadNet(data.InitialParameters);
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, data.Rows).Select(r => new IrisRow
        {
            Features = data.Inputs.AsSpan(r * 4, 4).ToArray(),
            Species = (uint)data.Targets.AsSpan(r * 3, 3).IndexOf(1f),
        }).ToArray();
        IDataView view = ml.Data.LoadFromEnumerable(rows);
        var key = ml.Transforms.Conversion.MapValueToKey("Label", nameof(IrisRow.Species));
        _ours = ml.Model.CreatePredictionEngine<IrisRow, IrisScore>(
            key.Append(ml.MulticlassClassification.Trainers.Backprop<IrisWorkloadNet>(new() { Epochs = 20 })).Fit(view));
        _sdca = ml.Model.CreatePredictionEngine<IrisRow, IrisScore>(
            key.Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy()).Fit(view));
    }

    [Benchmark(Baseline = true)]
    public void IrisForward() => _net.Forward(_input, _output);

    [Benchmark]
    public IrisScore PredictionEngineBackprop() => _ours.Predict(_row);

    [Benchmark]
    public IrisScore PredictionEngineSdca() => _sdca.Predict(_row);

    public sealed class IrisRow
    {
        [VectorType(4)] public float[] Features { get; set; } = [];
        public uint Species { get; set; }
    }

    public sealed class IrisScore
    {
        public float[] Score { get; set; } = [];
    }
}
