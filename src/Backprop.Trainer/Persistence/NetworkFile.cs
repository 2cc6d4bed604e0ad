using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Backprop.Persistence;

/// <summary>
/// The standalone file format of a trained network, independent of ML.NET. Little-endian throughout:
/// <code>
/// offset  size  field
///      0     4  magic "BPNW"
///      4     2  format version (1)
///      6     2  reserved (0)
///      8     2  n₁: length of the network type name (UTF-8), then n₁ bytes: "Namespace.Type, Assembly"
///      …     2  n₂: length of the shape signature (UTF-8), then n₂ bytes, e.g. "in=4;Dense(16,Tanh,bias);…"
///      …     8  shape hash (FNV-1a 64 of the signature)
///      …     4  input count, 4 output count, 4 parameter count P
///      …    4P  parameters, float32
///      …     4  CRC-32 of every byte before it
/// </code>
/// Loading validates everything (size, magic, version, checksum, shape) before a single parameter is written.
/// </summary>
public static class NetworkFile
{
    /// <summary>The current format version.</summary>
    public const ushort FormatVersion = 1;

    private static ReadOnlySpan<byte> Magic => "BPNW"u8;

    /// <summary>Writes <paramref name="network"/>'s parameters and identity to <paramref name="stream"/>.</summary>
    public static void Save(INetwork network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes = ToBytes(network);
        stream.Write(bytes);
    }

    /// <summary>Writes <paramref name="network"/> to the file <paramref name="path"/> (replacing it).</summary>
    public static void Save(INetwork network, string path)
    {
        using FileStream stream = File.Create(path);
        Save(network, stream);
    }

    /// <summary>The file's bytes for <paramref name="network"/>.</summary>
    public static byte[] ToBytes(INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        NetworkShape shape = network.Shape;
        byte[] typeName = Encoding.UTF8.GetBytes(TypeNameOf(network.GetType()));
        byte[] signature = Encoding.UTF8.GetBytes(shape.Signature);
        if (typeName.Length > ushort.MaxValue || signature.Length > ushort.MaxValue)
            throw new ArgumentException($"Network '{shape.Name}' has a type name or signature too long for the file format.", nameof(network));

        int length = 8 + 2 + typeName.Length + 2 + signature.Length + 8 + 12 + 4 * shape.ParameterCount + 4;
        var bytes = new byte[length];
        var writer = new SpanWriter(bytes);
        writer.Bytes(Magic);
        writer.UInt16(FormatVersion);
        writer.UInt16(0);
        writer.UInt16((ushort)typeName.Length);
        writer.Bytes(typeName);
        writer.UInt16((ushort)signature.Length);
        writer.Bytes(signature);
        writer.UInt64(shape.Hash);
        writer.Int32(shape.InputCount);
        writer.Int32(shape.OutputCount);
        writer.Int32(shape.ParameterCount);
        foreach (float p in network.Parameters) writer.Single(p);
        writer.UInt32(Crc32.Compute(bytes.AsSpan(0, length - 4)));
        return bytes;
    }

    /// <summary>Loads a file into a new <typeparamref name="TNet"/>.</summary>
    /// <exception cref="NetworkFileException">The data is not a valid network file, or it holds another shape.</exception>
    public static TNet Load<TNet>(Stream stream) where TNet : INetwork<TNet>, new()
    {
        FileContent content = Read(stream);
        var network = new TNet();
        CheckShape(content, TNet.Shape);
        content.Parameters.CopyTo(network.Parameters, 0);
        return network;
    }

    /// <summary>Loads the file at <paramref name="path"/> into a new <typeparamref name="TNet"/>.</summary>
    /// <exception cref="NetworkFileException">The file is not a valid network file, or it holds another shape.</exception>
    public static TNet Load<TNet>(string path) where TNet : INetwork<TNet>, new()
    {
        using FileStream stream = File.OpenRead(path);
        return Load<TNet>(stream);
    }

