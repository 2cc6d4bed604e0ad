using Backprop;

/// <summary>
/// Declared without <c>Inputs</c>: the trainer takes the input count from the feature column at <c>Fit</c> (here the
/// one-hot encoded vendor, rate code and payment type plus three numbers), so new categories need no rebuild.
/// </summary>
[Network(Loss = Loss.MeanSquaredError)]
public partial class TaxiNet
{
    [Dense(32, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
}
