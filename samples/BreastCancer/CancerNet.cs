using Backprop;

/// <summary>30 cell-nucleus measurements → 16 ReLU units → P(malignant).</summary>
[Network(Inputs = 30, Loss = Loss.BinaryCrossEntropy)]
public partial class CancerNet
{
    [Dense(16, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}
