namespace Backprop.Tests.Networks;

/// <summary>The iris classifier: 4 → 16 tanh → 3 softmax, cross-entropy.</summary>
[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class IrisNet
{
    [Dense(16, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}
