using System.Globalization;
using Backprop.MLNet;
using Backprop.MLNet.Training;
using Backprop.Persistence;
using Backprop.Training;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;

[assembly: LoadableClass(typeof(BackpropTransformer), null, typeof(SignatureLoadModel), "Backprop network transformer", BackpropTransformer.LoaderSignature)]

namespace Backprop.MLNet;

/// <summary>
/// Saving in ML.NET's model format, the way ML.NET's own transformers do (ModelSaveContext / LoadableClass), so that
/// <c>mlContext.Model.Load</c> in a fresh process returns a <see cref="BackpropTransformer"/> again. The network is
/// stored in the standalone <see cref="NetworkFile"/> format inside the model entry; its generated type is found again
/// by name, so the assembly that declares the network must be loadable by the process that loads the model.
/// </summary>
public sealed partial class BackpropTransformer
{
    /// <summary>The loader signature ML.NET records in the model file.</summary>
    internal const string LoaderSignature = "BackpropTransformer";

    /// <summary>
    /// Version of the entry written by <see cref="SaveModel"/>: 2 added the length and CRC-32 around the payload; 3 the
    /// feature standardisation after the network; 4 the label standardisation (regression) after that. Versions 2 and 3
    /// still load (version 2 without a feature standardisation, both without a label standardisation).
    /// </summary>
    private const uint PayloadVersion = 4;

    /// <summary>The oldest payload version this library reads.</summary>
    private const uint OldestPayloadVersion = 2;

    /// <summary>Per-epoch fields written after the first five: 1 = ValidationAccuracy.</summary>
    private const int EpochExtraFields = 1;

    private static VersionInfo GetVersionInfo() => new(
        modelSignature: "BPNTRANS",
        verWrittenCur: 0x00010004,
        verReadableCur: 0x00010004,
        verWeCanReadBack: 0x00010002,
        loaderSignature: LoaderSignature,
        loaderAssemblyName: typeof(BackpropTransformer).Assembly.FullName);

