using Backprop;

/// <summary>4 measurements → 16 tanh units → a probability per species.</summary>
[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class IrisNet
{
    [Dense(16, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}
