using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Backprop.Persistence;

/// <summary>
/// The standalone file format of a trained network, independent of ML.NET. Little-endian throughout:
/// <code>
/// offset  size  field
///      0     4  magic "BPNW"
///      4     2  format version (2; version 1 files, which have no state section, still load)
///      6     2  reserved (0)
///      8     2  n₁: length of the network type name (UTF-8), then n₁ bytes: "Namespace.Type, Assembly"
///      …     2  n₂: length of the shape signature (UTF-8), then n₂ bytes, e.g. "in=4;Dense(16,Tanh,bias);…"
///      …     8  shape hash (FNV-1a 64 of the signature)
///      …     4  input count (a network declared without Inputs is sized by it), 4 output count, 4 parameter count P
///      …    4P  parameters, float32
///      …     4  state count S (version 2), then 4S bytes: the state, float32 (BatchNorm's running statistics)
///      …     4  CRC-32 of every byte before it
/// </code>
/// Loading reads the header first and checks every field (magic, version, the shape, each declared count, and the
/// stream's length when it can seek) before it allocates the payload, which is exactly the shape's parameters. It
/// never reads past the checksum, except one byte on a forward-only stream to check that the file ends there, and
/// validates everything before a single parameter is written.
/// Saving to a path replaces the file atomically (a temporary file, flushed, then renamed).
/// </summary>
public static class NetworkFile
{
    /// <summary>The current format version.</summary>
    public const ushort FormatVersion = 2;

    /// <summary>The first four bytes of every network file.</summary>
    internal static ReadOnlySpan<byte> Magic => "BPNW"u8;

    /// <summary>Writes <paramref name="network"/>'s parameters and identity to <paramref name="stream"/>.</summary>
    public static void Save(INetwork network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(stream);
        byte[] bytes = ToBytes(network);
        stream.Write(bytes);
    }

    /// <summary>
    /// Writes <paramref name="network"/> to the file <paramref name="path"/>, replacing it atomically: the file is
    /// written to a temporary file in the same folder, flushed to disk and renamed over <paramref name="path"/>. When
    /// anything fails (a full disk, say) the temporary file is deleted and the previous file at <paramref name="path"/>
    /// is unchanged; a reader never sees a partly written file.
    /// </summary>
    /// <exception cref="IOException">The file could not be written or renamed; the message names it, and the previous file is unchanged.</exception>
    public static void Save(INetwork network, string path) => Save(network, path, AtomicFile.OpenTemporary);

    /// <summary><see cref="Save(INetwork, string)"/>, opening the temporary file with <paramref name="openTemporary"/> (tests make it fail mid-write).</summary>
    internal static void Save(INetwork network, string path, Func<string, Stream> openTemporary)
    {
        ArgumentNullException.ThrowIfNull(network);
        byte[] bytes = ToBytes(network);
        AtomicFile.Write(path, bytes, openTemporary, $"network '{network.Shape.Name}'");
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

        int length = checked(8 + 2 + typeName.Length + 2 + signature.Length + 8 + 12 + 4 * shape.ParameterCount + 4 + 4 * shape.StateCount + 4);
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
        writer.Int32(shape.StateCount);
        foreach (float v in network.State) writer.Single(v);
        writer.UInt32(Crc32.Compute(bytes.AsSpan(0, length - 4)));
        return bytes;
    }

    /// <summary>Loads a file into a new <typeparamref name="TNet"/>.</summary>
    /// <exception cref="NetworkFileException">The data is not a valid network file, or it holds another shape.</exception>
    public static TNet Load<TNet>(Stream stream) where TNet : INetwork<TNet>, new()
    {
        NetworkShape? shape = null;
        (float[] parameters, float[] state) = ReadPayload(stream, header => shape = TNet.InputCountFromData ? SizedShape(header, TNet.ShapeFor) : TNet.Shape);
        var network = new TNet();
        network.EnsureInputCount(shape!.InputCount);
        parameters.CopyTo(network.Parameters, 0);
        state.CopyTo(network.State, 0);
        return network;
    }

    /// <summary>Loads the file at <paramref name="path"/> into a new <typeparamref name="TNet"/>.</summary>
    /// <exception cref="NetworkFileException">The file is not a valid network file, or it holds another shape.</exception>
    public static TNet Load<TNet>(string path) where TNet : INetwork<TNet>, new()
    {
        using FileStream stream = File.OpenRead(path);
        return Load<TNet>(stream);
    }

    /// <summary>
    /// Loads a file into a new instance of the network type it names (which must be loadable in this process). The
    /// type is found and created from the header first; the payload is then checked against that type's shape.
    /// </summary>
    /// <exception cref="NetworkFileException">The data is not a valid network file, or its type cannot be found or has another shape.</exception>
    /// <remarks>Finds the type by the name in the file, which trimming and NativeAOT cannot see: use <see cref="Load{TNet}(Stream)"/> there.</remarks>
    [RequiresUnreferencedCode(ByNameMessage)]
    public static INetwork Load(Stream stream)
    {
        INetwork? network = null;
        NetworkShape? shape = null;
        (float[] parameters, float[] state) = ReadPayload(stream, header => shape = ShapeOf(network = CreateNetwork(header.TypeName), header));
        network!.EnsureInputCount(shape!.InputCount);
        parameters.CopyTo(network.Parameters, 0);
        state.CopyTo(network.State, 0);
        return network;
    }