    partial void SaveModel(ModelSaveContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.CheckAtModel();
        ctx.SetVersionInfo(GetVersionInfo());

        // Entry layout: payload version (uint32), payload length (int32), payload, CRC-32 of the payload (uint32).
        // The payload: task, feature column, label, training history, the network in the standalone format (which carries
        // the input count of a network sized by the data), then (version 3) the feature standardisation, then (version 4)
        // the label standardisation.
        using var buffer = new MemoryStream();
        using (var payload = new BinaryWriter(buffer, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            payload.Write((int)Kind);
            payload.Write(FeatureColumnName);
            WriteLabel(payload, _label);
            WriteHistory(payload, Model.History);
            byte[] network = NetworkFile.ToBytes(Model.Network);
            payload.Write(network.Length);
            payload.Write(network);
            WriteStandardizer(payload, Standardizer);
            WriteLabelStandardizer(payload, LabelStandardizer);
        }

        ReadOnlySpan<byte> bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        BinaryWriter writer = ctx.Writer;
        writer.Write(PayloadVersion);
        writer.Write(bytes.Length);
        writer.Write(bytes);
        writer.Write(Crc32.Compute(bytes));
    }

    /// <summary>Called by ML.NET's model loader (registered with <c>LoadableClass</c> above).</summary>
    /// <exception cref="InvalidDataException">The transformer's entry is truncated, fails its checksum, or is of another version.</exception>
    /// <exception cref="NetworkFileException">The network inside it is of another shape, or its type cannot be found in this process.</exception>
    private static BackpropTransformer Create(IHostEnvironment env, ModelLoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.CheckAtModel(GetVersionInfo());
        (uint version, byte[] payload) = ReadCheckedPayload(ctx.Reader);
        using var reader = new BinaryReader(new MemoryStream(payload), System.Text.Encoding.UTF8);
        try
        {
            return Read(reader, version);
        }
        catch (Exception exception) when (exception is EndOfStreamException or FormatException or OverflowException)
        {
            // The checksum matched, so this is a payload written by another (buggy or future) writer, not a damaged file.
            throw new InvalidDataException(
                $"The model file's Backprop transformer entry has an unreadable value at byte {reader.BaseStream.Position} of its payload ({exception.Message}).", exception);
        }
    }

    /// <summary>Reads the version, length, payload and checksum, and checks them all before anything is parsed.</summary>
    private static (uint Version, byte[] Payload) ReadCheckedPayload(BinaryReader reader)
    {
        uint version = ReadOrThrow(reader, r => r.ReadUInt32(), "the payload version");
        if (version < OldestPayloadVersion || version > PayloadVersion)
            throw new InvalidDataException(
                $"The model holds a Backprop transformer of payload version {version}; this library reads versions {OldestPayloadVersion} to {PayloadVersion}. Load it with the Backprop version that saved it, or retrain.");
        int length = ReadOrThrow(reader, r => r.ReadInt32(), "the payload length");
        if (length <= 0 || length > 1 << 30)
            throw new InvalidDataException($"The model's Backprop transformer entry claims a payload of {length} bytes: the model file is corrupt.");
        byte[] payload = reader.ReadBytes(length);
        if (payload.Length != length)
            throw new InvalidDataException(
                $"The model's Backprop transformer entry claims a payload of {length} bytes but only {payload.Length} remain: the model file is truncated or corrupt.");
        uint stored = ReadOrThrow(reader, r => r.ReadUInt32(), "the payload checksum");
        uint actual = Crc32.Compute(payload);
        if (stored != actual)
            throw new InvalidDataException(
                $"The model's Backprop transformer entry has checksum 0x{stored:X8} but its payload hashes to 0x{actual:X8}: the model file is corrupt.");
        return (version, payload);
    }

    private static T ReadOrThrow<T>(BinaryReader reader, Func<BinaryReader, T> read, string what)
    {
        try
        {
            return read(reader);
        }
        catch (EndOfStreamException exception)
        {
            throw new InvalidDataException($"The model's Backprop transformer entry ends before {what}: the model file is truncated or corrupt.", exception);
        }
    }

    private static BackpropTransformer Read(BinaryReader reader, uint version)
    {
        var kind = (PredictionKind)reader.ReadInt32();
        if (!Enum.IsDefined(kind)) throw new InvalidDataException($"The model's Backprop transformer has an unknown task {(int)kind}: the model file is corrupt.");
        string features = reader.ReadString();
        LabelInfo? label = ReadLabel(reader, kind);
        TrainingHistory? history = ReadHistory(reader);
        int length = reader.ReadInt32();
        if (length <= 0 || length > reader.BaseStream.Length) throw new InvalidDataException($"The model's network entry claims {length} bytes: the payload is inconsistent.");
        byte[] file = reader.ReadBytes(length);
        if (file.Length != length)
            throw new InvalidDataException($"The model's network entry claims {length} bytes but only {file.Length} remain: the payload is inconsistent.");
        INetwork network = NetworkFile.Load(new MemoryStream(file));
        if (kind == PredictionKind.MulticlassClassification && (label is null || label.ClassCount > network.Shape.OutputCount))
            throw new InvalidDataException(
                $"The model's multiclass Backprop transformer has {label?.ClassCount.ToString(CultureInfo.InvariantCulture) ?? "no"} classes for network '{network.Shape.Name}' of {network.Shape.OutputCount} outputs: the payload is inconsistent.");
        FeatureStandardizer? standardizer = version >= 3 ? ReadStandardizer(reader, network.Shape) : null;
        LabelStandardizer? labelStandardizer = version >= 4 ? ReadLabelStandardizer(reader, kind, network.Shape) : null;
        return new BackpropTransformer(kind, new NetworkModel(network, history), features, label, standardizer, labelStandardizer);
    }

    private static void WriteStandardizer(BinaryWriter writer, FeatureStandardizer? standardizer)
    {
        writer.Write(standardizer is not null);
        if (standardizer is null) return;
        writer.Write(standardizer.Count);
        foreach (float m in standardizer.Mean) writer.Write(m);
        foreach (float v in standardizer.Variance) writer.Write(v);
    }

    private static FeatureStandardizer? ReadStandardizer(BinaryReader reader, NetworkShape shape)
    {
        if (!reader.ReadBoolean()) return null;
        int count = reader.ReadInt32();
        if (count != shape.InputCount)
            throw new InvalidDataException($"The model's feature standardisation is of {count} features, but network '{shape.Name}' takes {shape.InputCount}: the payload is inconsistent.");
        var mean = new float[count];
        var variance = new float[count];
        for (int j = 0; j < count; j++) mean[j] = reader.ReadSingle();
        for (int j = 0; j < count; j++) variance[j] = reader.ReadSingle();
        try
        {
            return new FeatureStandardizer(mean, variance);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidDataException($"The model's feature standardisation is invalid ({exception.Message}): the payload is inconsistent.", exception);
        }
    }

    private static void WriteLabelStandardizer(BinaryWriter writer, LabelStandardizer? standardizer)
    {
        writer.Write(standardizer is not null);
        if (standardizer is null) return;
        writer.Write(standardizer.Count);
        foreach (float m in standardizer.Mean) writer.Write(m);
        foreach (float d in standardizer.StandardDeviation) writer.Write(d);
    }

    private static LabelStandardizer? ReadLabelStandardizer(BinaryReader reader, PredictionKind kind, NetworkShape shape)
    {
        if (!reader.ReadBoolean()) return null;
        int count = reader.ReadInt32();
        if (kind != PredictionKind.Regression || count != shape.OutputCount)
            throw new InvalidDataException(
                $"The model's label standardisation is of {count} outputs, but its {kind} network '{shape.Name}' has {shape.OutputCount} (only regression standardises its label): the payload is inconsistent.");
        var mean = new float[count];
        var deviation = new float[count];
        for (int j = 0; j < count; j++) mean[j] = reader.ReadSingle();
        for (int j = 0; j < count; j++) deviation[j] = reader.ReadSingle();
        try
        {
            return new LabelStandardizer(mean, deviation);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidDataException($"The model's label standardisation is invalid ({exception.Message}): the payload is inconsistent.", exception);
        }
    }

    private static void WriteLabel(BinaryWriter writer, LabelInfo? label)
    {
        writer.Write(label is not null);
        if (label is null) return;
        writer.Write(label.ColumnName);
        writer.Write(label.ClassCount);
        writer.Write(label.ClassNames.Length);
        foreach (string name in label.ClassNames) writer.Write(name);
        // The key values' item type, so that MapKeyToValue gives back numbers for numeric labels after loading.
        writer.Write(KeyValueTypes.CodeOf(label.KeyAnnotations));
    }

    private static LabelInfo? ReadLabel(BinaryReader reader, PredictionKind kind)
    {
        if (!reader.ReadBoolean()) return null;
        string column = reader.ReadString();
        int classes = reader.ReadInt32();
        int nameCount = reader.ReadInt32();
        if (nameCount < 0 || nameCount > 1 << 20)
            throw new InvalidDataException($"The model's label '{column}' claims {nameCount} class names: the model file is corrupt.");
        var names = new string[nameCount];
        for (int i = 0; i < names.Length; i++) names[i] = reader.ReadString();
        byte typeCode = reader.ReadByte();
        if (classes < 0 || classes != names.Length && kind == PredictionKind.MulticlassClassification)
            throw new InvalidDataException($"The model's label '{column}' has {classes} classes but {names.Length} class names: the model file is corrupt.");
        DataViewSchema.Annotations? keyValues = kind == PredictionKind.MulticlassClassification
            ? typeCode == KeyValueTypes.None ? new DataViewSchema.Annotations.Builder().ToAnnotations() : KeyValueTypes.Annotations(typeCode, names)
            : null;
        return new LabelInfo(column, kind, classes, keyValues, names);
    }

    private static void WriteHistory(BinaryWriter writer, TrainingHistory? history)
    {
        writer.Write(history is not null);
        if (history is null) return;
        writer.Write(history.StoppedEarly);
        writer.Write(history.BestEpoch);
        writer.Write(history.TrainingSamples);
        writer.Write(history.ValidationSamples);
        writer.Write(history.Epochs.Count);
        writer.Write(EpochExtraFields);
        foreach (EpochReport epoch in history.Epochs)
        {
            writer.Write(epoch.Epoch);
            writer.Write(epoch.TrainingLoss);
            writer.Write(epoch.ValidationLoss.HasValue);
            writer.Write(epoch.ValidationLoss ?? 0);
            writer.Write(epoch.LearningRate);
            writer.Write(epoch.Elapsed.Ticks);
            writer.Write(epoch.ValidationAccuracy.HasValue);
            writer.Write(epoch.ValidationAccuracy ?? 0);
        }
    }

    private static TrainingHistory? ReadHistory(BinaryReader reader)
    {
        if (!reader.ReadBoolean()) return null;
        bool stoppedEarly = reader.ReadBoolean();
        int best = reader.ReadInt32();
        long training = reader.ReadInt64(), validation = reader.ReadInt64();
        int count = reader.ReadInt32(), extras = reader.ReadInt32();
        if (count < 0 || count > 10_000_000) throw new InvalidDataException($"The model's training history claims {count} epochs: the model file is corrupt.");
        if (extras != EpochExtraFields) throw new InvalidDataException($"The model's training history has {extras} extra fields per epoch; this library reads {EpochExtraFields}.");
        var epochs = new List<EpochReport>(count);
        for (int i = 0; i < count; i++)
        {
            int epoch = reader.ReadInt32();
            double loss = reader.ReadDouble();
            bool hasValidation = reader.ReadBoolean();
            double validationLoss = reader.ReadDouble();
            double learningRate = reader.ReadDouble();
            long ticks = reader.ReadInt64();
            bool hasAccuracy = reader.ReadBoolean();
            double accuracy = reader.ReadDouble();
            epochs.Add(new EpochReport(epoch, loss, hasValidation ? validationLoss : null, learningRate, TimeSpan.FromTicks(ticks))
            {
                ValidationAccuracy = hasAccuracy ? accuracy : null,
            });
        }

        return TrainingHistory.Restore(epochs, stoppedEarly, best, training, validation);
    }
}
