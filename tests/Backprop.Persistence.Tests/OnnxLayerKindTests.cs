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
}
