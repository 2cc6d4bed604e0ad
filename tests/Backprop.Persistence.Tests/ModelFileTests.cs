using System.Diagnostics;
using Backprop.MLNet;
using Backprop.Persistence.LoadCheck;
using Microsoft.ML;
using Xunit;

namespace Backprop.Persistence.Tests;

/// <summary>mlContext.Model.Save in this process, mlContext.Model.Load in a fresh one: the same outputs, bit for bit.</summary>
public class ModelFileTests
{
    [Theory]
    [InlineData("binary")]
    [InlineData("multiclass")]
    [InlineData("regression")]
    public void A_saved_model_predicts_bit_identically_in_a_fresh_process(string task)
    {
        var ml = new MLContext(seed: 1);
        IDataView data = Scenarios.Data(ml, task);
        ITransformer model = Scenarios.Pipeline(ml, task).Fit(data);
        List<string> expected = Scenarios.Outputs(ml, model, data, task);
        BackpropTransformer trained = ((IEnumerable<ITransformer>)model).OfType<BackpropTransformer>().Single();

        string folder = Directory.CreateTempSubdirectory("backprop-").FullName;
        try
        {
            string zip = Path.Combine(folder, "model.zip"), outputs = Path.Combine(folder, "outputs.txt");
            ml.Model.Save(model, data.Schema, zip);
            RunLoadCheck(task, zip, outputs);

            string[] actual = File.ReadAllLines(outputs);
            Assert.Equal(expected, actual.Take(actual.Length - 1));
            Assert.Equal($"network {trained.Model.NetworkType.FullName} epochs {trained.Model.History!.Epochs.Count}", actual[^1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_model_loaded_in_process_is_ours_with_weights_and_history()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = Scenarios.Data(ml, "multiclass");
        ITransformer model = Scenarios.Pipeline(ml, "multiclass").Fit(data);
        var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        stream.Position = 0;
        ITransformer loaded = ml.Model.Load(stream, out DataViewSchema schema);

        BackpropTransformer original = ((IEnumerable<ITransformer>)model).OfType<BackpropTransformer>().Single();
        BackpropTransformer copy = ((IEnumerable<ITransformer>)loaded).OfType<BackpropTransformer>().Single();
        Assert.IsType<BlobClassNet>(copy.Model.Network);
        Assert.Equal(original.Model.Network.Parameters, copy.Model.Network.Parameters);
        Assert.Equal(original.Model.History!.Epochs, copy.Model.History!.Epochs);
        Assert.Equal(original.ClassNames, copy.ClassNames);
        Assert.Equal(data.Schema.Count, schema.Count);
    }

    [Fact]
    public void A_corrupt_model_entry_fails_with_a_clear_error()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = Scenarios.Data(ml, "regression");
        ITransformer model = Scenarios.Pipeline(ml, "regression").Fit(data);
        var stream = new MemoryStream();
        ml.Model.Save(model, data.Schema, stream);
        var buffer = new MemoryStream();
        buffer.Write(stream.ToArray());

        // Flip a bit of the last parameter inside our network entry (the one holding the "BPNW" file), and fix nothing else.
        using (var archive = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = archive.Entries.Single(e => ReadAll(e).AsSpan().IndexOf("BPNW"u8) >= 0);
            byte[] content = ReadAll(entry);
            int at = content.AsSpan().IndexOf("BPNW"u8), length = BitConverter.ToInt32(content, at - 4); // our entry: length, then the file
            content[at + length - 6] ^= 0x40;
            entry.Delete();
            using Stream write = archive.CreateEntry(entry.FullName).Open();
            write.Write(content);
        }

        byte[] zip = buffer.ToArray();
        var error = Assert.ThrowsAny<Exception>(() => ml.Model.Load(new MemoryStream(zip), out _));
        Assert.Contains("checksum", AllMessages(error));
    }

    [Fact]
    public void The_mlnet_version_is_in_the_tested_range()
    {
        // Saving uses ML.NET's internal model-file API (see src/Backprop.MLNet/Persistence): tested with 5.0.x only.
        string version = typeof(MLContext).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        Assert.StartsWith("5.0.", version);
    }

    private static byte[] ReadAll(System.IO.Compression.ZipArchiveEntry entry)
    {
        using Stream stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string AllMessages(Exception error) => error.InnerException is null ? error.Message : error.Message + " | " + AllMessages(error.InnerException);

    /// <summary>Runs the LoadCheck program with this test's runtime configuration and dependencies (it is one of them).</summary>
    private static void RunLoadCheck(string task, string zip, string outputs)
    {
        string folder = AppContext.BaseDirectory;
        string program = typeof(Scenarios).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                "exec",
                "--runtimeconfig", Path.Combine(folder, "Backprop.Persistence.Tests.runtimeconfig.json"),
                "--depsfile", Path.Combine(folder, "Backprop.Persistence.Tests.deps.json"),
                program, task, zip, outputs,
            },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        using Process process = Process.Start(start)!;
        string stderr = process.StandardError.ReadToEnd();
        string stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(120_000), "the load process did not finish in 2 minutes");
        Assert.True(process.ExitCode == 0, $"the load process failed with exit code {process.ExitCode}: {stderr}{stdout}");
    }
}
