namespace Backprop.Trainer.Tests.Stall;

/// <summary>3 → 16 ReLU → 1, mean squared error: a ReLU layer to kill.</summary>
[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
public partial class ReluRegressionNet
{
    [Dense(16, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
}

/// <summary>Two ReLU layers, the second to kill while the first lives.</summary>
[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
public partial class DeepReluNet
{
    [Dense(12, Activation.ReLU)] public partial DenseLayer First { get; }
    [Dense(20, Activation.ReLU)] public partial DenseLayer Second { get; }
    [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
}

/// <summary>3 → 8 Tanh → 1: no ReLU, for constant outputs from zero weights.</summary>
[Network(Inputs = 3, Loss = Loss.MeanSquaredError)]
public partial class TanhRegressionNet
{
    [Dense(8, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
}

/// <summary>Every layer kind around a ReLU layer, for the probe's forward pass.</summary>
[Network(Inputs = 3, Loss = Loss.SoftmaxCrossEntropy)]
public partial class KindsNet
{
    [Normalize] public partial NormalizeLayer Scale { get; }
    [Dense(10, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [BatchNorm] public partial BatchNormLayer Batch { get; }
    [Dropout(0.2)] public partial DropoutLayer Drop { get; }
    [Dense(6, Activation.GELU)] public partial DenseLayer Mixer { get; }
    [LayerNorm] public partial LayerNormLayer Norm { get; }
    [Dense(5, Activation.Tanh)] public partial DenseLayer Late { get; }
    [RMSNorm] public partial RMSNormLayer Rms { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}

/// <summary>A ReLU net sized by the data.</summary>
[Network(Loss = Loss.MeanSquaredError)]
public partial class SizedReluNet
{
    [Dense(16, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
}

/// <summary>Iris-sized classifier with a ReLU layer.</summary>
[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class ReluIrisNet
{
    [Dense(16, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}
