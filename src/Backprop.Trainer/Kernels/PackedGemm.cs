using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Backprop.Kernels;

/// <summary>
/// C[m×n] += A[m×k]·B[k×n] for any strides of A and B (so one kernel serves X·Wᵀ, Δᵀ·X and Δ·W), in the BLIS
/// layout: B is packed into k×16 column strips and A into 6×k row strips per cache block (KC × NC of B stays in
/// L2, MC × KC of A in L1/L2), and a 6×16 micro-kernel keeps 12 Vector256 accumulators in registers, one FMA per
/// loaded vector. Large products split the columns of C between threads; every element of C is still summed by
/// one thread in the same order, so results do not depend on the thread count.
/// </summary>
internal static unsafe class PackedGemm
{
    private const int MR = 6, NR = 16, KC = 256, MC = 96, NC = 512;

    /// <summary>Products with fewer multiply-adds than this run on one thread.</summary>
    private const long ParallelThreshold = 1L << 21;

    [ThreadStatic] private static float[]? t_packedA;
    [ThreadStatic] private static float[]? t_packedB;

    public static void MultiplyAdd(ReadOnlySpan<float> a, int aRow, int aCol, ReadOnlySpan<float> b, int bRow, int bCol, Span<float> c, int m, int k, int n)
    {
        fixed (float* pa = a, pb = b, pc = c)
        {
            int threads = GemmThreading.ThreadsFor((long)m * k * n, n, ParallelThreshold, NR);
            if (threads <= 1)
            {
                Run(pa, aRow, aCol, pb, bRow, bCol, pc, m, k, n, 0, n);
                return;
            }

            // Columns of C in NR-aligned slices, one per thread: each C element is computed by exactly one thread.
            var job = new Job(pa, aRow, aCol, pb, bRow, bCol, pc, m, k, n, threads);
            GemmThreading.Run(threads, &RunSlice, &job);
        }
    }

    private static void RunSlice(void* state, int index)
    {
        Job* job = (Job*)state;
        int strips = (job->N + NR - 1) / NR;
        int first = (int)((long)strips * index / job->Threads) * NR;
        int last = Math.Min(job->N, (int)((long)strips * (index + 1) / job->Threads) * NR);
        if (first < last) Run(job->A, job->ARow, job->ACol, job->B, job->BRow, job->BCol, job->C, job->M, job->K, job->N, first, last);
    }

