using Backprop.Kernels;

namespace Backprop.Trainer.Tests;

/// <summary>Sets <see cref="Gemm.MaxThreads"/> for the length of a <c>using</c> block, then restores the previous value.</summary>
internal sealed class GemmThreads : IDisposable
{
    private readonly int _saved = Gemm.MaxThreads;

    public GemmThreads(int threads) => Gemm.MaxThreads = threads;

    public void Dispose() => Gemm.MaxThreads = _saved;
}
