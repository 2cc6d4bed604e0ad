namespace Backprop.Trainer.Tests.SizedByData;

/// <summary>A regression net declared without Inputs: sized by the data.</summary>
[Network(Loss = Loss.MeanSquaredError)]
public partial class TaxiNet
{
    [Dense(16, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
}

/// <summary>The same with Inputs = 3, to compare layouts.</summary>
[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
public partial class FixedTaxiNet
{
    [Dense(16, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
}

/// <summary>A classifier that standardises its inputs with the statistics of the training data.</summary>
[Network(Loss = Loss.BinaryCrossEntropy)]
public partial class ScaledNet
{
    [Normalize] public partial NormalizeLayer Scale { get; }
    [Dense(8, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

/// <summary>The same without the normalisation.</summary>
[Network(Loss = Loss.BinaryCrossEntropy)]
public partial class UnscaledNet
{
    [Dense(8, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}
