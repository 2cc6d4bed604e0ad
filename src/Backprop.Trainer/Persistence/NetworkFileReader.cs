using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Backprop.Persistence;

/// <summary>
/// Reads a network file from a stream field by field, never more than a field asks for: the header first, then a
/// payload whose size the caller has checked. Keeps the running CRC-32 of every byte read, and knows how many bytes
/// remain when the stream can seek, so that a declared size the stream cannot hold fails before anything is read.
/// Every problem is a <see cref="NetworkFileException"/> that names the field and its offset.
/// </summary>
internal sealed class NetworkFileReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Stream _stream;
    private readonly long? _length;
    private uint _crc;

    public NetworkFileReader(Stream stream)
    {
        _stream = stream;
        if (stream.CanSeek) _length = Math.Max(0, stream.Length - stream.Position);
    }

    /// <summary>Bytes read so far: the offset of the next field in the file.</summary>
    public long Offset { get; private set; }

    /// <summary>Bytes left in the stream, when it can seek; null for a forward-only stream.</summary>
    public long? Remaining => _length - Offset;

    /// <summary>Reads and checks magic, version and every header field; reads nothing past the parameter count.</summary>
    public NetworkFileHeader ReadHeader()
    {
        Span<byte> magic = stackalloc byte[4];
        int got = ReadAtMost(magic);
        if (got < magic.Length || !magic.SequenceEqual(NetworkFile.Magic))
            throw new NetworkFileException(NetworkFileError.NotANetworkFile, "This is not a Backprop network file: it does not start with \"BPNW\".");

        ushort version = UInt16("the format version");
        if (version > NetworkFile.FormatVersion)
            throw new NetworkFileException(NetworkFileError.UnsupportedVersion,
                $"The file has format version {version}; this library reads version {NetworkFile.FormatVersion} and older. Update Backprop to load it.");
        if (version == 0) throw new NetworkFileException(NetworkFileError.Corrupt, "The file's format version is 0, which was never written: the file is corrupt.");
        UInt16("the reserved field");
        string typeName = Utf8(UInt16("the type name length"), "the type name");
        string signature = Utf8(UInt16("the signature length"), "the shape signature");
        ulong hash = UInt64("the shape hash");
        int inputs = Int32("the input count"), outputs = Int32("the output count"), count = Int32("the parameter count");
        if (count < 0 || inputs <= 0 || outputs <= 0)
            throw new NetworkFileException(NetworkFileError.Corrupt,
                $"The file declares {inputs} inputs, {outputs} outputs and {count} parameters (at offset {Offset - 12}): the file is corrupt.");
        return new NetworkFileHeader(version, typeName, signature, hash, inputs, outputs, count, Offset);
    }

    /// <summary>
    /// Fails unless exactly <paramref name="bytes"/> remain, when the stream's length is known: a short stream is
    /// truncated, a longer one (a valid file padded with zeros) has bytes that belong to no field. Reads nothing.
    /// </summary>
    public void RequireRemaining(long bytes, string what)
    {
        if (Remaining is not long remaining) return;
        if (remaining < bytes)
            throw new NetworkFileException(NetworkFileError.Truncated,
                $"The file is truncated: {what} need {bytes} bytes after offset {Offset}, but only {remaining} remain.");
        if (remaining > bytes)
            throw new NetworkFileException(NetworkFileError.Corrupt,
                $"The file is {Offset + remaining} bytes long, but its header declares {Offset + bytes}: {remaining - bytes} unexpected bytes follow the checksum at offset {Offset + bytes}.");
    }

    /// <summary>Reads one little-endian 32-bit count (a section's length).</summary>
    public int Count(string what) => Int32(what);

    /// <summary>Reads <paramref name="count"/> little-endian float32 values straight into a new array of that size.</summary>
    public float[] Floats(int count, string what)
    {
        var values = new float[count];
        Span<byte> bytes = MemoryMarshal.AsBytes(values.AsSpan());
        Exactly(bytes, $"{count} {what}");
        if (!BitConverter.IsLittleEndian)
            for (int i = 0; i < values.Length; i++)
                values[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes.Slice(4 * i, 4));
        return values;
    }

    /// <summary>Reads the stored CRC-32, compares it with that of every byte before it, and checks that the stream ends there.</summary>
    public void ChecksumAndEnd()
    {
        uint actual = _crc;
        uint stored = UInt32("the checksum");
        if (Remaining is null)
        {
            Span<byte> probe = stackalloc byte[1];
            if (_stream.Read(probe) != 0)
                throw new NetworkFileException(NetworkFileError.Corrupt, $"The file has unexpected bytes after the checksum at offset {Offset}.");
        }

        if (stored != actual)
            throw new NetworkFileException(NetworkFileError.Corrupt, $"The file's checksum is 0x{stored:X8} but its content hashes to 0x{actual:X8}: the file is corrupt.");
    }

    private ushort UInt16(string what) => BinaryPrimitives.ReadUInt16LittleEndian(Field(stackalloc byte[2], what));

    private int Int32(string what) => BinaryPrimitives.ReadInt32LittleEndian(Field(stackalloc byte[4], what));

    private uint UInt32(string what) => BinaryPrimitives.ReadUInt32LittleEndian(Field(stackalloc byte[4], what));

    private ulong UInt64(string what) => BinaryPrimitives.ReadUInt64LittleEndian(Field(stackalloc byte[8], what));

    private string Utf8(int length, string what)
    {
        if (Remaining is long remaining && length > remaining)
            throw Truncated(what, length, remaining);
        byte[] bytes = new byte[length]; // at most 65,535: the length is a UInt16
        Exactly(bytes, what);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException exception)
        {
            throw new NetworkFileException(NetworkFileError.Corrupt,
                $"{char.ToUpperInvariant(what[0])}{what[1..]} at offset {Offset - length} is not valid UTF-8: the file is corrupt.", exception);
        }
    }

    private Span<byte> Field(Span<byte> buffer, string what)
    {
        Exactly(buffer, what);
        return buffer;
    }

    /// <summary>Fills <paramref name="buffer"/> from the stream or throws <see cref="NetworkFileError.Truncated"/>.</summary>
    private void Exactly(Span<byte> buffer, string what)
    {
        long start = Offset;
        if (Remaining is long remaining && buffer.Length > remaining) throw Truncated(what, buffer.Length, remaining);
        int got = ReadAtMost(buffer);
        if (got < buffer.Length)
        {
            Offset = start;
            throw Truncated(what, buffer.Length, got);
        }
    }

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; adds what was read to the CRC.</summary>
    private int ReadAtMost(Span<byte> buffer)
    {
        int total = 0;
        while (total < buffer.Length)
        {
            int read = _stream.Read(buffer[total..]);
            if (read == 0) break;
            total += read;
        }

        _crc = Crc32.Append(_crc, buffer[..total]);
        Offset += total;
        return total;
    }

    private NetworkFileException Truncated(string what, long needed, long remaining) =>
        new(NetworkFileError.Truncated, $"The file is truncated: {what} needs {needed} bytes at offset {Offset}, but only {remaining} remain.");
}
