namespace Backprop.Plots.Tests;

/// <summary>One sigmoid unit on two inputs: its weights are set by hand, so the boundary is known.</summary>
[Network(Inputs = 2, Loss = Loss.BinaryCrossEntropy)]
public partial class LineNet
{
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

/// <summary>A net with three inputs, which has no decision boundary in the plane.</summary>
[Network(Inputs = 3, Loss = Loss.BinaryCrossEntropy)]
public partial class ThreeInputNet
{
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}
