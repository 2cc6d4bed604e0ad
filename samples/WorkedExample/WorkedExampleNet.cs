using Backprop;

/// <summary>2 inputs → 2 identity hidden units → 2 identity outputs, no biases, E = ½Σ(t − o)².</summary>
[Network(Inputs = 2, Loss = Loss.SquaredError)]
public partial class WorkedExampleNet
{
    [Dense(2, Activation.Identity, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(2, Activation.Identity, Bias = false)] public partial DenseLayer Output { get; }
}