    /// <summary>Loads a file into a new instance of the network type it names (which must be loadable in this process).</summary>
    /// <exception cref="NetworkFileException">The data is not a valid network file, or its type cannot be found or has another shape.</exception>
    /// <remarks>Finds the type by the name in the file, which trimming and NativeAOT cannot see: use <see cref="Load{TNet}(Stream)"/> there.</remarks>
    [RequiresUnreferencedCode(ByNameMessage)]
    public static INetwork Load(Stream stream)
    {
        FileContent content = Read(stream);
        INetwork network = CreateNetwork(content.TypeName);
        CheckShape(content, network.Shape);
        content.Parameters.CopyTo(network.Parameters, 0);
        return network;
    }

    /// <summary>Loads parameters from a file into an existing <paramref name="network"/>; on any error the network is unchanged.</summary>
    /// <exception cref="NetworkFileException">The data is not a valid network file, or it holds another shape.</exception>
    public static void LoadInto(INetwork network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        FileContent content = Read(stream);
        CheckShape(content, network.Shape);
        content.Parameters.CopyTo(network.Parameters, 0);
    }

    /// <summary>"Namespace.Type, Assembly": found again by <see cref="Type.GetType(string)"/> across assembly versions.</summary>
    internal static string TypeNameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    private const string ByNameMessage =
        "Loading a network by the type name stored in the file needs that type's constructor, which trimming may remove. Use NetworkFile.Load<TNet>, which names the type.";

    [RequiresUnreferencedCode(ByNameMessage)]
    private static INetwork CreateNetwork(string typeName)
    {
        Type? type;
        try
        {
            type = Type.GetType(typeName, throwOnError: false);
        }
        catch (Exception exception) when (exception is ArgumentException or IOException or BadImageFormatException or TypeLoadException)
        {
            throw new NetworkFileException(NetworkFileError.UnknownNetworkType, $"The network type '{typeName}' named in the file cannot be loaded: {exception.Message}", exception);
        }

        if (type is null || !typeof(INetwork).IsAssignableFrom(type) || type.GetConstructor(Type.EmptyTypes) is null)
            throw new NetworkFileException(NetworkFileError.UnknownNetworkType,
                $"The file holds a network of type '{typeName}', which is not a generated network in this process; reference its assembly, or load with Load<TNet>.");
        return (INetwork)Activator.CreateInstance(type)!;
    }

    private static void CheckShape(FileContent content, NetworkShape shape)
    {
        if (content.Hash != shape.Hash || content.Signature != shape.Signature)
            throw new NetworkFileException(NetworkFileError.ShapeMismatch,
                $"The file holds network '{content.TypeName}' of shape {content.Signature}; it cannot be loaded into '{shape.Name}' of shape {shape.Signature}.");
    }

