using Backprop.Onnx;
using Xunit;

namespace Backprop.Persistence.Tests;

/// <summary>
/// Saving to a path replaces the file all at once: a save that fails part way (a full disk) leaves the previous file
/// loading as before, and no temporary file behind.
/// </summary>
public sealed class AtomicSaveTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("backprop-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private string[] FilesInFolder() => Directory.GetFiles(_folder).Select(Path.GetFileName).ToArray()!;

    [Theory]
    [InlineData(0, false)]
    [InlineData(100, false)]
    [InlineData(272, false)]
    [InlineData(int.MaxValue, true)]
    public void A_disk_full_while_saving_keeps_the_previous_network_file(int capacity, bool failOnFlush)
    {
        string path = PathOf("small.bpnw");
        SmallNet previous = RandomWeights.Fill(new SmallNet(), 1);
        NetworkFile.Save(previous, path);

        var error = Assert.Throws<IOException>(() => NetworkFile.Save(RandomWeights.Fill(new SmallNet(), 2), path,
            temporary => new DiskFullStream(File.Create(temporary), capacity, failOnFlush)));

        Assert.Contains("No space left on device", error.Message);
        Assert.Contains(path, error.Message);
        Assert.Contains("previous file", error.Message);
        Assert.Equal(previous.Parameters, NetworkFile.Load<SmallNet>(path).Parameters);
        Assert.Equal(["small.bpnw"], FilesInFolder());
    }

    [Fact]
    public void A_save_that_fails_after_opening_keeps_the_previous_network_file()
    {
        string path = PathOf("small.bpnw");
        SmallNet previous = RandomWeights.Fill(new SmallNet(), 1);
        NetworkFile.Save(previous, path);

        Assert.Throws<IOException>(() => NetworkFile.Save(new UnreadableNetwork(), path));

        Assert.Equal(previous.Parameters, NetworkFile.Load<SmallNet>(path).Parameters);
        Assert.Equal(["small.bpnw"], FilesInFolder());
    }

    [Fact]
    public void A_successful_save_replaces_the_file_and_leaves_nothing_else()
    {
        string path = PathOf("small.bpnw");
        NetworkFile.Save(RandomWeights.Fill(new SmallNet(), 1), path);
        SmallNet replacement = RandomWeights.Fill(new SmallNet(), 2);
        NetworkFile.Save(replacement, path);

        Assert.Equal(replacement.Parameters, NetworkFile.Load<SmallNet>(path).Parameters);
        Assert.Equal(["small.bpnw"], FilesInFolder());
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(150, false)]
    [InlineData(int.MaxValue, true)]
    public void A_disk_full_while_exporting_keeps_the_previous_onnx_file(int capacity, bool failOnFlush)
    {
        string path = PathOf("small.onnx");
        SmallNet previous = RandomWeights.Fill(new SmallNet(), 1);
        OnnxExporter.Export(previous, path);
        byte[] before = File.ReadAllBytes(path);

        var error = Assert.Throws<IOException>(() => OnnxExporter.Export(RandomWeights.Fill(new SmallNet(), 2), path,
            temporary => new DiskFullStream(File.Create(temporary), capacity, failOnFlush)));

        Assert.Contains("No space left on device", error.Message);
        Assert.Contains(path, error.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(OnnxExporter.ToBytes(previous), before);
        Assert.Equal(["small.onnx"], FilesInFolder());
    }

    [Fact]
    public void An_export_that_fails_after_opening_keeps_the_previous_onnx_file()
    {
        string path = PathOf("small.onnx");
        OnnxExporter.Export(RandomWeights.Fill(new SmallNet(), 1), path);
        byte[] before = File.ReadAllBytes(path);

        Assert.Throws<IOException>(() => OnnxExporter.Export(new UnreadableNetwork(), path));

        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal(["small.onnx"], FilesInFolder());
    }
}
