namespace Backprop.Persistence.Tests;

/// <summary>The activations added with the layer model, once each, for the ONNX comparison.</summary>
[Network(Inputs = 6, Loss = Loss.MeanSquaredError)]
public partial class NewActivationsNet
{
    [Dense(7, Activation.GELU)] public partial DenseLayer First { get; }
    [Dense(8, Activation.SiLU)] public partial DenseLayer Second { get; }
    [Dense(9, Activation.ELU)] public partial DenseLayer Third { get; }
    [Dense(4, Activation.Mish)] public partial DenseLayer Fourth { get; }
    [Dense(3, Activation.Softplus)] public partial DenseLayer Output { get; }
}

/// <summary>Every layer kind: normalisations, dropout and their state.</summary>
[Network(Inputs = 5, Loss = Loss.BinaryCrossEntropy)]
public partial class EveryKindNet
{
    [Dense(8, Activation.GELU)] public partial DenseLayer Hidden1 { get; }
    [LayerNorm] public partial LayerNormLayer Norm1 { get; }
    [Dropout(0.2)] public partial DropoutLayer Drop1 { get; }
    [Dense(6, Activation.SiLU)] public partial DenseLayer Hidden2 { get; }
    [BatchNorm(Epsilon = 1e-3)] public partial BatchNormLayer Norm2 { get; }
    [RMSNorm(Epsilon = 1e-4)] public partial RMSNormLayer Norm3 { get; }
    [Dense(2, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

/// <summary>Declared without Inputs, an RMSNorm of the inputs (its γ input-sized) and one of a hidden layer.</summary>
[Network(Loss = Loss.MeanSquaredError)]
public partial class SizedRMSNormNet
{
    [RMSNorm] public partial RMSNormLayer InputNorm { get; }
    [Dense(6, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [RMSNorm(Epsilon = 1e-3)] public partial RMSNormLayer Norm { get; }
    [Dense(2, Activation.Identity)] public partial DenseLayer Output { get; }
}

internal static class RandomState
{
    /// <summary>Random parameters, gains around 1, and running statistics away from their initial 0 and 1.</summary>
    public static T Fill<T>(T network, int seed) where T : INetwork
    {
        var random = new Random(seed);
        for (int i = 0; i < network.Parameters.Length; i++) network.Parameters[i] = (float)(random.NextDouble() * 2 - 1);
        foreach (TensorDescription tensor in network.Shape.Tensors)
            for (int i = 0; i < tensor.Length; i++)
            {
                float[] buffer = tensor.IsState ? network.State : network.Parameters;
                buffer[tensor.Offset + i] = tensor.Role switch
                {
                    TensorRole.Gain => (float)(0.5 + random.NextDouble()),
                    TensorRole.RunningMean => (float)(random.NextDouble() - 0.5),
                    TensorRole.RunningVariance => (float)(0.3 + random.NextDouble()),
                    _ => buffer[tensor.Offset + i],
                };
            }

        return network;
    }
}

/// <summary>Declared without Inputs, with [Normalize] and a BatchNorm before the first dense layer: every input-sized tensor kind.</summary>
[Network(Loss = Loss.SoftmaxCrossEntropy)]
public partial class SizedNormalizedNet
{
    [Normalize] public partial NormalizeLayer Scale { get; }
    [BatchNorm] public partial BatchNormLayer InputNorm { get; }
    [Dense(6, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}

/// <summary>Declared without Inputs, nothing else.</summary>
[Network(Loss = Loss.MeanSquaredError)]
public partial class SizedPlainNet
{
    [Dense(5, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(2, Activation.Identity)] public partial DenseLayer Output { get; }
}

/// <summary>[Normalize] with Inputs declared.</summary>
[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
public partial class NormalizedNet
{
    [Normalize] public partial NormalizeLayer Scale { get; }
    [Dense(5, Activation.SiLU)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}
