using Backprop;

/// <summary>1-16-1: one input x, a tanh hidden layer, one linear output ŷ ≈ sin x, trained on the mean squared error.</summary>
[Network(Inputs = 1, Loss = Loss.MeanSquaredError)]
public partial class SineNet
{
    [Dense(16, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
}
