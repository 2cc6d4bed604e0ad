namespace Backprop.MLNet.Tests;

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class IrisNet
{
    [Dense(16, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class TwoClassIrisNet
{
    [Dense(8, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(2, Activation.Softmax)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 64, Loss = Loss.SoftmaxCrossEntropy)]
public partial class DigitNet
{
    [Dense(64, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(10, Activation.Softmax)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 30, Loss = Loss.BinaryCrossEntropy)]
public partial class CancerNet
{
    [Dense(16, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

/// <summary>y = sin(x): one input, one output.</summary>
[Network(Inputs = 1, Loss = Loss.MeanSquaredError)]
public partial class SineNet
{
    [Dense(16, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
}

/// <summary>(sin x, cos x): two regression outputs.</summary>
[Network(Inputs = 1, Loss = Loss.MeanSquaredError)]
public partial class SineCosineNet
{
    [Dense(16, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(2, Activation.Identity)] public partial DenseLayer Output { get; }
}