    private static void Run(float* a, int aRow, int aCol, float* b, int bRow, int bCol, float* c, int m, int k, int n, int columnStart, int columnEnd)
    {
        float[] packedA = t_packedA ??= GC.AllocateUninitializedArray<float>(MC * KC, pinned: true);
        float[] packedB = t_packedB ??= GC.AllocateUninitializedArray<float>(KC * NC, pinned: true);
        fixed (float* pA = packedA, pB = packedB)
        {
            for (int jc = columnStart; jc < columnEnd; jc += NC)
            {
                int nc = Math.Min(NC, columnEnd - jc);
                for (int pc = 0; pc < k; pc += KC)
                {
                    int kc = Math.Min(KC, k - pc);
                    PackB(b, bRow, bCol, pB, pc, kc, jc, nc);
                    for (int ic = 0; ic < m; ic += MC)
                    {
                        int mc = Math.Min(MC, m - ic);
                        PackA(a, aRow, aCol, pA, ic, mc, pc, kc);
                        for (int jr = 0; jr < nc; jr += NR)
                        {
                            int nr = Math.Min(NR, nc - jr);
                            for (int ir = 0; ir < mc; ir += MR)
                            {
                                int mr = Math.Min(MR, mc - ir);
                                float* tile = c + (long)(ic + ir) * n + jc + jr;
                                if (mr == MR && nr == NR) Kernel6x16(kc, pA + ir * kc, pB + jr * kc, tile, n);
                                else EdgeKernel(kc, pA + ir * kc, pB + jr * kc, tile, n, mr, nr);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>B[pc..pc+kc, jc..jc+nc] into strips of NR columns: strip s holds kc rows of NR values (zero-padded).</summary>
    private static void PackB(float* b, int bRow, int bCol, float* packed, int pc, int kc, int jc, int nc)
    {
        for (int js = 0; js < nc; js += NR)
        {
            float* strip = packed + js * kc;
            int width = Math.Min(NR, nc - js);
            for (int p = 0; p < kc; p++)
            {
                float* source = b + (long)(pc + p) * bRow + (long)(jc + js) * bCol;
                float* target = strip + p * NR;
                if (bCol == 1 && width == NR)
                {
                    Vector256.Store(Vector256.Load(source), target);
                    Vector256.Store(Vector256.Load(source + 8), target + 8);
                    continue;
                }

                int j = 0;
                for (; j < width; j++) target[j] = source[(long)j * bCol];
                for (; j < NR; j++) target[j] = 0f;
            }
        }
    }

    /// <summary>A[ic..ic+mc, pc..pc+kc] into strips of MR rows: strip s holds kc columns of MR values (zero-padded).</summary>
    private static void PackA(float* a, int aRow, int aCol, float* packed, int ic, int mc, int pc, int kc)
    {
        for (int is_ = 0; is_ < mc; is_ += MR)
        {
            float* strip = packed + is_ * kc;
            int height = Math.Min(MR, mc - is_);
            for (int p = 0; p < kc; p++)
            {
                float* target = strip + p * MR;
                float* source = a + (long)(ic + is_) * aRow + (long)(pc + p) * aCol;
                int i = 0;
                for (; i < height; i++) target[i] = source[(long)i * aRow];
                for (; i < MR; i++) target[i] = 0f;
            }
        }
    }

    /// <summary>C[6×16] += Apanel[6×kc]·Bpanel[kc×16] with 12 accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel6x16(int kc, float* a, float* b, float* c, int ldc)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Vector256.Load(b), b1 = Vector256.Load(b + 8);
            Vector256<float> x = Vector256.Create(a[0]);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(a[1]);
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(a[2]);
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(a[3]);
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            x = Vector256.Create(a[4]);
            c40 = Vector256.FusedMultiplyAdd(x, b0, c40); c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            x = Vector256.Create(a[5]);
            c50 = Vector256.FusedMultiplyAdd(x, b0, c50); c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
            a += MR;
            b += NR;
        }

        Add(c, c00, c01);
        Add(c + ldc, c10, c11);
        Add(c + 2 * ldc, c20, c21);
        Add(c + 3 * ldc, c30, c31);
        Add(c + 4 * ldc, c40, c41);
        Add(c + 5 * ldc, c50, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(float* row, Vector256<float> low, Vector256<float> high)
    {
        Vector256.Store(Vector256.Load(row) + low, row);
        Vector256.Store(Vector256.Load(row + 8) + high, row + 8);
    }

    /// <summary>A partial tile: the same sums in the same order as the full kernel, through a 6×16 scratch tile.</summary>
    private static void EdgeKernel(int kc, float* a, float* b, float* c, int ldc, int mr, int nr)
    {
        float* tile = stackalloc float[MR * NR];
        new Span<float>(tile, MR * NR).Clear();
        Kernel6x16(kc, a, b, tile, NR);
        for (int i = 0; i < mr; i++)
            for (int j = 0; j < nr; j++) c[(long)i * ldc + j] += tile[i * NR + j];
    }

    private readonly struct Job(float* a, int aRow, int aCol, float* b, int bRow, int bCol, float* c, int m, int k, int n, int threads)
    {
        public readonly float* A = a, B = b, C = c;
        public readonly int ARow = aRow, ACol = aCol, BRow = bRow, BCol = bCol, M = m, K = k, N = n, Threads = threads;
    }
}
