namespace Backprop.Persistence.Tests;

[Network(Inputs = 3, Loss = Loss.SoftmaxCrossEntropy)]
public partial class SmallNet
{
    [Dense(4, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(2, Activation.Softmax)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 3, Loss = Loss.SoftmaxCrossEntropy)]
public partial class OtherShapeNet
{
    [Dense(5, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(2, Activation.Softmax)] public partial DenseLayer Output { get; }
}

/// <summary>Every activation once, and a layer without bias, for the ONNX comparison.</summary>
[Network(Inputs = 6, Loss = Loss.SquaredError)]
public partial class AllActivationsNet
{
    [Dense(7, Activation.Sigmoid)] public partial DenseLayer First { get; }
    [Dense(8, Activation.Tanh, Bias = false)] public partial DenseLayer Second { get; }
    [Dense(9, Activation.ReLU)] public partial DenseLayer Third { get; }
    [Dense(5, Activation.LeakyReLU)] public partial DenseLayer Fourth { get; }
    [Dense(3, Activation.Identity)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 5, Loss = Loss.SoftmaxCrossEntropy)]
public partial class SoftmaxNet
{
    [Dense(12, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(4, Activation.Softmax)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 5, Loss = Loss.BinaryCrossEntropy)]
public partial class SigmoidHeadNet
{
    [Dense(6, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

internal static class RandomWeights
{
    public static T Fill<T>(T network, int seed) where T : INetwork
    {
        var random = new Random(seed);
        for (int i = 0; i < network.Parameters.Length; i++) network.Parameters[i] = (float)(random.NextDouble() * 2 - 1);
        return network;
    }
}
