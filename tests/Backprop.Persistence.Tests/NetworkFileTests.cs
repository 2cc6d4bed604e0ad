using Xunit;

namespace Backprop.Persistence.Tests;

/// <summary>The standalone network file: round trips, and a specific error for every kind of bad file.</summary>
public class NetworkFileTests
{
    private static byte[] SmallFile() => NetworkFile.ToBytes(RandomWeights.Fill(new SmallNet(), 1));

    [Fact]
    public void Round_trip_is_bit_identical_typed_and_untyped()
    {
        SmallNet original = RandomWeights.Fill(new SmallNet(), 1);
        byte[] bytes = NetworkFile.ToBytes(original);
        SmallNet typed = NetworkFile.Load<SmallNet>(new MemoryStream(bytes));
        INetwork untyped = NetworkFile.Load(new MemoryStream(bytes));
        Assert.Equal(original.Parameters, typed.Parameters);
        Assert.IsType<SmallNet>(untyped);
        Assert.Equal(original.Parameters, untyped.Parameters);
        Assert.Equal((byte)'B', bytes[0]);
        Assert.Equal(8 + 2 + NetworkFile.TypeNameOf(typeof(SmallNet)).Length + 2 + SmallNet.Shape.Signature.Length + 8 + 12 + 4 * SmallNet.ParameterCount + 4 + 4 * SmallNet.StateCount + 4, bytes.Length);
    }

    [Fact]
    public void File_round_trip()
    {
        string path = Path.Combine(Path.GetTempPath(), $"backprop-{Guid.NewGuid():N}.bpnw");
        try
        {
            SmallNet original = RandomWeights.Fill(new SmallNet(), 2);
            NetworkFile.Save(original, path);
            Assert.Equal(original.Parameters, NetworkFile.Load<SmallNet>(path).Parameters);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Another_shape_is_rejected_and_the_target_is_untouched()
    {
        var target = RandomWeights.Fill(new OtherShapeNet(), 3);
        float[] before = (float[])target.Parameters.Clone();
        var error = Assert.Throws<NetworkFileException>(() => NetworkFile.LoadInto(target, new MemoryStream(SmallFile())));
        Assert.Equal(NetworkFileError.ShapeMismatch, error.Error);
        Assert.Contains("Dense(4,Tanh,bias)", error.Message);
        Assert.Contains("'OtherShapeNet'", error.Message);
        Assert.Equal(before, target.Parameters);
        Assert.Throws<NetworkFileException>(() => NetworkFile.Load<OtherShapeNet>(new MemoryStream(SmallFile())));
    }

    [Fact]
    public void A_future_version_is_rejected()
    {
        byte[] bytes = SmallFile();
        bytes[4] = NetworkFile.FormatVersion + 1;
        var error = Assert.Throws<NetworkFileException>(() => NetworkFile.Load<SmallNet>(new MemoryStream(bytes)));
        Assert.Equal(NetworkFileError.UnsupportedVersion, error.Error);
        Assert.Contains($"format version {NetworkFile.FormatVersion + 1}", error.Message);
    }

    [Fact]
    public void A_file_that_is_not_ours_is_rejected()
    {
        var error = Assert.Throws<NetworkFileException>(() => NetworkFile.Load<SmallNet>(new MemoryStream("PK\u0003\u0004 a zip file"u8.ToArray())));
        Assert.Equal(NetworkFileError.NotANetworkFile, error.Error);
        Assert.Throws<NetworkFileException>(() => NetworkFile.Load<SmallNet>(new MemoryStream([])));
    }

    [Fact]
    public void An_unknown_network_type_is_reported()
    {
        byte[] bytes = SmallFile();
        string name = NetworkFile.TypeNameOf(typeof(SmallNet));
        int at = IndexOf(bytes, System.Text.Encoding.UTF8.GetBytes(name));
        bytes[at + name.IndexOf("SmallNet", StringComparison.Ordinal)] = (byte)'T'; // TmallNet
        FixChecksum(bytes);
        var error = Assert.Throws<NetworkFileException>(() => NetworkFile.Load(new MemoryStream(bytes)));
        Assert.Equal(NetworkFileError.UnknownNetworkType, error.Error);
        Assert.Contains("TmallNet", error.Message);
    }

    [Fact]
    public void Every_truncation_fails_with_a_specific_error()
    {
        byte[] bytes = SmallFile();
        for (int length = 0; length < bytes.Length; length++)
        {
            var error = Assert.Throws<NetworkFileException>(() => NetworkFile.Load<SmallNet>(new MemoryStream(bytes, 0, length)));
            Assert.True(error.Error is NetworkFileError.Truncated or NetworkFileError.NotANetworkFile, $"length {length}: {error.Error}: {error.Message}");
        }
    }

    [Fact]
    public void Every_single_byte_flip_fails_with_a_specific_error()
    {
        byte[] original = SmallFile();
        var random = new Random(4);
        for (int position = 0; position < original.Length; position++)
        {
            for (int trial = 0; trial < 3; trial++)
            {
                byte[] bytes = (byte[])original.Clone();
                bytes[position] ^= (byte)(1 << random.Next(8));
                var target = new SmallNet();
                var error = Assert.Throws<NetworkFileException>(() => NetworkFile.LoadInto(target, new MemoryStream(bytes)));
                Assert.False(string.IsNullOrWhiteSpace(error.Message));
                Assert.All(target.Parameters, p => Assert.Equal(0f, p)); // nothing half-loaded
            }
        }
    }

    [Fact]
    public void Random_corruption_never_escapes_as_another_exception()
    {
        byte[] original = SmallFile();
        var random = new Random(5);
        for (int trial = 0; trial < 2000; trial++)
        {
            byte[] bytes = (byte[])original.Clone();
            int flips = random.Next(1, 6);
            for (int f = 0; f < flips; f++) bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            int length = random.Next(2) == 0 ? bytes.Length : random.Next(bytes.Length);
            if (length == bytes.Length && bytes.AsSpan().SequenceEqual(original)) continue; // the "corruption" rewrote the same bytes
            try
            {
                NetworkFile.Load<SmallNet>(new MemoryStream(bytes, 0, length));
                Assert.Fail($"trial {trial}: a corrupted file loaded");
            }
            catch (NetworkFileException)
            {
            }
        }
    }

    private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

    private static void FixChecksum(byte[] bytes)
    {
        uint crc = Crc32.Compute(bytes.AsSpan(0, bytes.Length - 4));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4), crc);
    }
}
