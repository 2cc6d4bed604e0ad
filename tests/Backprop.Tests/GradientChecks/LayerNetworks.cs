// Small networks of every layer kind, activation and loss added with the layer model, for the gradient checks.
namespace Backprop.Tests.GradientChecks;

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckGelu
{
    [Dense(5, Activation.GELU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.Huber)]
public partial class CheckSiluSoftplusHuber
{
    [Dense(5, Activation.SiLU)] public partial DenseLayer Hidden { get; }
    [Dense(2, Activation.Softplus)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanAbsoluteError)]
public partial class CheckEluGeluMae
{
    [Dense(5, Activation.ELU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.GELU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
public partial class CheckSoftplusMultiLabel
{
    [Dense(5, Activation.Softplus, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.Huber, HuberDelta = 0.25)]
public partial class CheckHuberDelta
{
    [Dense(4, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(2, Activation.Tanh)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class CheckLayerNorm
{
    [Dense(6, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [LayerNorm(Epsilon = 1e-3)] public partial LayerNormLayer Norm { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}

// No training mode: checked per sample too. The ε is large enough to matter in the derivative.
[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class CheckRMSNorm
{
    [Dense(6, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [RMSNorm(Epsilon = 1e-2)] public partial RMSNormLayer Norm { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}

// The first layer: it normalises the inputs themselves and sends back no error signal.
[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckRMSNormFirst
{
    [RMSNorm] public partial RMSNormLayer InputNorm { get; }
    [Dense(5, Activation.SiLU)] public partial DenseLayer Hidden { get; }
    [RMSNorm(Epsilon = 1e-3)] public partial RMSNormLayer Norm { get; }
    [Dense(2, Activation.Identity)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
public partial class CheckBatchNorm
{
    [Dense(6, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
    [BatchNorm(Momentum = 0.2)] public partial BatchNormLayer Norm { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckDropout
{
    [Dropout(0.3)] public partial DropoutLayer InputDrop { get; }
    [Dense(6, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dropout(0.5)] public partial DropoutLayer Drop { get; }
    [Dense(2, Activation.Identity)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
public partial class CheckEveryKind
{
    [Dense(8, Activation.GELU)] public partial DenseLayer Hidden1 { get; }
    [LayerNorm] public partial LayerNormLayer Norm1 { get; }
    [Dropout(0.2)] public partial DropoutLayer Drop1 { get; }
    [Dense(6, Activation.SiLU)] public partial DenseLayer Hidden2 { get; }
    [BatchNorm] public partial BatchNormLayer Norm2 { get; }
    [RMSNorm] public partial RMSNormLayer Norm3 { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckNormFirst
{
    [BatchNorm] public partial BatchNormLayer InputNorm { get; }
    [Dense(5, Activation.ELU)] public partial DenseLayer Hidden { get; }
    [LayerNorm] public partial LayerNormLayer Norm { get; }
    [Dense(2, Activation.Identity)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckMish
{
    [Dense(5, Activation.Mish)] public partial DenseLayer Hidden { get; }
    [Dense(2, Activation.Mish)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
public partial class CheckNormalize
{
    [Normalize] public partial NormalizeLayer Scale { get; }
    [Dense(5, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

// Declared without Inputs: checked at LayerGradientCheck.DataInputs inputs, the first layer's W last in the buffer.
[Network(Loss = Loss.MeanSquaredError)]
public partial class CheckSizedByData
{
    [Dense(6, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(2, Activation.Identity)] public partial DenseLayer Output { get; }
}

[Network(Loss = Loss.SoftmaxCrossEntropy)]
public partial class CheckSizedNormalize
{
    [Normalize] public partial NormalizeLayer Scale { get; }
    [Dense(4, Activation.SiLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}

// Every kind that may come before the first dense layer of a network sized by the data: all input-sized.
[Network(Loss = Loss.BinaryCrossEntropy)]
public partial class CheckSizedPrefix
{
    [Normalize] public partial NormalizeLayer Scale { get; }
    [BatchNorm] public partial BatchNormLayer InputNorm { get; }
    [Dropout(0.25)] public partial DropoutLayer InputDrop { get; }
    [LayerNorm] public partial LayerNormLayer InputLayerNorm { get; }
    [RMSNorm] public partial RMSNormLayer InputRmsNorm { get; }
    [Dense(5, Activation.GELU)] public partial DenseLayer Hidden { get; }
    [BatchNorm] public partial BatchNormLayer Norm { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Loss = Loss.Huber)]
public partial class CheckSizedLayerNormFirst
{
    [LayerNorm] public partial LayerNormLayer InputNorm { get; }
    [Dense(40, Activation.ReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(2, Activation.Identity)] public partial DenseLayer Output { get; }
}

[Network(Loss = Loss.SoftmaxCrossEntropy)]
public partial class CheckSizedRMSNormFirst
{
    [RMSNorm(Epsilon = 1e-4)] public partial RMSNormLayer InputNorm { get; }
    [Dense(7, Activation.GELU)] public partial DenseLayer Hidden { get; }
    [RMSNorm] public partial RMSNormLayer Norm { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}