    private static FileContent Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    /// <summary>Parses and checks the whole file; throws <see cref="NetworkFileException"/> for anything wrong.</summary>
    internal static FileContent Parse(ReadOnlySpan<byte> data)
    {
        var reader = new SpanReader(data);
        if (data.Length < 4 || !data[..4].SequenceEqual(Magic))
            throw new NetworkFileException(NetworkFileError.NotANetworkFile, "This is not a Backprop network file: it does not start with \"BPNW\".");
        reader.Skip(4, "the magic number");
        ushort version = reader.UInt16("the format version");
        if (version > FormatVersion)
            throw new NetworkFileException(NetworkFileError.UnsupportedVersion,
                $"The file has format version {version}; this library reads version {FormatVersion} and older. Update Backprop to load it.");
        if (version == 0) throw new NetworkFileException(NetworkFileError.Corrupt, "The file's format version is 0, which was never written: the file is corrupt.");
        reader.UInt16("the reserved field");
        string typeName = reader.Utf8(reader.UInt16("the type name length"), "the type name");
        string signature = reader.Utf8(reader.UInt16("the signature length"), "the shape signature");
        ulong hash = reader.UInt64("the shape hash");
        int inputs = reader.Int32("the input count"), outputs = reader.Int32("the output count"), count = reader.Int32("the parameter count");
        if (count < 0 || inputs <= 0 || outputs <= 0)
            throw new NetworkFileException(NetworkFileError.Corrupt, $"The file declares {inputs} inputs, {outputs} outputs and {count} parameters: the file is corrupt.");
        if ((long)count * 4 + 4 > reader.Remaining)
            throw new NetworkFileException(NetworkFileError.Truncated,
                $"The file is truncated: {count} parameters need {(long)count * 4 + 4} more bytes after offset {reader.Offset}, but only {reader.Remaining} remain.");
        var parameters = new float[count];
        for (int i = 0; i < count; i++) parameters[i] = reader.Single("a parameter");
        int checkedLength = reader.Offset;
        uint stored = reader.UInt32("the checksum");
        if (reader.Remaining != 0)
            throw new NetworkFileException(NetworkFileError.Corrupt, $"The file has {reader.Remaining} unexpected bytes after the checksum at offset {reader.Offset}.");
        uint actual = Crc32.Compute(data[..checkedLength]);
        if (stored != actual)
            throw new NetworkFileException(NetworkFileError.Corrupt, $"The file's checksum is 0x{stored:X8} but its content hashes to 0x{actual:X8}: the file is corrupt.");
        return new FileContent(typeName, signature, hash, parameters);
    }

    internal sealed record FileContent(string TypeName, string Signature, ulong Hash, float[] Parameters);

    private ref struct SpanWriter(Span<byte> buffer)
    {
        private readonly Span<byte> _buffer = buffer;
        private int _offset;

        public void Bytes(ReadOnlySpan<byte> value)
        {
            value.CopyTo(_buffer[_offset..]);
            _offset += value.Length;
        }

        public void UInt16(ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Next(2), value);

        public void Int32(int value) => BinaryPrimitives.WriteInt32LittleEndian(Next(4), value);

        public void UInt32(uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Next(4), value);

        public void UInt64(ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Next(8), value);

        public void Single(float value) => BinaryPrimitives.WriteSingleLittleEndian(Next(4), value);

        private Span<byte> Next(int size)
        {
            Span<byte> slice = _buffer.Slice(_offset, size);
            _offset += size;
            return slice;
        }
    }

    private ref struct SpanReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;

        public int Offset { get; private set; }

        public readonly int Remaining => _data.Length - Offset;

        public void Skip(int count, string what) => Take(count, what);

        public ushort UInt16(string what) => BinaryPrimitives.ReadUInt16LittleEndian(Take(2, what));

        public int Int32(string what) => BinaryPrimitives.ReadInt32LittleEndian(Take(4, what));

        public uint UInt32(string what) => BinaryPrimitives.ReadUInt32LittleEndian(Take(4, what));

        public ulong UInt64(string what) => BinaryPrimitives.ReadUInt64LittleEndian(Take(8, what));

        public float Single(string what) => BinaryPrimitives.ReadSingleLittleEndian(Take(4, what));

        public string Utf8(int length, string what)
        {
            try
            {
                return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Take(length, what));
            }
            catch (DecoderFallbackException exception)
            {
                throw new NetworkFileException(NetworkFileError.Corrupt, $"{char.ToUpperInvariant(what[0])}{what[1..]} at offset {Offset - length} is not valid UTF-8: the file is corrupt.", exception);
            }
        }

        private ReadOnlySpan<byte> Take(int count, string what)
        {
            if (count > Remaining)
                throw new NetworkFileException(NetworkFileError.Truncated,
                    $"The file is truncated: {what} needs {count} bytes at offset {Offset}, but only {Remaining} remain.");
            ReadOnlySpan<byte> slice = _data.Slice(Offset, count);
            Offset += count;
            return slice;
        }
    }
}
