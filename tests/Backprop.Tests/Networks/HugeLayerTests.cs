using Xunit;

namespace Backprop.Tests.Networks;

/// <summary>Per-sample passes over layers far larger than a thread's stack keep their buffers on the heap.</summary>
public class HugeLayerTests
{
    [Fact]
    public void A_layer_of_three_million_units_runs_forward_and_backward_per_sample()
    {
        var net = new HugeNet();
        net.Parameters.AsSpan().Fill(1e-3f);
        var output = new float[1];
        net.Forward([2f], output);
        Assert.Equal(HugeNet.HiddenUnits * (2e-3f + 1e-3f) * 1e-3f + 1e-3f, output[0], 1);
        float loss = net.Backward([2f], [0f]);
        Assert.True(float.IsFinite(loss) && loss > 0);
        Assert.True(net.Output.WeightGradients[0, 0] > 0f);
    }
}

[Network(Inputs = 1, Loss = Loss.SquaredError)]
public partial class HugeNet
{
    [Dense(3_000_000, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
}
