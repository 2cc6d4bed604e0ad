// One small network per hidden activation × (loss, output activation) × bias combination, for the gradient checks.
// Written out by a one-off script; every class below is implemented by the generator.
namespace Backprop.Tests.GradientChecks;

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckIdentityIdentitySquaredErrorBias
{
    [Dense(5, Activation.Identity)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckIdentityIdentitySquaredErrorNoBias
{
    [Dense(5, Activation.Identity, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckIdentitySigmoidSquaredErrorBias
{
    [Dense(5, Activation.Identity)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckIdentitySigmoidSquaredErrorNoBias
{
    [Dense(5, Activation.Identity, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckIdentityTanhSquaredErrorBias
{
    [Dense(5, Activation.Identity)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckIdentityTanhSquaredErrorNoBias
{
    [Dense(5, Activation.Identity, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckIdentityReLUSquaredErrorBias
{
    [Dense(5, Activation.Identity)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckIdentityReLUSquaredErrorNoBias
{
    [Dense(5, Activation.Identity, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckIdentityLeakyReLUSquaredErrorBias
{
    [Dense(5, Activation.Identity)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckIdentityLeakyReLUSquaredErrorNoBias
{
    [Dense(5, Activation.Identity, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckIdentityIdentityMeanSquaredErrorBias
{
    [Dense(5, Activation.Identity)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckIdentityIdentityMeanSquaredErrorNoBias
{
    [Dense(5, Activation.Identity, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckIdentitySigmoidMeanSquaredErrorBias
{
    [Dense(5, Activation.Identity)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckIdentitySigmoidMeanSquaredErrorNoBias
{
    [Dense(5, Activation.Identity, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckIdentityTanhMeanSquaredErrorBias
{
    [Dense(5, Activation.Identity)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckIdentityTanhMeanSquaredErrorNoBias
{
    [Dense(5, Activation.Identity, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckIdentityReLUMeanSquaredErrorBias
{
    [Dense(5, Activation.Identity)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckIdentityReLUMeanSquaredErrorNoBias
{
    [Dense(5, Activation.Identity, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckIdentityLeakyReLUMeanSquaredErrorBias
{
    [Dense(5, Activation.Identity)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckIdentityLeakyReLUMeanSquaredErrorNoBias
{
    [Dense(5, Activation.Identity, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
public partial class CheckIdentitySigmoidBinaryCrossEntropyBias
{
    [Dense(5, Activation.Identity)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
public partial class CheckIdentitySigmoidBinaryCrossEntropyNoBias
{
    [Dense(5, Activation.Identity, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class CheckIdentitySoftmaxSoftmaxCrossEntropyBias
{
    [Dense(5, Activation.Identity)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class CheckIdentitySoftmaxSoftmaxCrossEntropyNoBias
{
    [Dense(5, Activation.Identity, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Softmax, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckSigmoidIdentitySquaredErrorBias
{
    [Dense(5, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckSigmoidIdentitySquaredErrorNoBias
{
    [Dense(5, Activation.Sigmoid, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckSigmoidSigmoidSquaredErrorBias
{
    [Dense(5, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckSigmoidSigmoidSquaredErrorNoBias
{
    [Dense(5, Activation.Sigmoid, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckSigmoidTanhSquaredErrorBias
{
    [Dense(5, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckSigmoidTanhSquaredErrorNoBias
{
    [Dense(5, Activation.Sigmoid, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckSigmoidReLUSquaredErrorBias
{
    [Dense(5, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckSigmoidReLUSquaredErrorNoBias
{
    [Dense(5, Activation.Sigmoid, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckSigmoidLeakyReLUSquaredErrorBias
{
    [Dense(5, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckSigmoidLeakyReLUSquaredErrorNoBias
{
    [Dense(5, Activation.Sigmoid, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckSigmoidIdentityMeanSquaredErrorBias
{
    [Dense(5, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckSigmoidIdentityMeanSquaredErrorNoBias
{
    [Dense(5, Activation.Sigmoid, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckSigmoidSigmoidMeanSquaredErrorBias
{
    [Dense(5, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckSigmoidSigmoidMeanSquaredErrorNoBias
{
    [Dense(5, Activation.Sigmoid, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckSigmoidTanhMeanSquaredErrorBias
{
    [Dense(5, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckSigmoidTanhMeanSquaredErrorNoBias
{
    [Dense(5, Activation.Sigmoid, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckSigmoidReLUMeanSquaredErrorBias
{
    [Dense(5, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckSigmoidReLUMeanSquaredErrorNoBias
{
    [Dense(5, Activation.Sigmoid, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckSigmoidLeakyReLUMeanSquaredErrorBias
{
    [Dense(5, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckSigmoidLeakyReLUMeanSquaredErrorNoBias
{
    [Dense(5, Activation.Sigmoid, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
public partial class CheckSigmoidSigmoidBinaryCrossEntropyBias
{
    [Dense(5, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
public partial class CheckSigmoidSigmoidBinaryCrossEntropyNoBias
{
    [Dense(5, Activation.Sigmoid, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class CheckSigmoidSoftmaxSoftmaxCrossEntropyBias
{
    [Dense(5, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class CheckSigmoidSoftmaxSoftmaxCrossEntropyNoBias
{
    [Dense(5, Activation.Sigmoid, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Softmax, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckTanhIdentitySquaredErrorBias
{
    [Dense(5, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckTanhIdentitySquaredErrorNoBias
{
    [Dense(5, Activation.Tanh, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckTanhSigmoidSquaredErrorBias
{
    [Dense(5, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckTanhSigmoidSquaredErrorNoBias
{
    [Dense(5, Activation.Tanh, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckTanhTanhSquaredErrorBias
{
    [Dense(5, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckTanhTanhSquaredErrorNoBias
{
    [Dense(5, Activation.Tanh, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckTanhReLUSquaredErrorBias
{
    [Dense(5, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckTanhReLUSquaredErrorNoBias
{
    [Dense(5, Activation.Tanh, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckTanhLeakyReLUSquaredErrorBias
{
    [Dense(5, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckTanhLeakyReLUSquaredErrorNoBias
{
    [Dense(5, Activation.Tanh, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckTanhIdentityMeanSquaredErrorBias
{
    [Dense(5, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckTanhIdentityMeanSquaredErrorNoBias
{
    [Dense(5, Activation.Tanh, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckTanhSigmoidMeanSquaredErrorBias
{
    [Dense(5, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckTanhSigmoidMeanSquaredErrorNoBias
{
    [Dense(5, Activation.Tanh, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckTanhTanhMeanSquaredErrorBias
{
    [Dense(5, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckTanhTanhMeanSquaredErrorNoBias
{
    [Dense(5, Activation.Tanh, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckTanhReLUMeanSquaredErrorBias
{
    [Dense(5, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckTanhReLUMeanSquaredErrorNoBias
{
    [Dense(5, Activation.Tanh, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckTanhLeakyReLUMeanSquaredErrorBias
{
    [Dense(5, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckTanhLeakyReLUMeanSquaredErrorNoBias
{
    [Dense(5, Activation.Tanh, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
public partial class CheckTanhSigmoidBinaryCrossEntropyBias
{
    [Dense(5, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
public partial class CheckTanhSigmoidBinaryCrossEntropyNoBias
{
    [Dense(5, Activation.Tanh, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class CheckTanhSoftmaxSoftmaxCrossEntropyBias
{
    [Dense(5, Activation.Tanh)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class CheckTanhSoftmaxSoftmaxCrossEntropyNoBias
{
    [Dense(5, Activation.Tanh, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Softmax, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckReLUIdentitySquaredErrorBias
{
    [Dense(5, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckReLUIdentitySquaredErrorNoBias
{
    [Dense(5, Activation.ReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckReLUSigmoidSquaredErrorBias
{
    [Dense(5, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckReLUSigmoidSquaredErrorNoBias
{
    [Dense(5, Activation.ReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckReLUTanhSquaredErrorBias
{
    [Dense(5, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckReLUTanhSquaredErrorNoBias
{
    [Dense(5, Activation.ReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckReLUReLUSquaredErrorBias
{
    [Dense(5, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckReLUReLUSquaredErrorNoBias
{
    [Dense(5, Activation.ReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckReLULeakyReLUSquaredErrorBias
{
    [Dense(5, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckReLULeakyReLUSquaredErrorNoBias
{
    [Dense(5, Activation.ReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckReLUIdentityMeanSquaredErrorBias
{
    [Dense(5, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckReLUIdentityMeanSquaredErrorNoBias
{
    [Dense(5, Activation.ReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckReLUSigmoidMeanSquaredErrorBias
{
    [Dense(5, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckReLUSigmoidMeanSquaredErrorNoBias
{
    [Dense(5, Activation.ReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckReLUTanhMeanSquaredErrorBias
{
    [Dense(5, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckReLUTanhMeanSquaredErrorNoBias
{
    [Dense(5, Activation.ReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckReLUReLUMeanSquaredErrorBias
{
    [Dense(5, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckReLUReLUMeanSquaredErrorNoBias
{
    [Dense(5, Activation.ReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckReLULeakyReLUMeanSquaredErrorBias
{
    [Dense(5, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckReLULeakyReLUMeanSquaredErrorNoBias
{
    [Dense(5, Activation.ReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
public partial class CheckReLUSigmoidBinaryCrossEntropyBias
{
    [Dense(5, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
public partial class CheckReLUSigmoidBinaryCrossEntropyNoBias
{
    [Dense(5, Activation.ReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class CheckReLUSoftmaxSoftmaxCrossEntropyBias
{
    [Dense(5, Activation.ReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class CheckReLUSoftmaxSoftmaxCrossEntropyNoBias
{
    [Dense(5, Activation.ReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Softmax, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckLeakyReLUIdentitySquaredErrorBias
{
    [Dense(5, Activation.LeakyReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckLeakyReLUIdentitySquaredErrorNoBias
{
    [Dense(5, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckLeakyReLUSigmoidSquaredErrorBias
{
    [Dense(5, Activation.LeakyReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckLeakyReLUSigmoidSquaredErrorNoBias
{
    [Dense(5, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckLeakyReLUTanhSquaredErrorBias
{
    [Dense(5, Activation.LeakyReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckLeakyReLUTanhSquaredErrorNoBias
{
    [Dense(5, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckLeakyReLUReLUSquaredErrorBias
{
    [Dense(5, Activation.LeakyReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckLeakyReLUReLUSquaredErrorNoBias
{
    [Dense(5, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckLeakyReLULeakyReLUSquaredErrorBias
{
    [Dense(5, Activation.LeakyReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SquaredError)]
public partial class CheckLeakyReLULeakyReLUSquaredErrorNoBias
{
    [Dense(5, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckLeakyReLUIdentityMeanSquaredErrorBias
{
    [Dense(5, Activation.LeakyReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckLeakyReLUIdentityMeanSquaredErrorNoBias
{
    [Dense(5, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Identity, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckLeakyReLUSigmoidMeanSquaredErrorBias
{
    [Dense(5, Activation.LeakyReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckLeakyReLUSigmoidMeanSquaredErrorNoBias
{
    [Dense(5, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Sigmoid, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckLeakyReLUTanhMeanSquaredErrorBias
{
    [Dense(5, Activation.LeakyReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckLeakyReLUTanhMeanSquaredErrorNoBias
{
    [Dense(5, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Tanh, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckLeakyReLUReLUMeanSquaredErrorBias
{
    [Dense(5, Activation.LeakyReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckLeakyReLUReLUMeanSquaredErrorNoBias
{
    [Dense(5, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.ReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckLeakyReLULeakyReLUMeanSquaredErrorBias
{
    [Dense(5, Activation.LeakyReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.MeanSquaredError)]
public partial class CheckLeakyReLULeakyReLUMeanSquaredErrorNoBias
{
    [Dense(5, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
public partial class CheckLeakyReLUSigmoidBinaryCrossEntropyBias
{
    [Dense(5, Activation.LeakyReLU)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.BinaryCrossEntropy)]
public partial class CheckLeakyReLUSigmoidBinaryCrossEntropyNoBias
{
    [Dense(5, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(1, Activation.Sigmoid, Bias = false)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class CheckLeakyReLUSoftmaxSoftmaxCrossEntropyBias
{
    [Dense(5, Activation.LeakyReLU)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
}

[Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
public partial class CheckLeakyReLUSoftmaxSoftmaxCrossEntropyNoBias
{
    [Dense(5, Activation.LeakyReLU, Bias = false)] public partial DenseLayer Hidden { get; }
    [Dense(3, Activation.Softmax, Bias = false)] public partial DenseLayer Output { get; }
}

/// <summary>Every combination above, by name, with its check.</summary>
internal static class CheckNetworks
{
    public static readonly IReadOnlyDictionary<string, Action> All = new Dictionary<string, Action>
    {
        [nameof(CheckIdentityIdentitySquaredErrorBias)] = GradientCheck.Run<CheckIdentityIdentitySquaredErrorBias>,
        [nameof(CheckIdentityIdentitySquaredErrorNoBias)] = GradientCheck.Run<CheckIdentityIdentitySquaredErrorNoBias>,
        [nameof(CheckIdentitySigmoidSquaredErrorBias)] = GradientCheck.Run<CheckIdentitySigmoidSquaredErrorBias>,
        [nameof(CheckIdentitySigmoidSquaredErrorNoBias)] = GradientCheck.Run<CheckIdentitySigmoidSquaredErrorNoBias>,
        [nameof(CheckIdentityTanhSquaredErrorBias)] = GradientCheck.Run<CheckIdentityTanhSquaredErrorBias>,
        [nameof(CheckIdentityTanhSquaredErrorNoBias)] = GradientCheck.Run<CheckIdentityTanhSquaredErrorNoBias>,
        [nameof(CheckIdentityReLUSquaredErrorBias)] = GradientCheck.Run<CheckIdentityReLUSquaredErrorBias>,
        [nameof(CheckIdentityReLUSquaredErrorNoBias)] = GradientCheck.Run<CheckIdentityReLUSquaredErrorNoBias>,
        [nameof(CheckIdentityLeakyReLUSquaredErrorBias)] = GradientCheck.Run<CheckIdentityLeakyReLUSquaredErrorBias>,
        [nameof(CheckIdentityLeakyReLUSquaredErrorNoBias)] = GradientCheck.Run<CheckIdentityLeakyReLUSquaredErrorNoBias>,
        [nameof(CheckIdentityIdentityMeanSquaredErrorBias)] = GradientCheck.Run<CheckIdentityIdentityMeanSquaredErrorBias>,
        [nameof(CheckIdentityIdentityMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckIdentityIdentityMeanSquaredErrorNoBias>,
        [nameof(CheckIdentitySigmoidMeanSquaredErrorBias)] = GradientCheck.Run<CheckIdentitySigmoidMeanSquaredErrorBias>,
        [nameof(CheckIdentitySigmoidMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckIdentitySigmoidMeanSquaredErrorNoBias>,
        [nameof(CheckIdentityTanhMeanSquaredErrorBias)] = GradientCheck.Run<CheckIdentityTanhMeanSquaredErrorBias>,
        [nameof(CheckIdentityTanhMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckIdentityTanhMeanSquaredErrorNoBias>,
        [nameof(CheckIdentityReLUMeanSquaredErrorBias)] = GradientCheck.Run<CheckIdentityReLUMeanSquaredErrorBias>,
        [nameof(CheckIdentityReLUMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckIdentityReLUMeanSquaredErrorNoBias>,
        [nameof(CheckIdentityLeakyReLUMeanSquaredErrorBias)] = GradientCheck.Run<CheckIdentityLeakyReLUMeanSquaredErrorBias>,
        [nameof(CheckIdentityLeakyReLUMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckIdentityLeakyReLUMeanSquaredErrorNoBias>,
        [nameof(CheckIdentitySigmoidBinaryCrossEntropyBias)] = GradientCheck.Run<CheckIdentitySigmoidBinaryCrossEntropyBias>,
        [nameof(CheckIdentitySigmoidBinaryCrossEntropyNoBias)] = GradientCheck.Run<CheckIdentitySigmoidBinaryCrossEntropyNoBias>,
        [nameof(CheckIdentitySoftmaxSoftmaxCrossEntropyBias)] = GradientCheck.Run<CheckIdentitySoftmaxSoftmaxCrossEntropyBias>,
        [nameof(CheckIdentitySoftmaxSoftmaxCrossEntropyNoBias)] = GradientCheck.Run<CheckIdentitySoftmaxSoftmaxCrossEntropyNoBias>,
        [nameof(CheckSigmoidIdentitySquaredErrorBias)] = GradientCheck.Run<CheckSigmoidIdentitySquaredErrorBias>,
        [nameof(CheckSigmoidIdentitySquaredErrorNoBias)] = GradientCheck.Run<CheckSigmoidIdentitySquaredErrorNoBias>,
        [nameof(CheckSigmoidSigmoidSquaredErrorBias)] = GradientCheck.Run<CheckSigmoidSigmoidSquaredErrorBias>,
        [nameof(CheckSigmoidSigmoidSquaredErrorNoBias)] = GradientCheck.Run<CheckSigmoidSigmoidSquaredErrorNoBias>,
        [nameof(CheckSigmoidTanhSquaredErrorBias)] = GradientCheck.Run<CheckSigmoidTanhSquaredErrorBias>,
        [nameof(CheckSigmoidTanhSquaredErrorNoBias)] = GradientCheck.Run<CheckSigmoidTanhSquaredErrorNoBias>,
        [nameof(CheckSigmoidReLUSquaredErrorBias)] = GradientCheck.Run<CheckSigmoidReLUSquaredErrorBias>,
        [nameof(CheckSigmoidReLUSquaredErrorNoBias)] = GradientCheck.Run<CheckSigmoidReLUSquaredErrorNoBias>,
        [nameof(CheckSigmoidLeakyReLUSquaredErrorBias)] = GradientCheck.Run<CheckSigmoidLeakyReLUSquaredErrorBias>,
        [nameof(CheckSigmoidLeakyReLUSquaredErrorNoBias)] = GradientCheck.Run<CheckSigmoidLeakyReLUSquaredErrorNoBias>,
        [nameof(CheckSigmoidIdentityMeanSquaredErrorBias)] = GradientCheck.Run<CheckSigmoidIdentityMeanSquaredErrorBias>,
        [nameof(CheckSigmoidIdentityMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckSigmoidIdentityMeanSquaredErrorNoBias>,
        [nameof(CheckSigmoidSigmoidMeanSquaredErrorBias)] = GradientCheck.Run<CheckSigmoidSigmoidMeanSquaredErrorBias>,
        [nameof(CheckSigmoidSigmoidMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckSigmoidSigmoidMeanSquaredErrorNoBias>,
        [nameof(CheckSigmoidTanhMeanSquaredErrorBias)] = GradientCheck.Run<CheckSigmoidTanhMeanSquaredErrorBias>,
        [nameof(CheckSigmoidTanhMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckSigmoidTanhMeanSquaredErrorNoBias>,
        [nameof(CheckSigmoidReLUMeanSquaredErrorBias)] = GradientCheck.Run<CheckSigmoidReLUMeanSquaredErrorBias>,
        [nameof(CheckSigmoidReLUMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckSigmoidReLUMeanSquaredErrorNoBias>,
        [nameof(CheckSigmoidLeakyReLUMeanSquaredErrorBias)] = GradientCheck.Run<CheckSigmoidLeakyReLUMeanSquaredErrorBias>,
        [nameof(CheckSigmoidLeakyReLUMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckSigmoidLeakyReLUMeanSquaredErrorNoBias>,
        [nameof(CheckSigmoidSigmoidBinaryCrossEntropyBias)] = GradientCheck.Run<CheckSigmoidSigmoidBinaryCrossEntropyBias>,
        [nameof(CheckSigmoidSigmoidBinaryCrossEntropyNoBias)] = GradientCheck.Run<CheckSigmoidSigmoidBinaryCrossEntropyNoBias>,
        [nameof(CheckSigmoidSoftmaxSoftmaxCrossEntropyBias)] = GradientCheck.Run<CheckSigmoidSoftmaxSoftmaxCrossEntropyBias>,
        [nameof(CheckSigmoidSoftmaxSoftmaxCrossEntropyNoBias)] = GradientCheck.Run<CheckSigmoidSoftmaxSoftmaxCrossEntropyNoBias>,
        [nameof(CheckTanhIdentitySquaredErrorBias)] = GradientCheck.Run<CheckTanhIdentitySquaredErrorBias>,
        [nameof(CheckTanhIdentitySquaredErrorNoBias)] = GradientCheck.Run<CheckTanhIdentitySquaredErrorNoBias>,
        [nameof(CheckTanhSigmoidSquaredErrorBias)] = GradientCheck.Run<CheckTanhSigmoidSquaredErrorBias>,
        [nameof(CheckTanhSigmoidSquaredErrorNoBias)] = GradientCheck.Run<CheckTanhSigmoidSquaredErrorNoBias>,
        [nameof(CheckTanhTanhSquaredErrorBias)] = GradientCheck.Run<CheckTanhTanhSquaredErrorBias>,
        [nameof(CheckTanhTanhSquaredErrorNoBias)] = GradientCheck.Run<CheckTanhTanhSquaredErrorNoBias>,
        [nameof(CheckTanhReLUSquaredErrorBias)] = GradientCheck.Run<CheckTanhReLUSquaredErrorBias>,
        [nameof(CheckTanhReLUSquaredErrorNoBias)] = GradientCheck.Run<CheckTanhReLUSquaredErrorNoBias>,
        [nameof(CheckTanhLeakyReLUSquaredErrorBias)] = GradientCheck.Run<CheckTanhLeakyReLUSquaredErrorBias>,
        [nameof(CheckTanhLeakyReLUSquaredErrorNoBias)] = GradientCheck.Run<CheckTanhLeakyReLUSquaredErrorNoBias>,
        [nameof(CheckTanhIdentityMeanSquaredErrorBias)] = GradientCheck.Run<CheckTanhIdentityMeanSquaredErrorBias>,
        [nameof(CheckTanhIdentityMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckTanhIdentityMeanSquaredErrorNoBias>,
        [nameof(CheckTanhSigmoidMeanSquaredErrorBias)] = GradientCheck.Run<CheckTanhSigmoidMeanSquaredErrorBias>,
        [nameof(CheckTanhSigmoidMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckTanhSigmoidMeanSquaredErrorNoBias>,
        [nameof(CheckTanhTanhMeanSquaredErrorBias)] = GradientCheck.Run<CheckTanhTanhMeanSquaredErrorBias>,
        [nameof(CheckTanhTanhMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckTanhTanhMeanSquaredErrorNoBias>,
        [nameof(CheckTanhReLUMeanSquaredErrorBias)] = GradientCheck.Run<CheckTanhReLUMeanSquaredErrorBias>,
        [nameof(CheckTanhReLUMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckTanhReLUMeanSquaredErrorNoBias>,
        [nameof(CheckTanhLeakyReLUMeanSquaredErrorBias)] = GradientCheck.Run<CheckTanhLeakyReLUMeanSquaredErrorBias>,
        [nameof(CheckTanhLeakyReLUMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckTanhLeakyReLUMeanSquaredErrorNoBias>,
        [nameof(CheckTanhSigmoidBinaryCrossEntropyBias)] = GradientCheck.Run<CheckTanhSigmoidBinaryCrossEntropyBias>,
        [nameof(CheckTanhSigmoidBinaryCrossEntropyNoBias)] = GradientCheck.Run<CheckTanhSigmoidBinaryCrossEntropyNoBias>,
        [nameof(CheckTanhSoftmaxSoftmaxCrossEntropyBias)] = GradientCheck.Run<CheckTanhSoftmaxSoftmaxCrossEntropyBias>,
        [nameof(CheckTanhSoftmaxSoftmaxCrossEntropyNoBias)] = GradientCheck.Run<CheckTanhSoftmaxSoftmaxCrossEntropyNoBias>,
        [nameof(CheckReLUIdentitySquaredErrorBias)] = GradientCheck.Run<CheckReLUIdentitySquaredErrorBias>,
        [nameof(CheckReLUIdentitySquaredErrorNoBias)] = GradientCheck.Run<CheckReLUIdentitySquaredErrorNoBias>,
        [nameof(CheckReLUSigmoidSquaredErrorBias)] = GradientCheck.Run<CheckReLUSigmoidSquaredErrorBias>,
        [nameof(CheckReLUSigmoidSquaredErrorNoBias)] = GradientCheck.Run<CheckReLUSigmoidSquaredErrorNoBias>,
        [nameof(CheckReLUTanhSquaredErrorBias)] = GradientCheck.Run<CheckReLUTanhSquaredErrorBias>,
        [nameof(CheckReLUTanhSquaredErrorNoBias)] = GradientCheck.Run<CheckReLUTanhSquaredErrorNoBias>,
        [nameof(CheckReLUReLUSquaredErrorBias)] = GradientCheck.Run<CheckReLUReLUSquaredErrorBias>,
        [nameof(CheckReLUReLUSquaredErrorNoBias)] = GradientCheck.Run<CheckReLUReLUSquaredErrorNoBias>,
        [nameof(CheckReLULeakyReLUSquaredErrorBias)] = GradientCheck.Run<CheckReLULeakyReLUSquaredErrorBias>,
        [nameof(CheckReLULeakyReLUSquaredErrorNoBias)] = GradientCheck.Run<CheckReLULeakyReLUSquaredErrorNoBias>,
        [nameof(CheckReLUIdentityMeanSquaredErrorBias)] = GradientCheck.Run<CheckReLUIdentityMeanSquaredErrorBias>,
        [nameof(CheckReLUIdentityMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckReLUIdentityMeanSquaredErrorNoBias>,
        [nameof(CheckReLUSigmoidMeanSquaredErrorBias)] = GradientCheck.Run<CheckReLUSigmoidMeanSquaredErrorBias>,
        [nameof(CheckReLUSigmoidMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckReLUSigmoidMeanSquaredErrorNoBias>,
        [nameof(CheckReLUTanhMeanSquaredErrorBias)] = GradientCheck.Run<CheckReLUTanhMeanSquaredErrorBias>,
        [nameof(CheckReLUTanhMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckReLUTanhMeanSquaredErrorNoBias>,
        [nameof(CheckReLUReLUMeanSquaredErrorBias)] = GradientCheck.Run<CheckReLUReLUMeanSquaredErrorBias>,
        [nameof(CheckReLUReLUMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckReLUReLUMeanSquaredErrorNoBias>,
        [nameof(CheckReLULeakyReLUMeanSquaredErrorBias)] = GradientCheck.Run<CheckReLULeakyReLUMeanSquaredErrorBias>,
        [nameof(CheckReLULeakyReLUMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckReLULeakyReLUMeanSquaredErrorNoBias>,
        [nameof(CheckReLUSigmoidBinaryCrossEntropyBias)] = GradientCheck.Run<CheckReLUSigmoidBinaryCrossEntropyBias>,
        [nameof(CheckReLUSigmoidBinaryCrossEntropyNoBias)] = GradientCheck.Run<CheckReLUSigmoidBinaryCrossEntropyNoBias>,
        [nameof(CheckReLUSoftmaxSoftmaxCrossEntropyBias)] = GradientCheck.Run<CheckReLUSoftmaxSoftmaxCrossEntropyBias>,
        [nameof(CheckReLUSoftmaxSoftmaxCrossEntropyNoBias)] = GradientCheck.Run<CheckReLUSoftmaxSoftmaxCrossEntropyNoBias>,
        [nameof(CheckLeakyReLUIdentitySquaredErrorBias)] = GradientCheck.Run<CheckLeakyReLUIdentitySquaredErrorBias>,
        [nameof(CheckLeakyReLUIdentitySquaredErrorNoBias)] = GradientCheck.Run<CheckLeakyReLUIdentitySquaredErrorNoBias>,
        [nameof(CheckLeakyReLUSigmoidSquaredErrorBias)] = GradientCheck.Run<CheckLeakyReLUSigmoidSquaredErrorBias>,
        [nameof(CheckLeakyReLUSigmoidSquaredErrorNoBias)] = GradientCheck.Run<CheckLeakyReLUSigmoidSquaredErrorNoBias>,
        [nameof(CheckLeakyReLUTanhSquaredErrorBias)] = GradientCheck.Run<CheckLeakyReLUTanhSquaredErrorBias>,
        [nameof(CheckLeakyReLUTanhSquaredErrorNoBias)] = GradientCheck.Run<CheckLeakyReLUTanhSquaredErrorNoBias>,
        [nameof(CheckLeakyReLUReLUSquaredErrorBias)] = GradientCheck.Run<CheckLeakyReLUReLUSquaredErrorBias>,
        [nameof(CheckLeakyReLUReLUSquaredErrorNoBias)] = GradientCheck.Run<CheckLeakyReLUReLUSquaredErrorNoBias>,
        [nameof(CheckLeakyReLULeakyReLUSquaredErrorBias)] = GradientCheck.Run<CheckLeakyReLULeakyReLUSquaredErrorBias>,
        [nameof(CheckLeakyReLULeakyReLUSquaredErrorNoBias)] = GradientCheck.Run<CheckLeakyReLULeakyReLUSquaredErrorNoBias>,
        [nameof(CheckLeakyReLUIdentityMeanSquaredErrorBias)] = GradientCheck.Run<CheckLeakyReLUIdentityMeanSquaredErrorBias>,
        [nameof(CheckLeakyReLUIdentityMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckLeakyReLUIdentityMeanSquaredErrorNoBias>,
        [nameof(CheckLeakyReLUSigmoidMeanSquaredErrorBias)] = GradientCheck.Run<CheckLeakyReLUSigmoidMeanSquaredErrorBias>,
        [nameof(CheckLeakyReLUSigmoidMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckLeakyReLUSigmoidMeanSquaredErrorNoBias>,
        [nameof(CheckLeakyReLUTanhMeanSquaredErrorBias)] = GradientCheck.Run<CheckLeakyReLUTanhMeanSquaredErrorBias>,
        [nameof(CheckLeakyReLUTanhMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckLeakyReLUTanhMeanSquaredErrorNoBias>,
        [nameof(CheckLeakyReLUReLUMeanSquaredErrorBias)] = GradientCheck.Run<CheckLeakyReLUReLUMeanSquaredErrorBias>,
        [nameof(CheckLeakyReLUReLUMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckLeakyReLUReLUMeanSquaredErrorNoBias>,
        [nameof(CheckLeakyReLULeakyReLUMeanSquaredErrorBias)] = GradientCheck.Run<CheckLeakyReLULeakyReLUMeanSquaredErrorBias>,
        [nameof(CheckLeakyReLULeakyReLUMeanSquaredErrorNoBias)] = GradientCheck.Run<CheckLeakyReLULeakyReLUMeanSquaredErrorNoBias>,
        [nameof(CheckLeakyReLUSigmoidBinaryCrossEntropyBias)] = GradientCheck.Run<CheckLeakyReLUSigmoidBinaryCrossEntropyBias>,
        [nameof(CheckLeakyReLUSigmoidBinaryCrossEntropyNoBias)] = GradientCheck.Run<CheckLeakyReLUSigmoidBinaryCrossEntropyNoBias>,
        [nameof(CheckLeakyReLUSoftmaxSoftmaxCrossEntropyBias)] = GradientCheck.Run<CheckLeakyReLUSoftmaxSoftmaxCrossEntropyBias>,
        [nameof(CheckLeakyReLUSoftmaxSoftmaxCrossEntropyNoBias)] = GradientCheck.Run<CheckLeakyReLUSoftmaxSoftmaxCrossEntropyNoBias>,
    };
}
