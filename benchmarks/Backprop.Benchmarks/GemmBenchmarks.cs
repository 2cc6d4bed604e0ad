using BenchmarkDotNet.Attributes;
using Backprop.Kernels;

namespace Backprop.Benchmarks;

/// <summary>
/// The three GEMMs of a dense layer, one product per benchmark, on one thread, for two layer shapes:
/// W4's second layer (batch 128, 512 → 512: 2·128·512·512 = 67.1 MFLOP per product) and W3's first layer
/// (batch 64, 784 → 128: 12.85 MFLOP per product). GFLOP/s = MFLOP / (mean in µs) · 1000.
/// </summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    /// <summary>"batch×inputs→units".</summary>
    [Params("128x512->512", "64x784->128")]
    public string Shape { get; set; } = "128x512->512";

    private int Batch, Inputs, Units;
    private float[] _x = [], _w = [], _bias = [], _z = [], _delta = [], _gradient = [], _inputDelta = [];

    [GlobalSetup]
    public void Setup()
    {
        Gemm.MaxThreads = 1;
        string[] parts = Shape.Split('x', '-', '>');
        Batch = int.Parse(parts[0]);
        Inputs = int.Parse(parts[1]);
        Units = int.Parse(parts[^1]);
        (_x, _w, _bias) = (Filled(Batch * Inputs), Filled(Units * Inputs), Filled(Units));
        (_z, _delta, _gradient, _inputDelta) = (new float[Batch * Units], Filled(Batch * Units), new float[Units * Inputs], new float[Batch * Inputs]);
    }

    /// <summary>Z = X·Wᵀ + b.</summary>
    [Benchmark]
    public void Forward() => Gemm.MultiplyTransposedB(_x, _w, _bias, _z, Batch, Inputs, Units);

    /// <summary>∂W += Δᵀ·X.</summary>
    [Benchmark]
    public void WeightGradient() => Gemm.AccumulateTransposedA(_delta, _x, _gradient, Units, Batch, Inputs);

    /// <summary>ΔX = Δ·W.</summary>
    [Benchmark]
    public void InputGradient() => Gemm.Multiply(_delta, _w, _inputDelta, Batch, Units, Inputs);

    private static float[] Filled(int count)
    {
        var random = new Random(count);
        return Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
    }
}
