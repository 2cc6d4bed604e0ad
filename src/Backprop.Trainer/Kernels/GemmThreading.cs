namespace Backprop.Kernels;

/// <summary>
/// A few long-lived worker threads for the GEMM kernels: allocation-free hand-off (a function pointer and a state
/// pointer), used only for products large enough to pay for the synchronisation. If another thread is already
/// using the workers, the caller simply runs single-threaded.
/// </summary>
internal static unsafe class GemmThreading
{
    private static readonly object Gate = new();
    private static Worker[] s_workers = [];
    private static readonly CountdownEvent Done = new(1);
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

    /// <summary>How many threads a product of <paramref name="work"/> multiply-adds over <paramref name="columns"/> columns should use.</summary>
    public static int ThreadsFor(long work, int columns, long threshold, int columnAlignment)
    {
        if (work < threshold || s_maxThreads <= 1) return 1;
        return Math.Max(1, Math.Min(s_maxThreads, columns / (4 * columnAlignment)));
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
            Done.Reset(threads - 1);
            for (int i = 1; i < threads; i++) s_workers[i - 1].Start(body, state, i);
            body(state, 0);
            Done.Wait();
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
        private readonly ManualResetEventSlim _go = new(false);
        private delegate*<void*, int, void> _body;
        private void* _state;
        private int _index;
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
            _go.Set();
        }

        public void ThrowIfFailed()
        {
            Exception? failure = Interlocked.Exchange(ref _failure, null);
            if (failure is not null) throw new AggregateException("A GEMM worker failed.", failure);
        }

        private void Loop()
        {
            while (true)
            {
                _go.Wait();
                _go.Reset();
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
                    Done.Signal();
                }
            }
        }
    }
}
