using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Backprop.Kernels;

/// <summary>
/// C[m×n] += A[m×k]·B[k×n] for any strides of A and B (so one kernel serves X·Wᵀ, Δᵀ·X and Δ·W), in the BLIS
/// layout: B is packed into k×NR column strips per cache block (KC × NC of B stays in L2); A is read in place when
/// its rows are contiguous, else packed into 6×k row strips (MC × KC of A in L1/L2); a 6×16 micro-kernel keeps 12
/// Vector256 accumulators in registers (6×32 with Vector512 where AVX-512 is native), one FMA per loaded vector. Large products split the columns of C between threads; every element of C is still summed by
/// one thread in the same order, so results do not depend on the thread count.
/// </summary>
internal static unsafe class PackedGemm
{
    private const int MR = 6, KC = 256, MC = 96, NC = 512;

    /// <summary>Columns per micro-tile: 32 (two Vector512) where AVX-512 runs natively, else 16 (two Vector256).</summary>
    private static readonly int NR = Vector512.IsHardwareAccelerated ? 32 : 16;

    /// <summary>Products with fewer multiply-adds than this run on one thread.</summary>
    private const long ParallelThreshold = 1L << 21;

    [ThreadStatic] private static float[]? t_packedA;
    [ThreadStatic] private static float[]? t_packedB;

