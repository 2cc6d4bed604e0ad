using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Backprop.Kernels;

/// <summary>
/// The per-step passes of the training loop over all parameters: the finiteness checks and the fused SGD update.
/// Each is one streaming pass, vectorised (Vector512 where AVX-512 is native), split across the GEMM threads when the
/// parameters are many (element-wise work only, so results do not depend on the thread count).
/// </summary>
internal static unsafe class StepKernels
{
    /// <summary>Parameters per thread below which a pass stays on the calling thread (a hand-off costs a few µs).</summary>
    private const int ParallelThreshold = 1 << 16;

    /// <summary>Whether every value is finite (no NaN, no ±∞): x − x is 0 for a finite x and NaN otherwise.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool AllFinite(ReadOnlySpan<float> values)
    {
        ref float p = ref MemoryMarshal.GetReference(values);
        int n = values.Length, i = 0;
        if (Vector512.IsHardwareAccelerated && n >= 32)
        {
            Vector512<float> acc0 = Vector512<float>.Zero, acc1 = Vector512<float>.Zero;
            for (; i <= n - 32; i += 32)
            {
                Vector512<float> x0 = Vector512.LoadUnsafe(ref p, (nuint)i), x1 = Vector512.LoadUnsafe(ref p, (nuint)(i + 16));
                acc0 += x0 - x0;
                acc1 += x1 - x1;
            }

            if (!Vector512.EqualsAll(acc0 + acc1, Vector512<float>.Zero)) return false;
        }
        else if (Vector256.IsHardwareAccelerated && n >= 16)
        {
            Vector256<float> acc0 = Vector256<float>.Zero, acc1 = Vector256<float>.Zero;
            for (; i <= n - 16; i += 16)
            {
                Vector256<float> x0 = Vector256.LoadUnsafe(ref p, (nuint)i), x1 = Vector256.LoadUnsafe(ref p, (nuint)(i + 8));
                acc0 += x0 - x0;
                acc1 += x1 - x1;
            }

            if (!Vector256.EqualsAll(acc0 + acc1, Vector256<float>.Zero)) return false;
        }

        for (; i < n; i++)
            if (!float.IsFinite(Unsafe.Add(ref p, i))) return false;
        return true;
    }

    /// <summary>What <see cref="Sgd"/> found: whether the gradient and the new parameters are all finite.</summary>
    [Flags]
    public enum StepCheck
    {
        Finite = 0,
        GradientNotFinite = 1,
        ParametersNotFinite = 2,
    }

    /// <summary>
    /// θ′ = θ − η·g into <paramref name="next"/> (the same fused multiply-add as <see cref="Vectors.Axpy"/> with −η, so
    /// bit-identical to the in-place update), then g = 0 for the next step, checking g and θ′ for NaN/∞ on the way.
    /// </summary>
    /// <param name="parameters">θ, read only: it stays the last good weights until θ′ is known to be finite.</param>
    /// <param name="gradients">g, cleared by the pass.</param>
    /// <param name="learningRate">η.</param>
    /// <param name="next">θ′ (written), as long as θ.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static StepCheck Sgd(ReadOnlySpan<float> parameters, Span<float> gradients, float learningRate, Span<float> next)
    {
        int n = parameters.Length;
        if (gradients.Length != n || next.Length != n) throw new ArgumentException("θ, g and θ′ must have the same length.");
        fixed (float* p = parameters, g = gradients, q = next)
        {
            var job = new SgdJob { Parameters = p, Gradients = g, Next = q, Count = n, Rate = learningRate };
            int threads = Math.Min(GemmThreading.MaxThreads, Math.Max(1, n / ParallelThreshold));
            job.Threads = threads;
            StepCheck* results = stackalloc StepCheck[threads];
            job.Results = results;
            if (threads <= 1 || !GemmThreading.CanParallelise) SgdRange(&job, 0, 0, n);
            else GemmThreading.Run(threads, &SgdSlice, &job);
            StepCheck check = StepCheck.Finite;
            for (int t = 0; t < threads; t++) check |= results[t];
            return check;
        }
    }

    private struct SgdJob
    {
        public float* Parameters, Gradients, Next;
        public int Count, Threads;
        public float Rate;
        public StepCheck* Results;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SgdSlice(void* state, int index)
    {
        var job = (SgdJob*)state;
        // 64-element aligned slices: no two threads write the same cache line.
        int first = (int)((long)job->Count * index / job->Threads) & ~63;
        int last = index + 1 == job->Threads ? job->Count : (int)((long)job->Count * (index + 1) / job->Threads) & ~63;
        SgdRange(job, index, first, last);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void SgdRange(SgdJob* job, int index, int first, int last)
    {
        float* p = job->Parameters, g = job->Gradients, q = job->Next;
        float a = -job->Rate;
        int i = first;
        bool gradientFinite = true, nextFinite = true;
        if (Vector512.IsHardwareAccelerated)
        {
            Vector512<float> va = Vector512.Create(a), gradientCheck = Vector512<float>.Zero, nextCheck = Vector512<float>.Zero;
            for (; i <= last - 16; i += 16)
            {
                Vector512<float> gi = Vector512.Load(g + i);
                Vector512<float> qi = Vector512.FusedMultiplyAdd(va, gi, Vector512.Load(p + i));
                qi.Store(q + i);
                Vector512<float>.Zero.Store(g + i);
                gradientCheck += gi - gi;
                nextCheck += qi - qi;
            }

            gradientFinite = Vector512.EqualsAll(gradientCheck, Vector512<float>.Zero);
            nextFinite = Vector512.EqualsAll(nextCheck, Vector512<float>.Zero);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            Vector256<float> va = Vector256.Create(a), gradientCheck = Vector256<float>.Zero, nextCheck = Vector256<float>.Zero;
            for (; i <= last - 8; i += 8)
            {
                Vector256<float> gi = Vector256.Load(g + i);
                Vector256<float> qi = Vector256.FusedMultiplyAdd(va, gi, Vector256.Load(p + i));
                qi.Store(q + i);
                Vector256<float>.Zero.Store(g + i);
                gradientCheck += gi - gi;
                nextCheck += qi - qi;
            }

            gradientFinite = Vector256.EqualsAll(gradientCheck, Vector256<float>.Zero);
            nextFinite = Vector256.EqualsAll(nextCheck, Vector256<float>.Zero);
        }

        for (; i < last; i++)
        {
            float gi = g[i], qi = q[i] = MathF.FusedMultiplyAdd(a, gi, p[i]);
            g[i] = 0f;
            gradientFinite &= float.IsFinite(gi);
            nextFinite &= float.IsFinite(qi);
        }

        job->Results[index] = (gradientFinite ? StepCheck.Finite : StepCheck.GradientNotFinite) | (nextFinite ? StepCheck.Finite : StepCheck.ParametersNotFinite);
    }
}
