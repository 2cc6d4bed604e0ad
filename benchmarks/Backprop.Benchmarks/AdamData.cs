// The "adam" workload's data, written once to files that both sides read: Backprop's benchmarks (this project) and the
// TorchSharp peer (benchmarks/peers/torchsharp-adam, which compiles this same file). No dependency on Backprop.
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Backprop.Benchmarks;

/// <summary>
/// Workload "adam": a 16-64-32-3 ReLU/softmax net (3,267 parameters) on 2,000 generated rows × 16 features, batch 32
/// (62 full batches + one of 16 per epoch), 20 epochs, Adam (β₁ 0.9, β₂ 0.999, ε 1e−8, η 1e−3), mean cross-entropy.
/// </summary>
/// <remarks>
/// Everything comes from the anchors' counter-based SplitMix64 (../shared/anchors/common/gen_data.py: unif(seed, i) =
/// (mix(seed + (i+1)·G) &gt;&gt; 40)·2⁻²⁴), seed 500: inputs X = 2·unif(501, ·) − 1 in [−1, 1)¹⁶; labels from a fixed
/// random two-layer teacher, argmax(tanh(2·X·T₁)·T₂) with T₁ = 2·unif(502) − 1 [16×8] and T₂ = 2·unif(503) − 1 [8×3]
/// in float64 (not linearly separable, so the net has something to learn for 20 epochs; Math.Tanh is not
/// bit-exact across platforms, which is why both sides read the written files rather than regenerate them); initial weights Glorot-uniform
/// ((2·unif(510 + l) − 1)·√(6/(fan_in + fan_out)), float64 then float32, stored [out, in]) and zero biases. The batch
/// order of epoch e is the permutation NetworkTrainer.Train uses for <c>Seed = 0, Shuffle = true</c> on in-memory
/// samples: the Fisher–Yates shuffle driven by <c>new Random(e)</c> (seed = Seed·1,000,003 + e), so our side runs
/// through the user's API with its own shuffle and TorchSharp follows the same order from the file.
/// Files (little-endian, raw) go to $ADAM_DATA (default /tmp/backprop-adam-data): X [2000×16] f32, y [2000] i32,
/// W0..W2 / b0..b2 f32, perm [20×2000] i32, and manifest.txt (sizes and a checksum of each array).
/// </remarks>
public static class AdamData
{
    public static readonly int[] Sizes = [16, 64, 32, 3];
    public const int Rows = 2000, BatchSize = 32, Epochs = 20;
    public const float LearningRate = 1e-3f, Beta1 = 0.9f, Beta2 = 0.999f, Epsilon = 1e-8f;
    private const ulong Seed = 500;

    public static string Folder => Environment.GetEnvironmentVariable("ADAM_DATA") ?? "/tmp/backprop-adam-data";

    public static int ParameterCount
    {
        get
        {
            int p = 0;
            for (int l = 0; l + 1 < Sizes.Length; l++) p += Sizes[l] * Sizes[l + 1] + Sizes[l + 1];
            return p;
        }
    }

    /// <summary>The workload's arrays: written to <see cref="Folder"/> on first use, then read from there.</summary>
    public sealed record Arrays(float[] X, int[] Labels, float[][] W, float[][] B, int[] Order);

    public static Arrays Load()
    {
        string folder = Folder;
        if (!File.Exists(Path.Combine(folder, "manifest.txt"))) Write(folder, Generate());
        T[] Read<T>(string name) where T : struct => MemoryMarshal.Cast<byte, T>(File.ReadAllBytes(Path.Combine(folder, name + ".bin"))).ToArray();
        int layers = Sizes.Length - 1;
        var w = new float[layers][];
        var b = new float[layers][];
        for (int l = 0; l < layers; l++) { w[l] = Read<float>($"W{l}"); b[l] = Read<float>($"b{l}"); }
        var arrays = new Arrays(Read<float>("X"), Read<int>("y"), w, b, Read<int>("perm"));
        if (arrays.X.Length != Rows * Sizes[0] || arrays.Order.Length != Epochs * Rows)
            throw new InvalidDataException($"{folder}: the adam workload's files do not match its definition; delete the folder to regenerate.");
        return arrays;
    }

