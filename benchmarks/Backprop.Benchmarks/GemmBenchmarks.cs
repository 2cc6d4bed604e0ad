using BenchmarkDotNet.Attributes;
using Backprop.Kernels;

namespace Backprop.Benchmarks;

/// <summary>
/// The GEMMs of W4's second layer (batch 128, 512 → 512), one product per benchmark, on one thread:
/// 2·128·512·512 = 67.1 MFLOP each, so GFLOP/s = 67.1 / (mean in ms).
/// </summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private const int Batch = 128, Inputs = 512, Units = 512;
    private readonly float[] _x = Filled(Batch * Inputs), _w = Filled(Units * Inputs), _bias = Filled(Units);
    private readonly float[] _z = new float[Batch * Units], _delta = Filled(Batch * Units), _gradient = new float[Units * Inputs], _inputDelta = new float[Batch * Inputs];

    [GlobalSetup]
    public void Setup() => Gemm.MaxThreads = 1;

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
