using Backprop;

/// <summary>2 inputs → 3 sigmoid units → 1 sigmoid output, trained on ½Σ(t − o)².</summary>
[Network(Inputs = 2, Loss = Loss.SquaredError)]
public partial class XorNet
{
    [Dense(3, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}
