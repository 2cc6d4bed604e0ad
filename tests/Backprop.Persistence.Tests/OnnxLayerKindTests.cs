using Xunit;

namespace Backprop.Persistence.Tests;

/// <summary>Every layer kind and new activation, exported and run in ONNX Runtime, gives our inference Forward.</summary>
public class OnnxLayerKindTests
{
    [Fact]
    public void Gelu_silu_elu_mish_softplus_match_in_onnx_runtime() => OnnxExportTests.Compare(RandomState.Fill(new NewActivationsNet(), 21));

    [Fact]
    public void LayerNorm_batchnorm_with_running_statistics_and_dropout_match_in_onnx_runtime() =>
        OnnxExportTests.Compare(RandomState.Fill(new EveryKindNet(), 22));

    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    public void Rms_norm_as_primitive_operators_matches_in_onnx_runtime(int inputs) =>
        OnnxExportTests.Compare(RandomState.Fill(new SizedRMSNormNet(inputs), 23));

    [Fact]
    public void Rms_norm_is_written_with_base_opset_operators_only()
    {
        string model = System.Text.Encoding.Latin1.GetString(Backprop.Onnx.OnnxExporter.ToBytes(RandomState.Fill(new SizedRMSNormNet(4), 24)));
        foreach (string op in new[] { "Mul", "MatMul", "Add", "Sqrt", "Div" }) Assert.Contains(op, model);
        Assert.DoesNotContain("RMSNormalization", model);
        Assert.DoesNotContain("ReduceMean", model);
    }
}
