using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using Xunit;

namespace Backprop.Persistence.Tests;

/// <summary>
/// Loading reads the header first and checks every declared size against the target's shape and the stream before
/// it allocates or reads the payload: wrong counts with a valid checksum, huge and padded files all fail fast with a
/// specific <see cref="NetworkFileException"/>, and nothing is ever half-loaded.
/// </summary>
public class BoundedLoadTests
{
    private const long TwoGigabytes = 2L << 30;

    private static readonly int P = SmallNet.ParameterCount;

    private static byte[] SmallFile() => NetworkFile.ToBytes(RandomWeights.Fill(new SmallNet(), 1));

    /// <summary>Offset of the input count: after magic, version, reserved, the two strings and the hash.</summary>
    private static int CountsOffset(byte[] file)
    {
        int typeName = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(8));
        int signature = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(10 + typeName));
        return 12 + typeName + signature + 8;
    }

    /// <summary>SmallNet's file rewritten by a buggy writer: the given counts and that many parameters, with a valid checksum.</summary>
    private static byte[] FileWith(int inputs, int outputs, int parameters)
    {
        byte[] original = SmallFile();
        int counts = CountsOffset(original);
        var file = new List<byte>(original.AsSpan(0, counts).ToArray());
        var header = new byte[12];
        BinaryPrimitives.WriteInt32LittleEndian(header, inputs);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), outputs);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(8), parameters);
        file.AddRange(header);
        for (int i = 0; i < parameters; i++) file.AddRange(BitConverter.GetBytes(0.25f + i));
        file.AddRange(BitConverter.GetBytes(0)); // version 2: no state values
        file.AddRange(new byte[4]);
        byte[] bytes = file.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4), Crc32.Compute(bytes.AsSpan(0, bytes.Length - 4)));
        return bytes;
    }

    /// <summary>Every way in: typed, untyped, into an existing network (which must be left as it was).</summary>
    private static List<NetworkFileException> LoadEveryWay(Func<Stream> open)
    {
        var errors = new List<NetworkFileException>
        {
            Assert.Throws<NetworkFileException>(() => NetworkFile.Load<SmallNet>(open())),
            Assert.Throws<NetworkFileException>(() => NetworkFile.Load(open())),
        };
        SmallNet target = RandomWeights.Fill(new SmallNet(), 9);
        float[] before = (float[])target.Parameters.Clone();
        errors.Add(Assert.Throws<NetworkFileException>(() => NetworkFile.LoadInto(target, open())));
        Assert.Equal(before, target.Parameters);
        return errors;
    }

    [Fact]
    public void The_rewritten_file_with_the_right_counts_loads() // the helper itself is sound
    {
        SmallNet loaded = NetworkFile.Load<SmallNet>(new MemoryStream(FileWith(3, 2, P)));
        Assert.Equal(0.25f + P - 1, loaded.Parameters[^1]);
    }

    [Theory]
    [InlineData("P-1")]
    [InlineData("0")]
    [InlineData("P+1")]
    public void A_parameter_count_other_than_the_shapes_is_rejected_even_with_a_valid_checksum(string count)
    {
        int declared = count switch { "P-1" => P - 1, "P+1" => P + 1, _ => 0 };
        byte[] bytes = FileWith(3, 2, declared);
        foreach (NetworkFileException error in LoadEveryWay(() => new MemoryStream(bytes)))
        {
            Assert.Equal(NetworkFileError.Corrupt, error.Error);
            Assert.Contains($"declares {declared} parameters", error.Message);
            Assert.Contains($"'SmallNet') has {P}", error.Message);
            Assert.Contains("nothing was loaded", error.Message);
        }
    }

    [Fact]
    public void Header_input_and_output_counts_are_checked_against_the_shape()
    {
        byte[] bytes = FileWith(999, 7, P);
        foreach (NetworkFileException error in LoadEveryWay(() => new MemoryStream(bytes)))
        {
            Assert.Equal(NetworkFileError.Corrupt, error.Error);
            Assert.Contains("declares 999 inputs and 7 outputs", error.Message);
            Assert.Contains("has 3 inputs and 2 outputs", error.Message);
        }
    }

    [Fact]
    public void A_huge_declared_parameter_count_is_rejected_before_anything_is_allocated()
    {
        byte[] header = FileWith(3, 2, 0)[..^8]; // without the state count and the checksum
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(header.Length - 4), int.MaxValue);
        var (errors, allocated, elapsed) = Measure(() => LoadEveryWay(() => new ZeroPaddedStream(header, TwoGigabytes * 4, seekable: true)));
        Assert.All(errors, e => Assert.Contains($"declares {int.MaxValue} parameters", e.Message));
        AssertCheap(allocated, elapsed);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Two_gigabytes_of_zeros_fail_at_once(bool seekable)
    {
        var streams = new List<ZeroPaddedStream>();
        var (errors, allocated, elapsed) = Measure(() => LoadEveryWay(() => Track(streams, new ZeroPaddedStream([], TwoGigabytes, seekable))));
        Assert.All(errors, e => Assert.Equal(NetworkFileError.NotANetworkFile, e.Error));
        Assert.All(streams, s => Assert.True(s.BytesRead <= 4, $"read {s.BytesRead} bytes"));
        AssertCheap(allocated, elapsed);
    }

    [Theory]
    [InlineData(2L << 30)]
    [InlineData(3L << 30)]
    public void A_valid_file_padded_with_zeros_fails_from_its_length_without_reading_the_payload(long length)
    {
        byte[] file = SmallFile();
        var streams = new List<ZeroPaddedStream>();
        var (errors, allocated, elapsed) = Measure(() => LoadEveryWay(() => Track(streams, new ZeroPaddedStream(file, length, seekable: true))));
        foreach (NetworkFileException error in errors)
        {
            Assert.Equal(NetworkFileError.Corrupt, error.Error);
            Assert.Contains($"{length - file.Length} unexpected bytes follow the checksum at offset {file.Length}", error.Message);
        }

        Assert.All(streams, s => Assert.True(s.BytesRead < file.Length - 4 * P, $"read {s.BytesRead} bytes"));
        AssertCheap(allocated, elapsed);
    }

    [Fact]
    public void A_valid_file_followed_by_endless_zeros_on_a_forward_only_stream_stops_one_byte_past_the_checksum()
    {
        byte[] file = SmallFile();
        var streams = new List<ZeroPaddedStream>();
        var (errors, allocated, elapsed) = Measure(() => LoadEveryWay(() => Track(streams, new ZeroPaddedStream(file, TwoGigabytes, seekable: false))));
        Assert.All(errors, e => Assert.Contains($"unexpected bytes after the checksum at offset {file.Length}", e.Message));
        Assert.All(streams, s => Assert.Equal(file.Length + 1, s.BytesRead));
        AssertCheap(allocated, elapsed);
    }

    [Fact]
    public void A_sparse_two_gigabyte_file_fails_fast()
    {
        string path = Path.Combine(Path.GetTempPath(), $"backprop-sparse-{Guid.NewGuid():N}.bpnw");
        try
        {
            NetworkFile.Save(RandomWeights.Fill(new SmallNet(), 1), path);
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Write)) stream.SetLength(TwoGigabytes); // sparse: no data written
            var (error, allocated, elapsed) = Measure(() => Assert.Throws<NetworkFileException>(() => NetworkFile.Load<SmallNet>(path)));
            Assert.Equal(NetworkFileError.Corrupt, error.Error);
            Assert.Contains("unexpected bytes follow the checksum", error.Message);
            AssertCheap(allocated, elapsed);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_declared_string_longer_than_the_stream_is_truncation_not_an_allocation()
    {
        byte[] bytes = SmallFile()[..12];
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), ushort.MaxValue);
        var error = Assert.Throws<NetworkFileException>(() => NetworkFile.Load<SmallNet>(new MemoryStream(bytes)));
        Assert.Equal(NetworkFileError.Truncated, error.Error);
        Assert.Contains("the type name needs 65535 bytes at offset 10, but only 2 remain", error.Message);
    }

    [Fact]
    public void The_untyped_load_checks_the_type_before_the_payload()
    {
        byte[] bytes = FileWith(3, 2, P + 1);
        string name = NetworkFile.TypeNameOf(typeof(SmallNet));
        int at = bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(name)) + name.IndexOf("SmallNet", StringComparison.Ordinal);
        bytes[at] = (byte)'T';
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4), Crc32.Compute(bytes.AsSpan(0, bytes.Length - 4)));
        var error = Assert.Throws<NetworkFileException>(() => NetworkFile.Load(new MemoryStream(bytes)));
        Assert.Equal(NetworkFileError.UnknownNetworkType, error.Error);
    }

    [Fact]
    public void Loading_reads_no_byte_past_the_checksum()
    {
        byte[] file = SmallFile();
        var stream = new MemoryStream([.. file, .. "next record"u8]);
        var forwardOnly = new ZeroPaddedStream(file, file.Length, seekable: false);
        NetworkFile.Load<SmallNet>(forwardOnly);
        Assert.Equal(file.Length, forwardOnly.BytesRead);
        Assert.Throws<NetworkFileException>(() => NetworkFile.Load<SmallNet>(stream)); // seekable: the extra bytes are reported
    }

    private static ZeroPaddedStream Track(List<ZeroPaddedStream> streams, ZeroPaddedStream stream)
    {
        streams.Add(stream);
        return stream;
    }

    private static (T Result, long Allocated, TimeSpan Elapsed) Measure<T>(Func<T> action)
    {
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        long started = Stopwatch.GetTimestamp();
        T result = action();
        return (result, GC.GetAllocatedBytesForCurrentThread() - allocated, Stopwatch.GetElapsedTime(started));
    }

    private static void AssertCheap(long allocated, TimeSpan elapsed)
    {
        Assert.True(allocated < 4 << 20, $"allocated {allocated:N0} bytes");
        Assert.True(elapsed < TimeSpan.FromSeconds(1), $"took {elapsed.TotalMilliseconds:F0} ms");
    }
}
