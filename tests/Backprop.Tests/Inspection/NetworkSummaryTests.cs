using Backprop.Inspection;
using Backprop.Tests.GradientChecks;
using Backprop.Tests.Networks;
using Xunit;

namespace Backprop.Tests.Inspection;

/// <summary>The Keras-like summary: one row per layer, the totals and the memory.</summary>
public class NetworkSummaryTests
{
    [Fact]
    public void The_iris_summary_lists_each_layer_and_the_totals()
    {
        Assert.Equal("""
            IrisNet (loss SoftmaxCrossEntropy)
            Layer     Kind    Output   Activation   Parameters
            ──────────────────────────────────────────────────
            (input)   Input   [4]                            0
            Hidden    Dense   [16]     Tanh                 80
            Output    Dense   [3]      Softmax              51
            ──────────────────────────────────────────────────
            Parameters: 131 (524 B as float32; the gradients take as much again)
            State values: 0

            """.Replace("\r\n", "\n"), IrisNet.Shape.Summary());
    }

    [Fact]
    public void Every_kind_has_its_row_and_the_state_has_a_column()
    {
        string summary = NetworkSummary.Format(CheckEveryKind.Shape);
        string[] lines = summary.Split('\n');
        Assert.EndsWith("State", lines[1]);
        Assert.Matches(@"^Hidden1 +Dense +\[8\] +GELU +40 +0$", lines[4]);
        Assert.Matches(@"^Norm1 +LayerNorm +\[8\] +16 +0$", lines[5]);
        Assert.Matches(@"^Drop1 +Dropout 0\.2 +\[8\] +0 +0$", lines[6]);
        Assert.Matches(@"^Norm2 +BatchNorm +\[6\] +12 +12$", lines[8]);
        Assert.Matches(@"^Norm3 +RMSNorm +\[6\] +6 +0$", lines[9]);
        Assert.Contains($"Parameters: {CheckEveryKind.ParameterCount} ({4 * CheckEveryKind.ParameterCount} B as float32", summary);
        Assert.Contains("State values: 12 (48 B, running statistics, not trained)", summary);
    }

    [Fact]
    public void An_rms_norm_layer_has_its_row_with_one_gain_per_feature()
    {
        string[] lines = NetworkSummary.Format(CheckRMSNorm.Shape).Split('\n');
        Assert.EndsWith("Parameters", lines[1]);
        Assert.Matches(@"^Norm +RMSNorm +\[6\] +6$", lines[5]);
    }

    [Fact]
    public void A_normalize_layer_has_its_row_with_its_state()
    {
        string summary = NetworkSummary.Format(CheckNormalize.Shape);
        string[] lines = summary.Split('\n');
        Assert.EndsWith("State", lines[1]);
        Assert.Matches(@"^Scale +Normalize +\[4\] +0 +8$", lines[4]);
        Assert.Matches(@"^Hidden +Dense +\[5\] +Tanh +25 +0$", lines[5]);
        Assert.Contains("State values: 8 (32 B, running statistics, not trained)", summary);
    }

    [Fact]
    public void A_dense_layer_without_bias_says_so()
    {
        var shape = new NetworkShape("NoBias", 3, Loss.MeanSquaredError, [LayerDescription.Dense("Output", 3, 2, Activation.Identity, false, 0, -1)]);
        Assert.Matches(@"^Output +Dense \(no bias\) +\[2\] +Identity +6$", NetworkSummary.Format(shape).Split('\n')[4]);
    }

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(3 * 1024 * 1024, "3 MiB")]
    [InlineData(9L * 1024 * 1024 * 1024 / 4, "2.25 GiB")]
    public void Memory_reads_in_binary_units(long bytes, string text) =>
        Assert.Equal(text, typeof(NetworkSummary).Assembly.GetType("Backprop.Inspection.ByteSize")!.GetMethod("Format")!.Invoke(null, [bytes]));
}
