namespace Backprop.MLNet.Tests;

/// <summary>Declared without Inputs: the feature column's size at Fit is its input count (the taxi pipeline's one-hot features).</summary>
[Network(Loss = Loss.MeanSquaredError)]
public partial class TaxiNet
{
    [Dense(16, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
}

/// <summary>A binary classifier declared without Inputs, for the heart-disease-like data.</summary>
[Network(Loss = Loss.BinaryCrossEntropy)]
public partial class HeartNet
{
    [Dense(16, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

/// <summary>The same with its own [Normalize] layer: the trainer leaves the features alone.</summary>
[Network(Loss = Loss.BinaryCrossEntropy)]
public partial class NormalizedHeartNet
{
    [Normalize] public partial NormalizeLayer Scale { get; }
    [Dense(16, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}
