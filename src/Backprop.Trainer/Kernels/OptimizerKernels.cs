using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Backprop.Kernels;

/// <summary>
/// The element-wise update of <see cref="Optimizers.Adam"/> and <see cref="Optimizers.AdamW"/>, vectorised (Vector512
/// where AVX-512 is native, else Vector256) and split across the GEMM threads when the parameters are many.
/// </summary>
/// <remarks>
/// Each element goes through exactly the scalar rule's operations in the scalar rule's order, with no fused multiply-add
/// and no reciprocal (IEEE division and square root are correctly rounded, lane by lane as in scalar code):
/// m ← β₁·m + (1−β₁)·g; v ← β₂·v + ((1−β₂)·g)·g; θ ← θ·decay − (η·(m / c₁)) / (√(v / c₂) + ε).
/// So the result is bit-identical to the scalar loop it replaced whatever the vector width, the machine or the thread
/// count, and deterministic.
/// </remarks>
internal static unsafe class OptimizerKernels
{
    /// <summary>Parameters per thread below which the step stays on the calling thread (a hand-off costs a few µs).</summary>
    private const int ParallelThreshold = 1 << 15;

    /// <summary>One Adam(W) step over all parameters, in place.</summary>
    /// <param name="parameters">θ, updated.</param>
    /// <param name="gradients">g, as long as θ.</param>
    /// <param name="m">The first moment, updated; at least as long as θ.</param>
    /// <param name="v">The second moment, updated; at least as long as θ.</param>
    /// <param name="learningRate">η for this step.</param>
    /// <param name="beta1">β₁.</param>
    /// <param name="beta2">β₂.</param>
    /// <param name="epsilon">ε.</param>
    /// <param name="correction1">c₁ = 1 − β₁ᵗ.</param>
    /// <param name="correction2">c₂ = 1 − β₂ᵗ.</param>
    /// <param name="decay">The factor θ is multiplied by before the step: 1 for Adam, 1 − ηλ for AdamW.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Adam(Span<float> parameters, ReadOnlySpan<float> gradients, Span<float> m, Span<float> v,
        float learningRate, float beta1, float beta2, float epsilon, float correction1, float correction2, float decay)
    {
        int n = parameters.Length;
        if (gradients.Length != n || m.Length < n || v.Length < n) throw new ArgumentException("θ, g, m and v must have the same length.");
        fixed (float* p = parameters, g = gradients, pm = m, pv = v)
        {
            var job = new AdamJob
            {
                Parameters = p, Gradients = g, M = pm, V = pv, Count = n,
                Rate = learningRate, Beta1 = beta1, Beta2 = beta2, Epsilon = epsilon, Correction1 = correction1, Correction2 = correction2, Decay = decay,
            };
            int threads = Math.Min(GemmThreading.MaxThreads, Math.Max(1, n / ParallelThreshold));
            job.Threads = threads;
            if (threads <= 1 || !GemmThreading.CanParallelise) AdamRange(&job, 0, n);
            else GemmThreading.Run(threads, &AdamSlice, &job);
        }
    }

    private struct AdamJob
    {
        public float* Parameters, Gradients, M, V;
        public int Count, Threads;
        public float Rate, Beta1, Beta2, Epsilon, Correction1, Correction2, Decay;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AdamSlice(void* state, int index)
    {
        var job = (AdamJob*)state;
        // 64-element aligned slices: no two threads write the same cache line.
        int first = (int)((long)job->Count * index / job->Threads) & ~63;
        int last = index + 1 == job->Threads ? job->Count : (int)((long)job->Count * (index + 1) / job->Threads) & ~63;
        AdamRange(job, first, last);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void AdamRange(AdamJob* job, int first, int last)
    {
        float* p = job->Parameters, g = job->Gradients, pm = job->M, pv = job->V;
        float rate = job->Rate, beta1 = job->Beta1, beta2 = job->Beta2, epsilon = job->Epsilon;
        float c1 = job->Correction1, c2 = job->Correction2, decay = job->Decay;
        float oneMinusBeta1 = 1f - beta1, oneMinusBeta2 = 1f - beta2;
        int i = first;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<float> b1 = Vector512.Create(beta1), b1c = Vector512.Create(oneMinusBeta1), b2 = Vector512.Create(beta2), b2c = Vector512.Create(oneMinusBeta2);
            Vector512<float> vc1 = Vector512.Create(c1), vc2 = Vector512.Create(c2), eta = Vector512.Create(rate), eps = Vector512.Create(epsilon), d = Vector512.Create(decay);
            for (; i <= last - 16; i += 16)
            {
                Vector512<float> gi = Vector512.Load(g + i);
                Vector512<float> mi = b1 * Vector512.Load(pm + i) + b1c * gi;
                Vector512<float> vi = b2 * Vector512.Load(pv + i) + b2c * gi * gi;
                mi.Store(pm + i);
                vi.Store(pv + i);
                (Vector512.Load(p + i) * d - eta * (mi / vc1) / (Vector512.Sqrt(vi / vc2) + eps)).Store(p + i);
            }
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> b1 = Vector256.Create(beta1), b1c = Vector256.Create(oneMinusBeta1), b2 = Vector256.Create(beta2), b2c = Vector256.Create(oneMinusBeta2);
            Vector256<float> vc1 = Vector256.Create(c1), vc2 = Vector256.Create(c2), eta = Vector256.Create(rate), eps = Vector256.Create(epsilon), d = Vector256.Create(decay);
            for (; i <= last - 8; i += 8)
            {
                Vector256<float> gi = Vector256.Load(g + i);
                Vector256<float> mi = b1 * Vector256.Load(pm + i) + b1c * gi;
                Vector256<float> vi = b2 * Vector256.Load(pv + i) + b2c * gi * gi;
                mi.Store(pm + i);
                vi.Store(pv + i);
                (Vector256.Load(p + i) * d - eta * (mi / vc1) / (Vector256.Sqrt(vi / vc2) + eps)).Store(p + i);
            }
        }

        for (; i < last; i++)
        {
            float gi = g[i];
            float mi = pm[i] = beta1 * pm[i] + oneMinusBeta1 * gi;
            float vi = pv[i] = beta2 * pv[i] + oneMinusBeta2 * gi * gi;
            p[i] = p[i] * decay - rate * (mi / c1) / (MathF.Sqrt(vi / c2) + epsilon);
        }
    }
}
