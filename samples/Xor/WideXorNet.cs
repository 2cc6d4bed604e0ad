using Backprop;

/// <summary>2 inputs → 50 sigmoid units → 2 sigmoid outputs (one per class), trained on ½Σ(t − o)².</summary>
[Network(Inputs = 2, Loss = Loss.SquaredError)]
public partial class WideXorNet
{
    [Dense(50, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
    [Dense(2, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}
