using BenchmarkDotNet.Attributes;
using Backprop.Kernels;

namespace Backprop.Benchmarks;

/// <summary>
/// W1–W4 training runs, exactly as the anchors define them, and "train:adam" (the Adam workload of <see cref="AdamData"/>
/// through NetworkTrainer.Train); one invocation = one full training run.
/// </summary>
[MemoryDiagnoser]
public class TrainingBenchmarks
{
    private Action _train = () => { };

    /// <summary>Workload and GEMM thread count; BACKPROP_CASES="wide/2 mnist/2" (or "train:adam/1") runs only those.</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "xor/1";

    public static IEnumerable<string> Cases() =>
        Environment.GetEnvironmentVariable("BACKPROP_CASES")?.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        ?? ["xor/1", "iris/1", "mnist/1", "mnist/2", "wide/1", "wide/2", "train:adam/1"];

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
