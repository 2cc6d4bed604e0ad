using Backprop;

/// <summary>
/// 2 inputs → 50 tanh units → 2 linear outputs (one per class), trained on ½Σ(t − o)²: with a constant rate of 0.5 its
/// full-batch loss falls off the XOR plateau and then blows up (the catapult of a too-sharp valley) after about step 90.
/// </summary>
[Network(Inputs = 2, Loss = Loss.SquaredError)]
public partial class WideXorNet
{
    [Dense(50, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(2, Activation.Identity)] public partial DenseLayer Output { get; }
}
