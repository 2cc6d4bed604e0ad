namespace Backprop.Trainer.Tests;

/// <summary>XOR 2-3-1, sigmoid everywhere, ½Σ(t − o)².</summary>
[Network(Inputs = 2, Loss = Loss.SquaredError)]
public partial class XorNet
{
    [Dense(3, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

/// <summary>XOR with a 50-unit sigmoid hidden layer and two outputs (one-hot), ½Σ(t − o)².</summary>
[Network(Inputs = 2, Loss = Loss.SquaredError)]
public partial class WideXorNet
{
    [Dense(50, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
    [Dense(2, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

/// <summary>
/// samples/Xor's 2-50-2 net: 50 tanh units, two linear outputs (one-hot targets), ½Σ(t − o)²; its loss blows up with a
/// constant rate of 0.5.
/// </summary>
[Network(Inputs = 2, Loss = Loss.SquaredError)]
public partial class WideTanhXorNet
{
    [Dense(50, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(2, Activation.Identity)] public partial DenseLayer Output { get; }
}

/// <summary>A linear regression net (no activation), for divergence and update-rule tests.</summary>
[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
public partial class LinearNet
{
    [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
}

/// <summary>A classifier with a ReLU layer wide enough for initialisation statistics.</summary>
[Network(Inputs = 64, Loss = Loss.SoftmaxCrossEntropy)]
public partial class WideNet
{
    [Dense(128, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(10, Activation.Softmax)] public partial DenseLayer Output { get; }
}

/// <summary>Layers wide enough that the GEMMs of a 64-sample batch run on several threads.</summary>
[Network(Inputs = 256, Loss = Loss.SoftmaxCrossEntropy)]
public partial class ThreadedNet
{
    [Dense(512, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(10, Activation.Softmax)] public partial DenseLayer Output { get; }
}

/// <summary>XOR 2-4-1 with a sigmoid output and binary cross-entropy, for validation accuracy.</summary>
[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy)]
public partial class BinaryXorNet
{
    [Dense(4, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

/// <summary>Two inputs → two softmax outputs, for the target-domain tests.</summary>
[Network(Inputs = 2, Loss = Loss.SoftmaxCrossEntropy)]
public partial class SoftmaxPairNet
{
    [Dense(3, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(2, Activation.Softmax)] public partial DenseLayer Output { get; }
}
