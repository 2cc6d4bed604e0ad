// TorchSharp peer of the "adam" workload (see BENCHMARKS.md and ../../Backprop.Benchmarks/AdamData.cs): idiomatic
// nn.Sequential + optim.Adam, tensors built per batch from float arrays inside a dispose scope, the same initial
// weights and batch order as Backprop's NetworkTrainer.Train run. Modelled on ../shared/anchors/torchsharp/Program.cs.
// usage: torchsharp_adam --threads N --runs R      -> one JSON line per timed run on stdout
using System.Diagnostics;
using Backprop.Benchmarks;
using TorchSharp;
using static TorchSharp.torch;

int threads = 1, runs = 5;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--threads") threads = int.Parse(args[++i]);
    else if (args[i] == "--runs") runs = int.Parse(args[++i]);
    else throw new ArgumentException($"unknown argument {args[i]}");
}

torch.set_num_threads(threads);
torch.manual_seed(0);
AdamData.Arrays data = AdamData.Load();
int stepsPerEpoch = (AdamData.Rows + AdamData.BatchSize - 1) / AdamData.BatchSize;

// warm-up, untimed: repeat short runs for >= 1 s (tiered JIT, allocator, libtorch kernels)
var warm = Stopwatch.StartNew();
do Train(20, -1); while (warm.Elapsed.TotalSeconds < 1.0);
for (int r = 0; r < runs; r++) Train(AdamData.Epochs * stepsPerEpoch, r);

void Train(int maxSteps, int run)
{
    int[] sizes = AdamData.Sizes;
    int layerCount = sizes.Length - 1, d = sizes[0], n = AdamData.Rows, batch = AdamData.BatchSize;
    var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
    var lins = new List<TorchSharp.Modules.Linear>();
    for (int l = 0; l < layerCount; l++)
    {
        var lin = nn.Linear(sizes[l], sizes[l + 1]);
        lins.Add(lin);
        layers.Add(($"fc{l}", lin));
        if (l < layerCount - 1) layers.Add(($"act{l}", nn.ReLU()));
    }

    var model = nn.Sequential(layers);
    using (torch.no_grad())
        for (int l = 0; l < layerCount; l++)
        {
            lins[l].weight!.copy_(torch.tensor(data.W[l], new long[] { sizes[l + 1], sizes[l] }));
            lins[l].bias!.copy_(torch.tensor(data.B[l], new long[] { sizes[l + 1] }));
        }

    var opt = torch.optim.Adam(model.parameters(), AdamData.LearningRate, AdamData.Beta1, AdamData.Beta2, AdamData.Epsilon);
    var ce = nn.CrossEntropyLoss();

    var xbuf = new float[batch * d];
    var ybuf = new long[batch];
    int steps = 0;
    var load1 = File.ReadAllText("/proc/loadavg").Split(' ')[0];
    var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    var sw = Stopwatch.StartNew();
    for (int e = 0; e < AdamData.Epochs && steps < maxSteps; e++)
    {
        for (int s = 0; s < stepsPerEpoch && steps < maxSteps; s++, steps++)
        {
            int start = s * batch, bs = Math.Min(batch, n - start);
            for (int i = 0; i < bs; i++)
            {
                int idx = data.Order[e * n + start + i];
                Array.Copy(data.X, idx * d, xbuf, i * d, d);
                ybuf[i] = data.Labels[idx];
            }

            using var scope = torch.NewDisposeScope();
            var xb = bs == batch ? torch.tensor(xbuf, new long[] { bs, d }) : torch.tensor(xbuf.AsSpan(0, bs * d).ToArray(), new long[] { bs, d });
            opt.zero_grad();
            var outp = model.forward(xb);
            var loss = ce.forward(outp, torch.tensor(ybuf.AsSpan(0, bs).ToArray(), new long[] { bs }));
            loss.backward();
            opt.step();
        }
    }

    sw.Stop();
    var cpuSecs = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
    if (run < 0) { model.Dispose(); return; }
    double finalLoss;
    using (torch.no_grad())
    using (var scope = torch.NewDisposeScope())
    {
        var o = model.forward(torch.tensor(data.X, new long[] { n, d }));
        finalLoss = ce.forward(o, torch.tensor(data.Labels.Select(v => (long)v).ToArray(), new long[] { n })).item<float>();
    }

    model.Dispose();
    double secs = sw.Elapsed.TotalSeconds;
    long samples = (long)AdamData.Epochs * n;
    Console.WriteLine(FormattableString.Invariant(
        $"{{\"peer\":\"torchsharp\",\"threads\":{threads},\"workload\":\"adam\",\"run\":{run},\"steps\":{steps},\"samples\":{samples},\"seconds\":{secs:R},\"samples_per_s\":{samples / secs:R},\"cpu_seconds\":{cpuSecs:R},\"load1\":{load1},\"final_loss\":{finalLoss:R}}}"));
}
