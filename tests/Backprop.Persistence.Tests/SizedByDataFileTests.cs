using Backprop.Persistence;
using Xunit;

namespace Backprop.Persistence.Tests;

/// <summary>Networks sized by the data and [Normalize] layers: the standalone file and ONNX carry the count and the statistics.</summary>
public class SizedByDataFileTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(17)]
    public void The_file_carries_the_input_count_and_loads_into_a_new_network(int inputs)
    {
        SizedNormalizedNet saved = RandomState.Fill(new SizedNormalizedNet(inputs), 41);
        byte[] bytes = NetworkFile.ToBytes(saved);

        SizedNormalizedNet typed = NetworkFile.Load<SizedNormalizedNet>(new MemoryStream(bytes));
        Assert.Equal(inputs, typed.InputCount);
        Assert.Equal(saved.Parameters, typed.Parameters);
        Assert.Equal(saved.State, typed.State);
        var untyped = (SizedNormalizedNet)NetworkFile.Load(new MemoryStream(bytes));
        Assert.Equal(saved.State, untyped.State);

        float[] input = Enumerable.Range(0, inputs).Select(i => 0.3f * i - 1f).ToArray(), expected = new float[3], actual = new float[3];
        saved.Forward(input, expected);
        typed.Forward(input, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_file_of_one_count_does_not_load_into_a_network_made_for_another()
    {
        byte[] bytes = NetworkFile.ToBytes(RandomState.Fill(new SizedPlainNet(4), 42));
        var target = new SizedPlainNet(5);
        var error = Assert.Throws<NetworkFileException>(() => NetworkFile.LoadInto(target, new MemoryStream(bytes)));
        Assert.Contains("in=data(4)", error.Message);
        Assert.Contains("in=data(5)", error.Message);
        Assert.All(target.Parameters, p => Assert.Equal(0f, p));
    }

    [Fact]
    public void An_absurd_input_count_in_the_header_is_a_corrupt_file()
    {
        byte[] bytes = NetworkFile.ToBytes(RandomState.Fill(new SizedPlainNet(4), 43));
        int at = IndexOfInputCount(bytes, 4);
        BitConverter.GetBytes(int.MaxValue / 2).CopyTo(bytes, at);
        var error = Assert.Throws<NetworkFileException>(() => NetworkFile.Load<SizedPlainNet>(new MemoryStream(bytes)));
        Assert.Equal(NetworkFileError.Corrupt, error.Error);
    }

    [Fact]
    public void Onnx_export_of_sized_and_normalized_networks_matches_onnx_runtime()
    {
        OnnxExportTests.Compare(RandomState.Fill(new SizedNormalizedNet(7), 44));
        OnnxExportTests.Compare(RandomState.Fill(new SizedPlainNet(9), 45));
        OnnxExportTests.Compare(RandomState.Fill(new NormalizedNet(), 46));
    }

    [Fact]
    public void A_constant_feature_exports_as_centred_only()
    {
        NormalizedNet net = RandomState.Fill(new NormalizedNet(), 47);
        net.Scale.Variance[2] = 0f;
        OnnxExportTests.Compare(net);
    }

    /// <summary>The header's input count follows the signature and the 8-byte hash.</summary>
    private static int IndexOfInputCount(byte[] bytes, int inputs)
    {
        int typeLength = BitConverter.ToUInt16(bytes, 8);
        int signatureAt = 10 + typeLength;
        int signatureLength = BitConverter.ToUInt16(bytes, signatureAt);
        int at = signatureAt + 2 + signatureLength + 8;
        Assert.Equal(inputs, BitConverter.ToInt32(bytes, at));
        return at;
    }
}
