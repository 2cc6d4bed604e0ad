using Xunit;

namespace Backprop.Tests.GradientChecks;

/// <summary>Analytic gradients of every activation × loss × bias combination, and of the sample networks, against finite differences.</summary>
public class GradientCheckTests
{
    public static TheoryData<string> Combinations() => new(CheckNetworks.All.Keys);

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Gradients_match_finite_differences(string network) => CheckNetworks.All[network]();

    [Fact]
    public void Deep_network_gradients_match_finite_differences() => GradientCheck.Run<DeepCheckNet>();

    [Fact]
    public void Simd_path_gradients_match_finite_differences() => GradientCheck.Run<WideCheckNet>();

    [Fact]
    public void Iris_network_gradients_match_finite_differences() => GradientCheck.Run<Networks.IrisNet>();

    [Fact]
    public void Xor_network_gradients_match_finite_differences() => GradientCheck.Run<Networks.XorNet>();
}

/// <summary>Three hidden layers of different activations: δ passes through several f′.</summary>
[Network(Inputs = 3, Loss = Loss.SoftmaxCrossEntropy)]
public partial class DeepCheckNet
{
    [Dense(6, Activation.Tanh)] public partial DenseLayer First { get; }
    [Dense(5, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Second { get; }
    [Dense(4, Activation.Sigmoid)] public partial DenseLayer Third { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}

/// <summary>Layers above the unrolling limit: the constant-bound SIMD loops.</summary>
[Network(Inputs = 37, Loss = Loss.SoftmaxCrossEntropy)]
public partial class WideCheckNet
{
    [Dense(41, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(10, Activation.Softmax)] public partial DenseLayer Output { get; }
}
