using System.Runtime.CompilerServices;
using System.Diagnostics;

namespace Backprop.Kernels;

/// <summary>
/// A few long-lived worker threads for the GEMM kernels: allocation-free hand-off (a function pointer and a state
/// pointer), used only for products large enough to pay for the synchronisation. If another thread is already
/// using the workers, the caller simply runs single-threaded.
/// </summary>
/// <remarks>
/// A training step runs several parallel products a few tens of microseconds apart, and waking a blocked thread
/// costs about as much as one of them on a VM. So, as OpenMP runtimes do, both sides spin: a worker spins for
/// <see cref="SpinBeforeSleep"/> after its last task before it blocks on an event, and the caller spins until the
/// workers have finished their slices. Measured on the 2-vCPU machine of BENCHMARKS.md (W4, 2 threads):
/// 154 ms per run with blocking hand-offs, 127 ms with spinning (191 ms on one thread).
/// </remarks>
internal static unsafe class GemmThreading
{
    /// <summary>How long an idle worker keeps spinning for the next task before it blocks.</summary>
    private static readonly long SpinBeforeSleep = Stopwatch.Frequency / 2000; // 0.5 ms

    private static readonly object Gate = new();
    private static Worker[] s_workers = [];
    private static int s_pending;
    private static int s_maxThreads = Environment.ProcessorCount;

    /// <summary>Upper bound on threads per product (1 = single-threaded).</summary>
    public static int MaxThreads
    {
        get => s_maxThreads;
        set
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            s_maxThreads = value;
        }
    }

    /// <summary>
    /// Whether a product may use more than the calling thread: <see cref="MaxThreads"/> above 1 and more than one
    /// processor. On one processor a worker could only run by preempting the caller, and both sides spin (see the
    /// remarks), so a second thread there costs a time slice per hand-off and starves the runtime's background JIT.
    /// </summary>
    public static bool CanParallelise => s_maxThreads > 1 && Environment.ProcessorCount > 1;

    /// <summary>
    /// How many threads a product of <paramref name="work"/> multiply-adds over <paramref name="columns"/> columns
    /// should use: one below <paramref name="threshold"/>, else up to one per two column strips (W3's 128-wide forward
    /// product splits in two: 85 → 76 ms per W3 run on 2 threads).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ThreadsFor(long work, int columns, long threshold, int columnAlignment)
    {
        if (work < threshold || !CanParallelise) return 1;
        return Math.Max(1, Math.Min(s_maxThreads, columns / (2 * columnAlignment)));
    }

    /// <summary>Runs body(state, 0..threads−1): index 0 on the calling thread, the rest on workers; returns when all are done.</summary>
    public static void Run(int threads, delegate*<void*, int, void> body, void* state)
    {
        if (threads <= 1 || !Monitor.TryEnter(Gate))
        {
            for (int i = 0; i < threads; i++) body(state, i);
            return;
        }

        try
        {
            EnsureWorkers(threads - 1);
            Volatile.Write(ref s_pending, threads - 1);
            for (int i = 1; i < threads; i++) s_workers[i - 1].Start(body, state, i);
            body(state, 0);

            // The workers' slices are as long as ours: spin (yielding now and then) rather than block.
            var spinner = new SpinWait();
            while (Volatile.Read(ref s_pending) != 0) spinner.SpinOnce(sleep1Threshold: -1);
            foreach (Worker worker in s_workers) worker.ThrowIfFailed();
        }
        finally
        {
            Monitor.Exit(Gate);
        }
    }

    private static void EnsureWorkers(int count)
    {
        if (s_workers.Length >= count) return;
        var workers = new Worker[count];
        s_workers.CopyTo(workers, 0);
        for (int i = s_workers.Length; i < count; i++) workers[i] = new Worker(i + 1);
        s_workers = workers;
    }

    private sealed class Worker
    {
        private readonly ManualResetEventSlim _wake = new(false, spinCount: 1);
        private delegate*<void*, int, void> _body;
        private void* _state;
        private int _index;
        private int _generation;
        private int _sleeping;
        private Exception? _failure;

        public Worker(int number)
        {
            var thread = new Thread(Loop) { IsBackground = true, Name = $"Backprop GEMM worker {number}" };
            thread.Start();
        }

        public void Start(delegate*<void*, int, void> body, void* state, int index)
        {
            _body = body;
            _state = state;
            _index = index;
            // Publish the task (full fence), then wake the worker only if it has gone to sleep. The worker sets
            // _sleeping (full fence) before it re-reads _generation, so one of the two always sees the other.
            Interlocked.Increment(ref _generation);
            if (Volatile.Read(ref _sleeping) != 0) _wake.Set();
        }

        public void ThrowIfFailed()
        {
            Exception? failure = Interlocked.Exchange(ref _failure, null);
            if (failure is not null) throw new AggregateException("A GEMM worker failed.", failure);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)] // entered once and never left: tiering would keep it unoptimised
        private void Loop()
        {
            int seen = 0;
            while (true)
            {
                WaitForTask(seen);
                seen = Volatile.Read(ref _generation);
                try
                {
                    _body(_state, _index);
                }
                catch (Exception exception)
                {
                    _failure = exception;
                }
                finally
                {
                    Interlocked.Decrement(ref s_pending);
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void WaitForTask(int seen)
        {
            long start = Stopwatch.GetTimestamp();
            while (Volatile.Read(ref _generation) == seen)
            {
                if (Stopwatch.GetTimestamp() - start < SpinBeforeSleep)
                {
                    Thread.SpinWait(20);
                    continue;
                }

                Interlocked.Exchange(ref _sleeping, 1);
                if (Volatile.Read(ref _generation) == seen) _wake.Wait();
                _wake.Reset();
                Volatile.Write(ref _sleeping, 0);
                start = Stopwatch.GetTimestamp();
            }
        }
    }
}