    /// <summary>
    /// Loads parameters from a file into an existing <paramref name="network"/>; on any error the network is unchanged. A
    /// network declared without <c>Inputs</c> must have its input count (<c>new MyNet(inputCount)</c>); <see cref="Load{TNet}(Stream)"/>
    /// takes it from the file.
    /// </summary>
    /// <exception cref="NetworkFileException">The data is not a valid network file, or it holds another shape.</exception>
    public static void LoadInto(INetwork network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(network);
        (float[] parameters, float[] state) = ReadPayload(stream, _ => network.Shape);
        parameters.CopyTo(network.Parameters, 0);
        state.CopyTo(network.State, 0);
    }

    /// <summary>"Namespace.Type, Assembly": found again by <see cref="Type.GetType(string)"/> across assembly versions.</summary>
    internal static string TypeNameOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    private const string ByNameMessage =
        "Loading a network by the type name stored in the file needs that type's constructor, which trimming may remove. Use NetworkFile.Load<TNet>, which names the type.";

    /// <summary>The shape a network declared without Inputs has at the file's input count; a count it cannot have is a corrupt file.</summary>
    private static NetworkShape SizedShape(NetworkFileHeader header, Func<int, NetworkShape> shapeFor)
    {
        try
        {
            return shapeFor(header.InputCount);
        }
        catch (Exception exception) when (exception is ArgumentException or OverflowException)
        {
            throw new NetworkFileException(NetworkFileError.Corrupt,
                $"The file declares {header.InputCount} inputs for network '{header.TypeName}', which it cannot have ({exception.Message}): the file is corrupt, and nothing was loaded.", exception);
        }
    }

    /// <summary>The shape of the network created by name: its own, or, declared without Inputs, its generated <c>ShapeFor</c> at the file's count.</summary>
    [RequiresUnreferencedCode(ByNameMessage)]
    private static NetworkShape ShapeOf(INetwork network, NetworkFileHeader header)
    {
        System.Reflection.MethodInfo? shapeFor = network.GetType().GetMethod("ShapeFor", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static, [typeof(int)]);
        if (shapeFor is null) return network.Shape;
        return SizedShape(header, count =>
        {
            try
            {
                return (NetworkShape)shapeFor.Invoke(null, [count])!;
            }
            catch (System.Reflection.TargetInvocationException invocation) when (invocation.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(invocation.InnerException).Throw();
                throw;
            }
        });
    }

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

    /// <summary>
    /// Reads a whole file from <paramref name="stream"/> and returns its parameters, checked, without writing into any
    /// network. The header is read first and every declared size checked against the shape that
    /// <paramref name="shapeOf"/> gives for it, and against the stream's length when it can seek; only then is the
    /// payload (exactly the shape's parameter count) allocated and read, and the checksum compared.
    /// </summary>
    private static (float[] Parameters, float[] State) ReadPayload(Stream stream, Func<NetworkFileHeader, NetworkShape> shapeOf)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var reader = new NetworkFileReader(stream);
        NetworkFileHeader header = reader.ReadHeader();
        NetworkShape shape = shapeOf(header);
        CheckHeader(header, shape);

        // The sections after the header, each checked against the shape before it is read: the parameters, then (version 2)
        // the state count and the state.
        bool hasState = header.Version >= 2;
        if (!hasState && shape.StateCount > 0)
            throw new NetworkFileException(NetworkFileError.Corrupt,
                $"The file has format version {header.Version}, which stores no running statistics, but network '{shape.Name}' has {shape.StateCount} state values: the file is inconsistent, and nothing was loaded.");
        long length = 4L * shape.ParameterCount + (hasState ? 4 + 4L * shape.StateCount : 0) + 4;
        reader.RequireRemaining(length, $"{shape.ParameterCount} parameters{(hasState ? $", {shape.StateCount} state values" : "")} and the checksum");
        float[] parameters = reader.Floats(shape.ParameterCount, "parameters");
        float[] state = [];
        if (hasState)
        {
            int stateCount = reader.Count("the state count");
            if (stateCount != shape.StateCount)
                throw new NetworkFileException(NetworkFileError.Corrupt,
                    $"The file declares {stateCount} state values, but its shape {header.Signature} (network '{shape.Name}') has {shape.StateCount}: the file is inconsistent, and nothing was loaded.");
            state = reader.Floats(stateCount, "state values");
        }

        reader.ChecksumAndEnd();
        return (parameters, state);
    }

    private static void CheckHeader(NetworkFileHeader header, NetworkShape shape)
    {
        if (header.Hash != shape.Hash || header.Signature != shape.Signature)
            throw new NetworkFileException(NetworkFileError.ShapeMismatch,
                $"The file holds network '{header.TypeName}' of shape {header.Signature}; it cannot be loaded into '{shape.Name}' of shape {shape.Signature}.");
        if (header.InputCount != shape.InputCount || header.OutputCount != shape.OutputCount)
            throw new NetworkFileException(NetworkFileError.Corrupt,
                $"The file's header declares {header.InputCount} inputs and {header.OutputCount} outputs, but its shape {header.Signature} (network '{shape.Name}') " +
                $"has {shape.InputCount} inputs and {shape.OutputCount} outputs: the file is inconsistent, and nothing was loaded.");
        if (header.ParameterCount != shape.ParameterCount)
            throw new NetworkFileException(NetworkFileError.Corrupt,
                $"The file's header declares {header.ParameterCount} parameters (at offset {header.PayloadOffset - 4}), but its shape {header.Signature} (network '{shape.Name}') " +
                $"has {shape.ParameterCount}: the file is inconsistent, and nothing was loaded.");
    }

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
}