    public static Arrays Generate()
    {
        int d = Sizes[0], k = Sizes[^1], hidden = 8;
        var x = new float[Rows * d];
        for (int i = 0; i < x.Length; i++) x[i] = (float)(Unif(Seed + 1, i) * 2.0 - 1.0);
        var t1 = new double[d * hidden];
        var t2 = new double[hidden * k];
        for (int i = 0; i < t1.Length; i++) t1[i] = Unif(Seed + 2, i) * 2.0 - 1.0;
        for (int i = 0; i < t2.Length; i++) t2[i] = Unif(Seed + 3, i) * 2.0 - 1.0;
        var labels = new int[Rows];
        var h = new double[hidden];
        for (int r = 0; r < Rows; r++)
        {
            for (int j = 0; j < hidden; j++)
            {
                double s = 0;
                for (int i = 0; i < d; i++) s += x[r * d + i] * t1[i * hidden + j];
                h[j] = Math.Tanh(2.0 * s);
            }

            int best = 0;
            double bestScore = double.NegativeInfinity;
            for (int c = 0; c < k; c++)
            {
                double s = 0;
                for (int j = 0; j < hidden; j++) s += h[j] * t2[j * k + c];
                if (s > bestScore) { bestScore = s; best = c; }
            }

            labels[r] = best;
        }

        int layers = Sizes.Length - 1;
        var w = new float[layers][];
        var b = new float[layers][];
        for (int l = 0; l < layers; l++)
        {
            int fanIn = Sizes[l], fanOut = Sizes[l + 1];
            double bound = Math.Sqrt(6.0 / (fanIn + fanOut));
            w[l] = new float[fanOut * fanIn];
            for (int i = 0; i < w[l].Length; i++) w[l][i] = (float)((Unif(Seed + 10 + (ulong)l, i) * 2.0 - 1.0) * bound);
            b[l] = new float[fanOut];
        }

        var order = new int[Epochs * Rows];
        for (int e = 0; e < Epochs; e++)
        {
            // NetworkTrainer.Train's shuffle of in-memory samples for Seed = 0: Fisher–Yates with new Random(0·1,000,003 + e).
            Span<int> epoch = order.AsSpan(e * Rows, Rows);
            for (int i = 0; i < Rows; i++) epoch[i] = i;
            var random = new Random(e);
            for (int i = Rows - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (epoch[i], epoch[j]) = (epoch[j], epoch[i]);
            }
        }

        return new Arrays(x, labels, w, b, order);
    }

    private static void Write(string folder, Arrays a)
    {
        Directory.CreateDirectory(folder);
        var manifest = new StringBuilder("adam workload: sizes 16-64-32-3 relu/relu/softmax, rows 2000, batch 32, epochs 20, Adam lr 1e-3 (benchmarks/Backprop.Benchmarks/AdamData.cs)\n");
        void Put<T>(string name, T[] values) where T : struct
        {
            byte[] bytes = MemoryMarshal.AsBytes(values.AsSpan()).ToArray();
            File.WriteAllBytes(Path.Combine(folder, name + ".bin"), bytes);
            manifest.Append(CultureInfo.InvariantCulture, $"{name}.bin {values.Length} {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes))[..16]}\n");
        }

        Put("X", a.X);
        Put("y", a.Labels);
        for (int l = 0; l < a.W.Length; l++) { Put($"W{l}", a.W[l]); Put($"b{l}", a.B[l]); }
        Put("perm", a.Order);
        var counts = new int[Sizes[^1]];
        foreach (int label in a.Labels) counts[label]++;
        manifest.Append(CultureInfo.InvariantCulture, $"class counts {string.Join(' ', counts)}\n");
        File.WriteAllText(Path.Combine(folder, "manifest.txt"), manifest.ToString());
    }

    private static double Unif(ulong seed, long i)
    {
        ulong z = unchecked(seed + (ulong)(i + 1) * 0x9E3779B97F4A7C15UL);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        z ^= z >> 31;
        return (z >> 40) * (1.0 / (1 << 24));
    }
}
