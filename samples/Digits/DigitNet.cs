using Backprop;

/// <summary>8×8 pixel intensities → 64 ReLU units → a probability per digit.</summary>
[Network(Inputs = 64, Loss = Loss.SoftmaxCrossEntropy)]
public partial class DigitNet
{
    [Dense(64, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(10, Activation.Softmax)] public partial DenseLayer Output { get; }
}
