namespace Backprop.Tests.Networks;

/// <summary>The textbook 2-2-2 network: identity activations, no biases, ½Σ(t − o)².</summary>
[Network(Inputs = 2, Loss = Loss.SquaredError)]
public partial class WorkedExampleNet
{
    [Dense(2, Activation.Identity, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(2, Activation.Identity, Bias = false)] public partial DenseLayer Output { get; }
}
