using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Backprop.Kernels;

namespace Backprop.Benchmarks;

/// <summary>
/// W1–W4 training runs, exactly as the anchors define them (one invocation = one full training run), through the user's
/// API (NetworkTrainer.Train: "train:W", ML.NET Fit on a cached view: "fit:W") and the hand-written kernel loop ("W"),
/// each on the machine's processors and, in a second job, with <c>DOTNET_PROCESSOR_COUNT=1</c> (one CPU); and "train:adam" (the Adam workload of <see cref="AdamData"/>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(TrainingBenchmarks.Jobs))]
public class TrainingBenchmarks
{
    /// <summary>ShortRun twice: as the machine is, and as a one-CPU machine (the runtime's view of it: tiering, GC, threads).</summary>
    public sealed class Jobs : ManualConfig
    {
        public Jobs()
        {
            AddJob(Job.ShortRun.WithId("cpus"));
            AddJob(Job.ShortRun.WithEnvironmentVariables(new EnvironmentVariable("DOTNET_PROCESSOR_COUNT", "1")).WithId("1cpu"));
        }
    }

    private Action _train = () => { };

    /// <summary>Workload and GEMM thread count; BACKPROP_CASES="wide/2 mnist/2" (or "train:adam/1") runs only those.</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "xor/1";

    public static IEnumerable<string> Cases() =>
        Environment.GetEnvironmentVariable("BACKPROP_CASES")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        ?? [.. Workloads.Names.SelectMany(w => new[] { $"train:{w}/1", $"fit:{w}/1", $"{w}/1" }),
            "train:mnist/2", "mnist/2", "train:wide/2", "wide/2", "train:adam/1"];

    [GlobalSetup]
    public void Setup()
    {
        string[] parts = Case.Split('/');
        Gemm.MaxThreads = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        _train = Workloads.Trainer(parts[0]).Train;
        _train(); // warm up the JIT and the GEMM workers
    }

    [Benchmark]
    public void Train() => _train();
}

/// <summary>The four workloads' runs, by name.</summary>
public static class Workloads
{
    public static readonly string[] Names = ["xor", "iris", "mnist", "wide"];

    /// <summary>"wide" (the hand-written loop of <see cref="SgdRun{TNet}"/>), "train:wide" (NetworkTrainer.Train) or "fit:wide" (ML.NET Fit).</summary>
    public static (Action Train, Func<double> FinalLoss) Trainer(string name) => name.Split(':') switch
    {
        ["train", var workload] => Api(AnchorData.Load(workload)),
        ["fit", var workload] => Fit(AnchorData.Load(workload)),
        _ => Trainer(AnchorData.Load(name)),
    };

    public static (Action Train, Func<double> FinalLoss) Api(AnchorData data) => data.Name switch
    {
        "xor" => Wrap(new TrainerRun<XorWorkloadNet>(data)),
        "iris" => Wrap(new TrainerRun<IrisWorkloadNet>(data)),
        "mnist" => Wrap(new TrainerRun<MnistWorkloadNet>(data)),
        "wide" => Wrap(new TrainerRun<WideWorkloadNet>(data)),
        "adam" => Wrap(new TrainerRun<AdamWorkloadNet>(data)),
        _ => throw new ArgumentException($"Unknown workload '{data.Name}'.", nameof(data)),
    };

    public static (Action Train, Func<double> FinalLoss) Fit(AnchorData data) => data.Name switch
    {
        "xor" => (new FitRun<XorWorkloadNet>(data).Train, () => double.NaN),
        "iris" => (new FitRun<IrisWorkloadNet>(data).Train, () => double.NaN),
        "mnist" => (new FitRun<MnistWorkloadNet>(data).Train, () => double.NaN),
        "wide" => (new FitRun<WideWorkloadNet>(data).Train, () => double.NaN),
        _ => throw new ArgumentException($"Unknown workload '{data.Name}'.", nameof(data)),
    };

    public static (Action Train, Func<double> FinalLoss) Trainer(AnchorData data) => data.Name switch
    {
        "xor" => Wrap(new SgdRun<XorWorkloadNet>(data)),
        "iris" => Wrap(new SgdRun<IrisWorkloadNet>(data)),
        "mnist" => Wrap(new SgdRun<MnistWorkloadNet>(data)),
        "wide" => Wrap(new SgdRun<WideWorkloadNet>(data)),
        "adam" => throw new ArgumentException("The adam workload runs through the API only: use train:adam.", nameof(data)),
        _ => throw new ArgumentException($"Unknown workload '{data.Name}'.", nameof(data)),
    };

    private static (Action, Func<double>) Wrap<TNet>(SgdRun<TNet> run) where TNet : INetwork<TNet> => (run.Train, run.FinalLoss);

    private static (Action, Func<double>) Wrap<TNet>(TrainerRun<TNet> run) where TNet : INetwork<TNet>, new() => (run.Train, run.FinalLoss);
}
