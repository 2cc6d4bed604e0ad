using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Running;
using Backprop.Benchmarks;
using Backprop.Kernels;

// dotnet run -c Release --project benchmarks/Backprop.Benchmarks -- --check   (final losses vs TorchSharp, quick timings)
// dotnet run -c Release --project benchmarks/Backprop.Benchmarks -- --filter '*'   (BenchmarkDotNet)
// dotnet run -c Release --project benchmarks/Backprop.Benchmarks -- --profile wide 20 [threads]   (train repeatedly, for perf record)
if (args is ["--profile", var workload, var seconds, ..])
{
    if (args.Length > 3) Gemm.MaxThreads = int.Parse(args[3], CultureInfo.InvariantCulture);
    var (train, _) = Workloads.Trainer(workload);
    train();
    var clock = Stopwatch.StartNew();
    TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
    int runs = 0;
    while (clock.Elapsed.TotalSeconds < double.Parse(seconds, CultureInfo.InvariantCulture)) { train(); runs++; }
    cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{workload}: {runs} runs, {clock.Elapsed.TotalMilliseconds / runs:F3} ms each (wall), {cpu.TotalMilliseconds / runs:F3} ms CPU each"));
    return 0;
}

// dotnet run -c Release --project benchmarks/Backprop.Benchmarks -- --time train:wide 5 [threads]   (the first run in a fresh process, then the median of 5)
if (args is ["--time", var timed, var repeats, ..])
{
    if (args.Length > 3) Gemm.MaxThreads = int.Parse(args[3], CultureInfo.InvariantCulture);
    var (train, _) = Workloads.Trainer(timed);
    var clock = Stopwatch.StartNew();
    train();
    double first = clock.Elapsed.TotalMilliseconds;
    var times = new List<double>();
    var all = new List<double>();
    for (int i = 0; i < int.Parse(repeats, CultureInfo.InvariantCulture); i++)
    {
        clock.Restart();
        train();
        times.Add(clock.Elapsed.TotalMilliseconds);
        all.Add(clock.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    long allocated = GC.GetAllocatedBytesForCurrentThread();
    train();
    allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{timed,-12} threads {Gemm.MaxThreads} cpus {Environment.ProcessorCount}: first {first,8:F2} ms, then median {times[times.Count / 2],8:F2} ms (min {times[0]:F2}, max {times[^1]:F2}), {allocated / 1024.0:F1} KB allocated per run"));
    if (Environment.GetEnvironmentVariable("BACKPROP_TIMES") is not null) Console.WriteLine(string.Join(" ", all.Select(t => t.ToString("F1", CultureInfo.InvariantCulture))));
    return 0;
}

// dotnet run -c Release --project benchmarks/Backprop.Benchmarks -- --reference [workload ...]   (the same runs in double precision)
if (args is ["--reference", ..])
{
    foreach (string name in args.Length > 1 ? args[1..] : Workloads.Names)
    {
        AnchorData data = AnchorData.Load(name);
        var (train, finalLoss) = Workloads.Trainer(data);
        train();
        double exact = new DoubleReference(data).TrainAndMeasure();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-6} float32 (ours) {finalLoss():G6}   float64 reference {exact:G6}"));
    }

    return 0;
}

// --check [torchsharp.jsonl ...]: several files may be given (the anchors' and the adam peer's, benchmarks/peers/torchsharp-adam).
if (args is ["--check", ..])
    return Check(args.Length > 1 ? args[1..] : [Path.Combine("..", "shared", "anchors", "results", "torchsharp.jsonl"), "/tmp/backprop-adam/torchsharp-adam.jsonl"]);
BenchmarkSwitcher.FromAssembly(typeof(TrainingBenchmarks).Assembly).Run(args);
return 0;

// Trains each workload once from the anchors' weights and batch order, and compares the final training loss with
// TorchSharp's (same weights, same order) to 4 significant digits.
static int Check(string[] torchSharpResults)
{
    // TorchSharp's final loss per workload and thread count: its 1- and 2-thread runs sum in different orders and
    // can differ in the 4th digit (mnist: 2.03171 vs 2.03049), so a match with either counts.
    Dictionary<string, double[]> reference = torchSharpResults.Where(File.Exists).SelectMany(File.ReadLines)
        .Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement)
        .Where(e => e.TryGetProperty("final_loss", out _))
        .GroupBy(e => e.GetProperty("workload").GetString()!)
        .ToDictionary(g => g.Key, g => g.Select(e => e.GetProperty("final_loss").GetDouble()).Distinct().ToArray());
    int failures = 0;
    Gemm.MaxThreads = 1;
    // W1–W4 through the hand-written loop (the anchors' own batch order); "adam" through NetworkTrainer.Train with Adam.
    foreach (string name in Workloads.Names.Append("adam").Where(n => Environment.GetEnvironmentVariable("BACKPROP_WORKLOAD") is not { } only || only == n))
    {
        var (train, finalLoss) = Workloads.Trainer(name == "adam" ? "train:adam" : name);
        train();
        var clock = Stopwatch.StartNew();
        train();
        clock.Stop();
        double loss = finalLoss();
        string verdict = "no TorchSharp result to compare";
        if (reference.TryGetValue(name, out double[]? theirs))
        {
            bool same = theirs.Any(t => Math.Abs(loss - t) <= 0.5e-3 * Math.Abs(t)); // agree to 4 significant digits
            verdict = $"TorchSharp {string.Join(" / ", theirs.Select(t => t.ToString("G6", CultureInfo.InvariantCulture)))}: {(same ? "same to 4 digits" : "DIFFERENT")}";
            if (!same) failures++;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-6} {clock.Elapsed.TotalSeconds,8:F4} s   final loss {loss:G6}   {verdict}"));
    }

    return failures == 0 ? 0 : 1;
}
