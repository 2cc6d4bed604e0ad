namespace Backprop.Benchmarks;

/// <summary>W1: 2-3-1, sigmoid hidden and output, ½·mean squared error.</summary>
[Network(Inputs = 2, Loss = Loss.SquaredError)]
public partial class XorWorkloadNet
{
    [Dense(3, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

/// <summary>W2: 4-16-3, tanh hidden, softmax + cross-entropy.</summary>
[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class IrisWorkloadNet
{
    [Dense(16, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}

/// <summary>W3: 784-128-10, ReLU hidden, softmax + cross-entropy.</summary>
[Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
public partial class MnistWorkloadNet
{
    [Dense(128, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(10, Activation.Softmax)] public partial DenseLayer Output { get; }
}

/// <summary>W4: 256-512-512-10, ReLU hidden, softmax + cross-entropy.</summary>
[Network(Inputs = 256, Loss = Loss.SoftmaxCrossEntropy)]
public partial class WideWorkloadNet
{
    [Dense(512, Activation.ReLU)] public partial DenseLayer First { get; }
    [Dense(512, Activation.ReLU)] public partial DenseLayer Second { get; }
    [Dense(10, Activation.Softmax)] public partial DenseLayer Output { get; }
}

/// <summary>"adam": 16-64-32-3, ReLU hidden, softmax + cross-entropy (3,267 parameters), trained with Adam (<see cref="AdamData"/>).</summary>
[Network(Inputs = 16, Loss = Loss.SoftmaxCrossEntropy)]
public partial class AdamWorkloadNet
{
    [Dense(64, Activation.ReLU)] public partial DenseLayer First { get; }
    [Dense(32, Activation.ReLU)] public partial DenseLayer Second { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}