    /// <summary>
    /// C += A·B, or C = bias + A·B (each row of C starts as <paramref name="start"/>: the bias, or zeros when it is empty)
    /// when <paramref name="initialise"/> is set. Each thread starts its own columns of C, so that the initialisation is
    /// split between the threads like the product.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyAdd(ReadOnlySpan<float> a, int aRow, int aCol, ReadOnlySpan<float> b, int bRow, int bCol, Span<float> c, int m, int k, int n,
        bool initialise = false, ReadOnlySpan<float> start = default)
    {
        fixed (float* pa = a, pb = b, pc = c, ps = start)
        {
            float* bias = start.IsEmpty ? null : ps;
            int threads = GemmThreading.ThreadsFor((long)m * k * n, n, ParallelThreshold, NR);
            if (threads <= 1)
            {
                if (initialise) Initialise(pc, bias, m, n, 0, n);
                Run(pa, aRow, aCol, pb, bRow, bCol, pc, m, k, n, 0, n);
                return;
            }

            // Columns of C in NR-aligned slices, one per thread: each C element is computed by exactly one thread.
            var job = new Job(pa, aRow, aCol, pb, bRow, bCol, pc, m, k, n, threads, initialise, bias);
            GemmThreading.Run(threads, &RunSlice, &job);
        }
    }

    /// <summary>C[0..m, first..last) = bias[first..last) per row, or zeros without a bias (<see cref="Gemm.StartRows"/>).</summary>
    private static void Initialise(float* c, float* bias, int m, int n, int first, int last) =>
        Gemm.StartRows(new Span<float>(c, m * n), bias is null ? default : new ReadOnlySpan<float>(bias, n), m, n, first, last);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void RunSlice(void* state, int index)
    {
        Job* job = (Job*)state;
        int strips = (job->N + NR - 1) / NR;
        int first = (int)((long)strips * index / job->Threads) * NR;
        int last = Math.Min(job->N, (int)((long)strips * (index + 1) / job->Threads) * NR);
        if (first >= last) return;
        if (job->Initialise) Initialise(job->C, job->Bias, job->M, job->N, first, last);
        Run(job->A, job->ARow, job->ACol, job->B, job->BRow, job->BCol, job->C, job->M, job->K, job->N, first, last);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Run(float* a, int aRow, int aCol, float* b, int bRow, int bCol, float* c, int m, int k, int n, int columnStart, int columnEnd)
    {
        // Pinned once per thread, with 16 spare floats so the panels start on a 64-byte boundary: a Vector512 load
        // from the packed B panel then never straddles two cache lines.
        float[] packedA = t_packedA ??= GC.AllocateUninitializedArray<float>(MC * KC + 16, pinned: true);
        float[] packedB = t_packedB ??= GC.AllocateUninitializedArray<float>(KC * NC + 16, pinned: true);
        // Rows of A contiguous (X in the forward pass, Δ in the input gradient): the kernel reads them in place, six
        // row pointers stepping by one. Otherwise (Δᵀ) A is packed first.
        bool inPlace = aCol == 1;
        fixed (float* rawA = packedA, rawB = packedB)
        {
            float* pA = Align64(rawA), pB = Align64(rawB);
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
                        if (!inPlace) PackA(a, aRow, aCol, pA, ic, mc, pc, kc);
                        for (int jr = 0; jr < nc; jr += NR)
                        {
                            int nr = Math.Min(NR, nc - jr);
                            for (int ir = 0; ir < mc; ir += MR)
                            {
                                int mr = Math.Min(MR, mc - ir);
                                float* tile = c + (long)(ic + ir) * n + jc + jr;
                                // A's micro-panel: element (i, p) at row_i[p·step].
                                float* row0 = inPlace ? a + (long)(ic + ir) * aRow + pc : pA + ir * kc;
                                nint rowStride = inPlace ? aRow : 1, step = inPlace ? 1 : MR;
                                if (mr == MR && nr == NR) Kernel(kc, row0, rowStride, step, pB + jr * kc, tile, n);
                                else EdgeKernel(kc, row0, rowStride, step, pB + jr * kc, tile, n, mr, nr);
                            }
                        }
                    }
                }
            }
        }
    }

    private static float* Align64(float* p) => (float*)(((nint)p + 63) & ~(nint)63);

    /// <summary>B[pc..pc+kc, jc..jc+nc] into strips of NR columns: strip s holds kc rows of NR values (zero-padded).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackB(float* b, int bRow, int bCol, float* packed, int pc, int kc, int jc, int nc)
    {
        for (int js = 0; js < nc; js += NR)
        {
            float* strip = packed + js * kc;
            int width = Math.Min(NR, nc - js);
            float* origin = b + (long)pc * bRow + (long)(jc + js) * bCol;
            if (bCol == 1)
            {
                // Rows of B are contiguous: copy NR values per row.
                for (int p = 0; p < kc; p++)
                {
                    float* source = origin + (long)p * bRow, target = strip + p * NR;
                    if (width == NR)
                    {
                        // Inline vector copies: a Memmove call per 64–128 bytes cost more than the copy.
                        if (NR == 32)
                        {
                            Vector512.Store(Vector512.Load(source), target);
                            Vector512.Store(Vector512.Load(source + 16), target + 16);
                        }
                        else
                        {
                            Vector256.Store(Vector256.Load(source), target);
                            Vector256.Store(Vector256.Load(source + 8), target + 8);
                        }
                    }
                    else
                    {
                        new ReadOnlySpan<float>(source, width).CopyTo(new Span<float>(target, width));
                        new Span<float>(target + width, NR - width).Clear();
                    }
                }

                continue;
            }

            // Columns of B are contiguous (B = Wᵀ, the forward pass): transpose 8×8 blocks in registers.
            if (width < NR)
                for (int p = 0; p < kc; p++) new Span<float>(strip + p * NR + width, NR - width).Clear();
            int j0 = 0;
            if (bRow == 1 && Avx.IsSupported)
            {
                int fullP = kc & ~7;
                for (; j0 + 8 <= width; j0 += 8)
                {
                    for (int p = 0; p < fullP; p += 8) Transpose8x8(origin + (long)j0 * bCol + p, bCol, strip + p * NR + j0, NR);
                    for (int j = j0; j < j0 + 8; j++)
                        for (int p = fullP; p < kc; p++) strip[p * NR + j] = origin[(long)j * bCol + p];
                }
            }

            for (int j = j0; j < width; j++)
            {
                float* source = origin + (long)j * bCol, target = strip + j;
                for (int p = 0; p < kc; p++) target[p * NR] = source[(long)p * bRow];
            }
        }
    }

    /// <summary>target[t·targetStride + q] = source[q·sourceStride + t] for t, q in 0..8: eight rows in, eight columns out.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(float* source, int sourceStride, float* target, int targetStride)
    {
        Vector256<float> r0 = Avx.LoadVector256(source), r1 = Avx.LoadVector256(source + sourceStride);
        Vector256<float> r2 = Avx.LoadVector256(source + 2 * sourceStride), r3 = Avx.LoadVector256(source + 3 * sourceStride);
        Vector256<float> r4 = Avx.LoadVector256(source + 4 * sourceStride), r5 = Avx.LoadVector256(source + 5 * sourceStride);
        Vector256<float> r6 = Avx.LoadVector256(source + 6 * sourceStride), r7 = Avx.LoadVector256(source + 7 * sourceStride);
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1), t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5), t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE), u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE), u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Store(target, Avx.Permute2x128(u0, u4, 0x20));
        Avx.Store(target + targetStride, Avx.Permute2x128(u1, u5, 0x20));
        Avx.Store(target + 2 * targetStride, Avx.Permute2x128(u2, u6, 0x20));
        Avx.Store(target + 3 * targetStride, Avx.Permute2x128(u3, u7, 0x20));
        Avx.Store(target + 4 * targetStride, Avx.Permute2x128(u0, u4, 0x31));
        Avx.Store(target + 5 * targetStride, Avx.Permute2x128(u1, u5, 0x31));
        Avx.Store(target + 6 * targetStride, Avx.Permute2x128(u2, u6, 0x31));
        Avx.Store(target + 7 * targetStride, Avx.Permute2x128(u3, u7, 0x31));
    }

    /// <summary>A[ic..ic+mc, pc..pc+kc] into strips of MR rows: strip s holds kc columns of MR values (zero-padded).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackA(float* a, int aRow, int aCol, float* packed, int ic, int mc, int pc, int kc)
    {
        for (int is_ = 0; is_ < mc; is_ += MR)
        {
            float* strip = packed + is_ * kc;
            int height = Math.Min(MR, mc - is_);
            float* origin = a + (long)(ic + is_) * aRow + (long)pc * aCol;
            if (height < MR)
                for (int p = 0; p < kc; p++) new Span<float>(strip + p * MR + height, MR - height).Clear();
            if (aRow == 1)
            {
                // Columns of A are contiguous (A = Δᵀ): MR consecutive values per column.
                for (int p = 0; p < kc; p++)
                {
                    float* source = origin + (long)p * aCol, target = strip + p * MR;
                    for (int i = 0; i < height; i++) target[i] = source[i];
                }

                continue;
            }

            // Any other strides (Run reads row-contiguous A in place): element by element, row by row.
            for (int i = 0; i < height; i++)
            {
                float* source = origin + (long)i * aRow, target = strip + i;
                for (int p = 0; p < kc; p++) target[p * MR] = source[(long)p * aCol];
            }
        }
    }

    /// <summary>
    /// C[6×NR] += A[6×kc]·Bpanel[kc×NR], where A's element (i, p) is at (row0 + i·rowStride)[p·step]: a packed strip
    /// (rowStride 1, step 6) or six rows of A read in place (rowStride = A's row stride, step 1). Rows i ≥
    /// <paramref name="rows"/> (a partial tile) repeat row 0, so nothing past A's end is read; their sums are garbage.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kernel(int kc, float* row0, nint rowStride, nint step, float* b, float* c, int ldc, int rows = MR)
    {
        float* r1 = rows > 1 ? row0 + rowStride : row0, r2 = rows > 2 ? row0 + 2 * rowStride : row0;
        float* r3 = rows > 3 ? row0 + 3 * rowStride : row0, r4 = rows > 4 ? row0 + 4 * rowStride : row0, r5 = rows > 5 ? row0 + 5 * rowStride : row0;
        if (NR == 32) Kernel6x32(kc, row0, r1, r2, r3, r4, r5, step, b, c, ldc);
        else Kernel6x16(kc, row0, r1, r2, r3, r4, r5, step, b, c, ldc);
    }

    /// <summary>C[6×32] += Apanel[6×kc]·Bpanel[kc×32] with 12 Vector512 accumulators (AVX-512).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel6x32(int kc, float* r0, float* r1, float* r2, float* r3, float* r4, float* r5, nint step, float* b, float* c, int ldc)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (nint p = 0, end = kc * step; p < end; p += step)
        {
            Vector512<float> b0 = Vector512.Load(b), b1 = Vector512.Load(b + 16);
            Vector512<float> x = Vector512.Create(r0[p]);
            c00 = Vector512.FusedMultiplyAdd(x, b0, c00); c01 = Vector512.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(r1[p]);
            c10 = Vector512.FusedMultiplyAdd(x, b0, c10); c11 = Vector512.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(r2[p]);
            c20 = Vector512.FusedMultiplyAdd(x, b0, c20); c21 = Vector512.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(r3[p]);
            c30 = Vector512.FusedMultiplyAdd(x, b0, c30); c31 = Vector512.FusedMultiplyAdd(x, b1, c31);
            x = Vector512.Create(r4[p]);
            c40 = Vector512.FusedMultiplyAdd(x, b0, c40); c41 = Vector512.FusedMultiplyAdd(x, b1, c41);
            x = Vector512.Create(r5[p]);
            c50 = Vector512.FusedMultiplyAdd(x, b0, c50); c51 = Vector512.FusedMultiplyAdd(x, b1, c51);
            b += 32;
        }

        Add(c, c00, c01);
        Add(c + ldc, c10, c11);
        Add(c + 2 * ldc, c20, c21);
        Add(c + 3 * ldc, c30, c31);
        Add(c + 4 * ldc, c40, c41);
        Add(c + 5 * ldc, c50, c51);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(float* row, Vector512<float> low, Vector512<float> high)
    {
        Vector512.Store(Vector512.Load(row) + low, row);
        Vector512.Store(Vector512.Load(row + 16) + high, row + 16);
    }

    /// <summary>C[6×16] += Apanel[6×kc]·Bpanel[kc×16] with 12 Vector256 accumulators.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel6x16(int kc, float* r0, float* r1, float* r2, float* r3, float* r4, float* r5, nint step, float* b, float* c, int ldc)
    {
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (nint p = 0, end = kc * step; p < end; p += step)
        {
            Vector256<float> b0 = Vector256.Load(b), b1 = Vector256.Load(b + 8);
            Vector256<float> x = Vector256.Create(r0[p]);
            c00 = Vector256.FusedMultiplyAdd(x, b0, c00); c01 = Vector256.FusedMultiplyAdd(x, b1, c01);
            x = Vector256.Create(r1[p]);
            c10 = Vector256.FusedMultiplyAdd(x, b0, c10); c11 = Vector256.FusedMultiplyAdd(x, b1, c11);
            x = Vector256.Create(r2[p]);
            c20 = Vector256.FusedMultiplyAdd(x, b0, c20); c21 = Vector256.FusedMultiplyAdd(x, b1, c21);
            x = Vector256.Create(r3[p]);
            c30 = Vector256.FusedMultiplyAdd(x, b0, c30); c31 = Vector256.FusedMultiplyAdd(x, b1, c31);
            x = Vector256.Create(r4[p]);
            c40 = Vector256.FusedMultiplyAdd(x, b0, c40); c41 = Vector256.FusedMultiplyAdd(x, b1, c41);
            x = Vector256.Create(r5[p]);
            c50 = Vector256.FusedMultiplyAdd(x, b0, c50); c51 = Vector256.FusedMultiplyAdd(x, b1, c51);
            b += 16;
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

    /// <summary>A partial tile: the same sums in the same order as the full kernel, through a 6×NR scratch tile whose rows i ≥ mr are dropped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void EdgeKernel(int kc, float* row0, nint rowStride, nint step, float* b, float* c, int ldc, int mr, int nr)
    {
        float* tile = stackalloc float[MR * 32];
        new Span<float>(tile, MR * NR).Clear();
        Kernel(kc, row0, rowStride, step, b, tile, NR, mr);
        for (int i = 0; i < mr; i++)
            for (int j = 0; j < nr; j++) c[(long)i * ldc + j] += tile[i * NR + j];
    }

    private readonly struct Job(float* a, int aRow, int aCol, float* b, int bRow, int bCol, float* c, int m, int k, int n, int threads,
        bool initialise, float* bias)
    {
        public readonly float* A = a, B = b, C = c, Bias = bias;
        public readonly int ARow = aRow, ACol = aCol, BRow = bRow, BCol = bCol, M = m, K = k, N = n, Threads = threads;
        public readonly bool Initialise = initialise;
    }
}
