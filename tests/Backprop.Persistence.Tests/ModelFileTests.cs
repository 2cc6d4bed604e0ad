using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using Backprop.MLNet;
using Backprop.Persistence.LoadCheck;
using Microsoft.ML;
using Microsoft.ML.Data;
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
    public void Every_bit_flip_in_our_model_entry_fails_with_a_specific_error()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = Scenarios.Data(ml, "regression");
        ITransformer model = Scenarios.Pipeline(ml, "regression").Fit(data);
        byte[] zip = Save(ml, model, data.Schema);
        (string entry, byte[] content) = OurEntry(zip);
        (int start, int end) = OurPayload(content);

        var random = new Random(6);
        for (int position = start; position < end; position++)
        {
            byte[] corrupt = (byte[])content.Clone();
            corrupt[position] ^= (byte)(1 << random.Next(8));
            Exception error = Assert.ThrowsAny<Exception>(() => ml.Model.Load(new MemoryStream(WithEntry(zip, entry, corrupt)), out _));
            Assert.True(Chain(error).Any(e => e is InvalidDataException or NetworkFileException),
                $"byte {position - start} of our entry: {string.Join(" | ", Chain(error).Select(e => $"{e.GetType().Name}: {e.Message}"))}");
        }
    }

    [Fact]
    public void A_model_whose_network_type_is_missing_names_the_type()
    {
        var ml = new MLContext(seed: 1);
        IDataView data = Scenarios.Data(ml, "regression");
        ITransformer model = Scenarios.Pipeline(ml, "regression").Fit(data);
        byte[] zip = Save(ml, model, data.Schema);
        (string entry, byte[] content) = OurEntry(zip);
        (int start, int end) = OurPayload(content);

        // Rename SineNet to TineNet inside the network file, then make both checksums valid again: a well-formed model
        // file whose network class does not exist in this process (as when the loading app lacks the network's assembly).
        int at = content.AsSpan().IndexOf("BPNW"u8), length = BitConverter.ToInt32(content, at - 4);
        int name = content.AsSpan(at, length).IndexOf("SineNet"u8);
        content[at + name] = (byte)'T';
        BinaryPrimitives.WriteUInt32LittleEndian(content.AsSpan(at + length - 4), Crc32.Compute(content.AsSpan(at, length - 4)));
        BinaryPrimitives.WriteUInt32LittleEndian(content.AsSpan(end - 4), Crc32.Compute(content.AsSpan(start + 8, end - 4 - start - 8)));

        Exception error = Assert.ThrowsAny<Exception>(() => ml.Model.Load(new MemoryStream(WithEntry(zip, entry, content)), out _));
        NetworkFileException cause = Chain(error).OfType<NetworkFileException>().Single();
        Assert.Equal(NetworkFileError.UnknownNetworkType, cause.Error);
        Assert.Contains("Backprop.Persistence.LoadCheck.TineNet", cause.Message);
    }

    [Fact]
    public void Numeric_class_labels_map_back_to_the_same_values_after_loading()
    {
        var ml = new MLContext(seed: 1);
        var rows = new List<NumericLabelRow>();
        var random = new Random(3);
        for (int i = 0; i < 120; i++)
        {
            int c = i % 3;
            rows.Add(new NumericLabelRow { Features = [(float)random.NextDouble() + c, (float)random.NextDouble()], Grade = 1.5f * c + 2 });
        }

        IDataView data = ml.Data.LoadFromEnumerable(rows);
        ITransformer model = ml.Transforms.Conversion.MapValueToKey("Label", nameof(NumericLabelRow.Grade))
            .Append(ml.MulticlassClassification.Trainers.Backprop<BlobClassNet>(new() { Epochs = 5 }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedGrade", "PredictedLabel"))
            .Fit(data);
        ITransformer loaded = ml.Model.Load(new MemoryStream(Save(ml, model, data.Schema)), out _);

        float[] before = model.Transform(data).GetColumn<float>("PredictedGrade").ToArray();
        float[] after = loaded.Transform(data).GetColumn<float>("PredictedGrade").ToArray();
        Assert.Equal(before, after);
        Assert.Subset(new HashSet<float> { 2f, 3.5f, 5f }, after.ToHashSet());
    }

    [Fact]
    public void A_label_key_from_a_boolean_predicts_a_boolean_after_loading()
    {
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 90).Select(i => new BooleanLabelRow { Features = [i % 2, i % 5 * 0.1f], Flag = i % 2 == 0 }).ToList();
        IDataView data = ml.Data.LoadFromEnumerable(rows);
        ITransformer model = ml.Transforms.Conversion.MapValueToKey("Label", nameof(BooleanLabelRow.Flag))
            .Append(ml.MulticlassClassification.Trainers.Backprop<BlobClassNet>(new() { Epochs = 5 }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"))
            .Fit(data);
        ITransformer loaded = ml.Model.Load(new MemoryStream(Save(ml, model, data.Schema)), out _);

        Assert.Equal(BooleanDataViewType.Instance, loaded.GetOutputSchema(data.Schema)["PredictedLabel"].Type);
        var engine = ml.Model.CreatePredictionEngine<BooleanLabelRow, BooleanPrediction>(loaded);
        Assert.Equal(
            rows.Select(r => ml.Model.CreatePredictionEngine<BooleanLabelRow, BooleanPrediction>(model).Predict(r).PredictedLabel),
            rows.Select(r => engine.Predict(r).PredictedLabel));
        Assert.Equal(["True", "False"], ((IEnumerable<ITransformer>)loaded).OfType<BackpropTransformer>().Single().ClassNames);
    }

    public static TheoryData<string> KeyValueTypes => ["Byte", "Int16", "UInt64", "Double", "DateTime", "TimeSpan", "String"];

    [Theory]
    [MemberData(nameof(KeyValueTypes))]
    public void Every_key_value_type_survives_saving_and_loading(string type)
    {
        switch (type)
        {
            case "Byte": RoundTripKeyValues<byte>(i => (byte)(200 + i)); break;
            case "Int16": RoundTripKeyValues<short>(i => (short)(-300 * i)); break;
            case "UInt64": RoundTripKeyValues<ulong>(i => ulong.MaxValue - (ulong)i); break;
            case "Double": RoundTripKeyValues<double>(i => 0.1 * i + 1e-17); break;
            case "DateTime": RoundTripKeyValues<DateTime>(i => new DateTime(2026, 1, 1 + i, 0, 0, 0, DateTimeKind.Utc).AddTicks(7)); break;
            case "TimeSpan": RoundTripKeyValues<TimeSpan>(i => TimeSpan.FromTicks(123_456_789 * (i + 1))); break;
            default: RoundTripKeyValues<string>(i => $"class {i}"); break;
        }
    }

    private static void RoundTripKeyValues<T>(Func<int, T> value)
    {
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 60).Select(i => new GenericLabelRow<T> { Features = [i % 3, i % 5 * 0.1f], Value = value(i % 3) }).ToList();
        IDataView data = ml.Data.LoadFromEnumerable(rows);
        ITransformer model = ml.Transforms.Conversion.MapValueToKey("Label", nameof(GenericLabelRow<T>.Value))
            .Append(ml.MulticlassClassification.Trainers.Backprop<BlobClassNet>(new() { Epochs = 2 }))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"))
            .Fit(data);
        ITransformer loaded = ml.Model.Load(new MemoryStream(Save(ml, model, data.Schema)), out _);

        Assert.Equal(model.GetOutputSchema(data.Schema)["PredictedLabel"].Type, loaded.GetOutputSchema(data.Schema)["PredictedLabel"].Type);
        T[] before = model.Transform(data).GetColumn<T>("PredictedLabel").ToArray(), after = loaded.Transform(data).GetColumn<T>("PredictedLabel").ToArray();
        Assert.Equal(before, after);
        Assert.Subset(Enumerable.Range(0, 3).Select(value).ToHashSet(), after.ToHashSet());
    }

    [Fact]
    public void A_label_key_without_key_values_stays_without_them_after_loading()
    {
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 60).Select(i => new KeyLabelRow { Features = [i % 3, i % 5 * 0.1f], Label = (uint)(i % 3 + 1) }).ToList();
        IDataView data = ml.Data.LoadFromEnumerable(rows);
        ITransformer model = ml.MulticlassClassification.Trainers.Backprop<BlobClassNet>(new() { Epochs = 3 }).Fit(data);
        ITransformer loaded = ml.Model.Load(new MemoryStream(Save(ml, model, data.Schema)), out _);

        DataViewSchema original = model.GetOutputSchema(data.Schema), copy = loaded.GetOutputSchema(data.Schema);
        Assert.Null(original["PredictedLabel"].Annotations.Schema.GetColumnOrNull("KeyValues"));
        Assert.Null(copy["PredictedLabel"].Annotations.Schema.GetColumnOrNull("KeyValues"));
        Assert.Equal(model.Transform(data).GetColumn<uint>("PredictedLabel"), loaded.Transform(data).GetColumn<uint>("PredictedLabel"));
    }

    [Fact]
    public void The_mlnet_version_is_in_the_tested_range()
    {
        // Saving uses ML.NET's internal model-file API (see src/Backprop.MLNet/Persistence): supported and tested on
        // [5.0.1, 7.0), the range of Backprop.MLNet's package dependency (.ci/run installs the packages on 5.0.1 and 6.0.0).
        string version = typeof(MLContext).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .Cast<System.Reflection.AssemblyInformationalVersionAttribute>().Single().InformationalVersion;
        var release = Version.Parse(version.Split('+', '-')[0]);
        Assert.InRange(release, new Version(5, 0, 1), new Version(6, int.MaxValue, int.MaxValue));
    }

    private static byte[] Save(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        var stream = new MemoryStream();
        ml.Model.Save(model, schema, stream);
        return stream.ToArray();
    }

    /// <summary>The zip entry that holds our transformer (the one with the "BPNW" network file inside).</summary>
    private static (string Name, byte[] Content) OurEntry(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        ZipArchiveEntry entry = archive.Entries.Single(e => ReadAll(e).AsSpan().IndexOf("BPNW"u8) >= 0);
        return (entry.FullName, ReadAll(entry));
    }

    /// <summary>Where our entry's version, length, payload and CRC-32 lie inside ML.NET's model entry: [start, end).</summary>
    private static (int Start, int End) OurPayload(byte[] content)
    {
        int at = content.AsSpan().IndexOf("BPNW"u8);
        for (int start = 0; start < at; start++)
        {
            if (BitConverter.ToUInt32(content, start) != 4) continue; // the payload version
            int length = BitConverter.ToInt32(content, start + 4);
            if (length <= 0 || start + 8 + length + 4 > content.Length) continue;
            if (Crc32.Compute(content.AsSpan(start + 8, length)) == BitConverter.ToUInt32(content, start + 8 + length)) return (start, start + 8 + length + 4);
        }

        throw new InvalidOperationException("Our payload was not found in the model entry.");
    }

    /// <summary>A copy of <paramref name="zip"/> with one entry's content replaced.</summary>
    private static byte[] WithEntry(byte[] zip, string name, byte[] content)
    {
        var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (ZipArchiveEntry entry in source.Entries)
            {
                using Stream write = target.CreateEntry(entry.FullName).Open();
                write.Write(entry.FullName == name ? content : ReadAll(entry));
            }
        }

        return output.ToArray();
    }

    private static IEnumerable<Exception> Chain(Exception? error)
    {
        for (; error is not null; error = error.InnerException) yield return error;
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

    public sealed class NumericLabelRow
    {
        [VectorType(2)] public float[] Features { get; set; } = [];
        public float Grade { get; set; }
    }

    public sealed class BooleanLabelRow
    {
        [VectorType(2)] public float[] Features { get; set; } = [];
        public bool Flag { get; set; }
    }

    public sealed class BooleanPrediction
    {
        public bool PredictedLabel { get; set; }
    }

    public sealed class GenericLabelRow<T>
    {
        [VectorType(2)] public float[] Features { get; set; } = [];
        public T Value { get; set; } = default!;
    }

    public sealed class KeyLabelRow
    {
        [VectorType(2)] public float[] Features { get; set; } = [];
        [KeyType(3)] public uint Label { get; set; }
    }
}
