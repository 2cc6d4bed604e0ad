using Backprop;

/// <summary>8×8 pixel intensities → 32 tanh units → a probability per digit.</summary>
[Network(Inputs = 64, Loss = Loss.SoftmaxCrossEntropy)]
public partial class DigitNet
{
    [Dense(32, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(10, Activation.Softmax)] public partial DenseLayer Output { get; }
}
