using Backprop.Tests.Networks;
using Xunit;

namespace Backprop.Tests.WorkedExample;

/// <summary>
/// The 2-2-2 textbook example, reproduced to the printed digits: inputs 1, 1.5; targets 2.5, 3; w1..w8 = 1.5, 2, 2,
/// 2.5, 1.2, 2.5, 0.5, 1 with h1 = i1·w1 + i2·w3, h2 = i1·w2 + i2·w4, o1 = h1·w5 + h2·w7, o2 = h1·w6 + h2·w8.
/// </summary>
public class WorkedExampleTests
{
    private static readonly float[] Input = [1f, 1.5f];
    private static readonly float[] Target = [2.5f, 3f];

    /// <summary>The textbook's weights placed in the generated layout (W[o, i]).</summary>
    internal static WorkedExampleNet CreateNetwork()
    {
        var net = new WorkedExampleNet();
        net.Hidden.Weights[0, 0] = 1.5f; // w1: i1 → h1
        net.Hidden.Weights[1, 0] = 2f;   // w2: i1 → h2
        net.Hidden.Weights[0, 1] = 2f;   // w3: i2 → h1
        net.Hidden.Weights[1, 1] = 2.5f; // w4: i2 → h2
        net.Output.Weights[0, 0] = 1.2f; // w5: h1 → o1
        net.Output.Weights[1, 0] = 2.5f; // w6: h1 → o2
        net.Output.Weights[0, 1] = 0.5f; // w7: h2 → o1
        net.Output.Weights[1, 1] = 1f;   // w8: h2 → o2
        return net;
    }

    [Fact]
    public void Forward_gives_the_printed_outputs()
    {
        var net = CreateNetwork();
        Span<float> output = stackalloc float[WorkedExampleNet.OutputCount];
        net.Forward(Input, output);
        Assert.Equal(8.275, output[0], 1e-5);
        Assert.Equal(17.0, output[1], 1e-5);
    }

    [Fact]
    public void Loss_is_half_the_sum_of_squared_errors()
    {
        var net = CreateNetwork();
        float loss = net.Backward(Input, Target);
        Assert.Equal(114.6753125, loss, 1e-4);
    }

    [Fact]
    public void Every_partial_derivative_matches_the_hand_derived_value()
    {
        var net = CreateNetwork();
        net.Backward(Input, Target);

        // δo = o − t = (5.775, 14); h = (4.5, 5.75); δh = W²ᵀ δo = (1.2·5.775 + 2.5·14, 0.5·5.775 + 1·14) = (41.93, 16.8875).
        Assert.Equal(25.9875, net.Output.WeightGradients[0, 0], 1e-4);   // ∂E/∂w5 = δo1·h1
        Assert.Equal(63.0, net.Output.WeightGradients[1, 0], 1e-4);      // ∂E/∂w6 = δo2·h1
        Assert.Equal(33.20625, net.Output.WeightGradients[0, 1], 1e-4);  // ∂E/∂w7 = δo1·h2
        Assert.Equal(80.5, net.Output.WeightGradients[1, 1], 1e-4);      // ∂E/∂w8 = δo2·h2
        Assert.Equal(41.93, net.Hidden.WeightGradients[0, 0], 1e-4);     // ∂E/∂w1 = δh1·i1
        Assert.Equal(16.8875, net.Hidden.WeightGradients[1, 0], 1e-4);   // ∂E/∂w2 = δh2·i1
        Assert.Equal(62.895, net.Hidden.WeightGradients[0, 1], 1e-4);    // ∂E/∂w3 = δh1·i2
        Assert.Equal(25.33125, net.Hidden.WeightGradients[1, 1], 1e-4);  // ∂E/∂w4 = δh2·i2
    }

    [Fact]
    public void One_gradient_step_moves_w5_to_the_printed_value()
    {
        var net = CreateNetwork();
        net.Backward(Input, Target);
        const float learningRate = 0.1f;
        for (int i = 0; i < net.Parameters.Length; i++) net.Parameters[i] -= learningRate * net.Gradients[i];
        Assert.Equal(-1.39875, net.Output.Weights[0, 0], 1e-5);
    }

    [Fact]
    public void Batched_pass_gives_the_same_gradients_as_the_per_sample_pass()
    {
        var single = CreateNetwork();
        float singleLoss = single.Backward(Input, Target);
        var batched = CreateNetwork();
        float[] workspace = new float[WorkedExampleNet.BatchWorkspaceSize(1)];
        float batchLoss = WorkedExampleNet.BackwardBatch(batched.Parameters, batched.Gradients, Input, Target, 1, 1f, workspace);
        Assert.Equal(singleLoss, batchLoss);
        Assert.Equal(single.Gradients, batched.Gradients);
    }
}
