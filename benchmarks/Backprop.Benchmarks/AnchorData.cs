using System.Runtime.InteropServices;
using System.Text.Json;

namespace Backprop.Benchmarks;

/// <summary>
/// One anchor workload as written by ../shared/anchors/common/gen_data.py ($ANCHORS_DATA, default /tmp/anchors-data):
/// inputs, targets (one-hot for classification), the initial weights ([out, in] like ours) and the per-epoch order.
/// </summary>
public sealed class AnchorData
{
    public required string Name { get; init; }
    public required int[] Sizes { get; init; }
    public required int Rows { get; init; }
    public required int BatchSize { get; init; }
    public required int Epochs { get; init; }
    public required float LearningRate { get; init; }
    public required float[] Inputs { get; init; }
    public required float[] Targets { get; init; }
    public required float[] InitialParameters { get; init; }
    public int[]? Order { get; init; }

    public static string Folder => Environment.GetEnvironmentVariable("ANCHORS_DATA") ?? "/tmp/anchors-data";

    /// <summary>Whether the workload is trained with Adam (<see cref="AdamData"/>) rather than the anchors' plain SGD.</summary>
    public bool Adam { get; init; }

    public static AnchorData Load(string name)
    {
        if (name == "adam") return FromAdam(AdamData.Load());
        string manifest = Path.Combine(Folder, "manifest.json");
        if (!File.Exists(manifest))
            throw new FileNotFoundException($"{manifest} is missing: run ../shared/anchors/common/gen_data.py (or benchmarks/run.sh) first.");
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(manifest));
        JsonElement entry = document.RootElement.GetProperty(name), arrays = entry.GetProperty("arrays");
        T[] Read<T>(string array) where T : struct =>
            MemoryMarshal.Cast<byte, T>(File.ReadAllBytes(Path.Combine(Folder, arrays.GetProperty(array).GetProperty("file").GetString()!))).ToArray();

        int[] sizes = entry.GetProperty("sizes").EnumerateArray().Select(e => e.GetInt32()).ToArray();
        int rows = entry.GetProperty("n").GetInt32(), outputs = sizes[^1];
        float[] targets;
        if (entry.GetProperty("out").GetString() == "sigmoid_mse") targets = Read<float>("y");
        else
        {
            int[] labels = Read<int>("y");
            targets = new float[rows * outputs];
            for (int r = 0; r < rows; r++) targets[r * outputs + labels[r]] = 1f;
        }

        // Our flat layout is, per layer, W[out × in] row-major then b: exactly the anchors' arrays in order.
        var parameters = new List<float>();
        for (int l = 0; l + 1 < sizes.Length; l++)
        {
            parameters.AddRange(Read<float>($"W{l}"));
            parameters.AddRange(Read<float>($"b{l}"));
        }

        return new AnchorData
        {
            Name = name, Sizes = sizes, Rows = rows,
            BatchSize = entry.GetProperty("batch").GetInt32(), Epochs = entry.GetProperty("epochs").GetInt32(),
            LearningRate = (float)entry.GetProperty("lr").GetDouble(),
            Inputs = Read<float>("X"), Targets = targets, InitialParameters = [.. parameters],
            Order = arrays.TryGetProperty("perm", out _) ? Read<int>("perm") : null,
        };
    }

    /// <summary>The "adam" workload (files written by <see cref="AdamData"/>, which the TorchSharp peer reads too) in this shape.</summary>
    private static AnchorData FromAdam(AdamData.Arrays a)
    {
        int outputs = AdamData.Sizes[^1];
        var targets = new float[AdamData.Rows * outputs];
        for (int r = 0; r < AdamData.Rows; r++) targets[r * outputs + a.Labels[r]] = 1f;
        var parameters = new List<float>();
        for (int l = 0; l < a.W.Length; l++)
        {
            parameters.AddRange(a.W[l]);
            parameters.AddRange(a.B[l]);
        }

        return new AnchorData
        {
            Name = "adam", Sizes = AdamData.Sizes, Rows = AdamData.Rows, BatchSize = AdamData.BatchSize, Epochs = AdamData.Epochs,
            LearningRate = AdamData.LearningRate, Inputs = a.X, Targets = targets, InitialParameters = [.. parameters], Order = a.Order,
            Adam = true,
        };
    }
}
