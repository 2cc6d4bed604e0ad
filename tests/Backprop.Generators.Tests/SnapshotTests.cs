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

    [Theory]
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
