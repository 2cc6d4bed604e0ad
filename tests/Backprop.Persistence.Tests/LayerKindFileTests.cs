using Backprop.Persistence;
using Xunit;

namespace Backprop.Persistence.Tests;

/// <summary>Every layer kind's parameters and state (BatchNorm's running statistics) survive a save and a load.</summary>
public class LayerKindFileTests
{
    [Fact]
    public void Parameters_and_state_of_every_kind_round_trip()
    {
        EveryKindNet saved = RandomState.Fill(new EveryKindNet(), 31);
        byte[] bytes = NetworkFile.ToBytes(saved);

        EveryKindNet typed = NetworkFile.Load<EveryKindNet>(new MemoryStream(bytes));
        Assert.Equal(saved.Parameters, typed.Parameters);
        Assert.Equal(saved.State, typed.State);
        Assert.NotEqual(new EveryKindNet().State, typed.State); // the running statistics are not the initial 0 and 1

        var untyped = (EveryKindNet)NetworkFile.Load(new MemoryStream(bytes));
        Assert.Equal(saved.State, untyped.State);

        var output = new float[EveryKindNet.OutputCount];
        var expected = new float[EveryKindNet.OutputCount];
        float[] input = [0.3f, -1f, 0.5f, 2f, -0.7f];
        saved.Forward(input, expected);
        typed.Forward(input, output);
        Assert.Equal(expected, output);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    public void An_rms_norm_gain_sized_by_the_data_round_trips(int inputs)
    {
        SizedRMSNormNet saved = RandomState.Fill(new SizedRMSNormNet(inputs), 33);
        Assert.Equal(inputs, saved.InputNorm.Gain.Length);
        Assert.Equal(6, saved.Norm.Gain.Length);
        byte[] bytes = NetworkFile.ToBytes(saved);

        SizedRMSNormNet typed = NetworkFile.Load<SizedRMSNormNet>(new MemoryStream(bytes));
        Assert.Equal(inputs, typed.InputCount);
        Assert.Equal(saved.Parameters, typed.Parameters);
        Assert.Equal(saved.InputNorm.Gain.AsSpan().ToArray(), typed.InputNorm.Gain.AsSpan().ToArray());
        Assert.StartsWith($"in=data({inputs});RMSNorm({inputs},eps=1E-05);Dense(6,Tanh,bias);RMSNorm(6,eps=0.001);", ((INetwork)typed).Shape.Signature);

        float[] input = Enumerable.Range(0, inputs).Select(i => 0.4f * i - 1f).ToArray(), expected = new float[2], actual = new float[2];
        saved.Forward(input, expected);
        typed.Forward(input, actual);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_state_count_that_does_not_match_the_shape_loads_nothing()
    {
        EveryKindNet saved = RandomState.Fill(new EveryKindNet(), 32);
        byte[] bytes = NetworkFile.ToBytes(saved);
        int stateCountOffset = bytes.Length - 4 - 4 * EveryKindNet.StateCount - 4;
        Assert.Equal(EveryKindNet.StateCount, BitConverter.ToInt32(bytes, stateCountOffset));
        BitConverter.GetBytes(EveryKindNet.StateCount - 1).CopyTo(bytes, stateCountOffset);
        var target = new EveryKindNet();
        float[] before = target.State.ToArray();
        var error = Assert.Throws<NetworkFileException>(() => NetworkFile.LoadInto(target, new MemoryStream(bytes)));
        Assert.Contains($"{EveryKindNet.StateCount - 1} state values", error.Message);
        Assert.Equal(before, target.State);
    }

    [Fact]
    public void The_signature_names_every_kind_and_its_options()
    {
        Assert.Equal("in=5;Dense(8,GELU,bias);LayerNorm(8,eps=1E-05);Dropout(8,0.2);Dense(6,SiLU,bias);BatchNorm(6,eps=0.001,momentum=0.1);RMSNorm(6,eps=0.0001);Dense(2,Sigmoid,bias);loss=BinaryCrossEntropy",
            EveryKindNet.Shape.Signature);
        Assert.NotEqual(NewActivationsNet.Shape.Hash, EveryKindNet.Shape.Hash);
    }
}
