using Xunit;

namespace Backprop.Generators.Tests;

/// <summary>The generated code of the reference networks, compared with reviewed snapshots, and compiled without errors.</summary>
public class SnapshotTests
{
    public const string WorkedExample = """
        using Backprop;
        namespace Samples;
        [Network(Inputs = 2, Loss = Loss.SquaredError)]
        public partial class WorkedExampleNet
        {
            [Dense(2, Activation.Identity, Bias = false)] public partial DenseLayer Hidden { get; }
            [Dense(2, Activation.Identity, Bias = false)] public partial DenseLayer Output { get; }
        }
        """;

    public const string Xor = """
        using Backprop;
        namespace Samples;
        [Network(Inputs = 2, Loss = Loss.SquaredError)]
        public partial class XorNet
        {
            [Dense(3, Activation.Sigmoid)] public partial DenseLayer Hidden { get; }
            [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
        }
        """;

    public const string Iris = """
        using Backprop;
        namespace Samples;
        [Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
        public partial class IrisNet
        {
            [Dense(16, Activation.Tanh)] public partial DenseLayer Hidden { get; }
            [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
        }
        """;

    public const string Wide = """
        using Backprop;
        [Network(Inputs = 784, Loss = Loss.SoftmaxCrossEntropy)]
        internal partial class MnistNet
        {
            [Dense(128, Activation.ReLU)] internal partial DenseLayer Hidden { get; }
            [Dense(10, Activation.Softmax)] internal partial DenseLayer Output { get; }
        }
        """;

    public const string Cancer = """
        using Backprop;
        namespace Samples;
        [Network(Inputs = 30, Loss = Loss.BinaryCrossEntropy)]
        public partial class CancerNet
        {
            [Dense(64, Activation.GELU)]    public partial DenseLayer Hidden1 { get; }
            [LayerNorm]                     public partial LayerNormLayer Norm1 { get; }
            [Dropout(0.2)]                  public partial DropoutLayer Drop1 { get; }
            [Dense(32, Activation.SiLU)]    public partial DenseLayer Hidden2 { get; }
            [BatchNorm]                     public partial BatchNormLayer Norm2 { get; }
            [Dense(1, Activation.Sigmoid)]  public partial DenseLayer Output { get; }
        }
        """;

    /// <summary>Declared without Inputs: sized by the data, the first layer's W last in the buffer.</summary>
    public const string Taxi = """
        using Backprop;
        namespace Samples;
        [Network(Loss = Loss.MeanSquaredError)]
        public partial class TaxiNet
        {
            [Dense(16, Activation.ReLU)] public partial DenseLayer Hidden { get; }
            [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
        }
        """;

    /// <summary>[Normalize] first, with Inputs declared: the statistics at constant offsets of the state.</summary>
    public const string HeartNormalized = """
        using Backprop;
        namespace Samples;
        [Network(Inputs = 3, Loss = Loss.BinaryCrossEntropy)]
        public partial class HeartNet
        {
            [Normalize] public partial NormalizeLayer Scale { get; }
            [Dense(4, Activation.Tanh)] public partial DenseLayer Hidden { get; }
            [Dense(1, Activation.Sigmoid)] public partial DenseLayer Output { get; }
        }
        """;

    /// <summary>Sized by the data with every kind before the first dense layer: their tensors are input-sized, after the rest.</summary>
    public const string SizedPrefix = """
        using Backprop;
        namespace Samples;
        [Network(Loss = Loss.SoftmaxCrossEntropy)]
        public partial class SizedPrefixNet
        {
            [Normalize] public partial NormalizeLayer Scale { get; }
            [BatchNorm] public partial BatchNormLayer InputNorm { get; }
            [Dropout(0.1)] public partial DropoutLayer InputDrop { get; }
            [LayerNorm] public partial LayerNormLayer InputLayerNorm { get; }
            [Dense(8, Activation.GELU)] public partial DenseLayer Hidden { get; }
            [BatchNorm] public partial BatchNormLayer Norm { get; }
            [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
        }
        """;

    /// <summary>RMSNorm sized by the data (its γ input-sized, first in the per-input part) and of a hidden layer (γ at a constant offset).</summary>
    public const string RmsNorm = """
        using Backprop;
        namespace Samples;
        [Network(Loss = Loss.MeanSquaredError)]
        public partial class RMSNormNet
        {
            [RMSNorm] public partial RMSNormLayer InputNorm { get; }
            [Dense(4, Activation.SiLU)] public partial DenseLayer Hidden { get; }
            [RMSNorm(Epsilon = 1e-6)] public partial RMSNormLayer Norm { get; }
            [Dense(1, Activation.Identity)] public partial DenseLayer Output { get; }
        }
        """;

    [Theory]
    [InlineData("TaxiNet", Taxi)]
    [InlineData("RMSNormNet", RmsNorm)]
    [InlineData("HeartNet", HeartNormalized)]
    [InlineData("SizedPrefixNet", SizedPrefix)]
    [InlineData("CancerNet", Cancer)]
    [InlineData("WorkedExampleNet", WorkedExample)]
    [InlineData("XorNet", Xor)]
    [InlineData("IrisNet", Iris)]
    [InlineData("MnistNet", Wide)]
    public void Generated_code_matches_the_snapshot_and_compiles(string name, string source)
    {
        var (result, output) = GeneratorHarness.Run(source);
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratorHarness.CompileErrors(output));
        SnapshotAssert.Matches(name, Assert.Single(result.GeneratedSources).SourceText.ToString());
    }

    [Fact]
    public void Large_layers_use_the_simd_kernels_and_tiny_ones_are_unrolled()
    {
        string wide = GeneratorHarness.Run(Wide).Result.GeneratedSources.Single().SourceText.ToString();
        Assert.Contains("for (int o = 0; o < HiddenUnits; o++)", wide);
        Assert.Contains("Vectors.Dot(weights.Slice(o * HiddenInputs, HiddenInputs)", wide);
        Assert.DoesNotContain("weights[100]", wide);

        string xor = GeneratorHarness.Run(Xor).Result.GeneratedSources.Single().SourceText.ToString();
        Assert.Contains("output[2] = weights[4] * input[0] + weights[5] * input[1] + biases[2];", xor);
    }
}
