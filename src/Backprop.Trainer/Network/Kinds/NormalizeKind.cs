using System.Globalization;
using Backprop.Kernels;
using Backprop.Onnx;

namespace Backprop;

public sealed partial record LayerDescription
{
    /// <summary>
    /// Describes an input normalisation over <paramref name="width"/> features adapted from the data: the mean and the
    /// variance of each feature, in the state buffer (no parameters).
    /// </summary>
    public static LayerDescription Normalize(string name, int width, int meanOffset, int varianceOffset) =>
        new(name, NormalizeRules.Instance, width, width, Activation.Identity,
            [Vector(name, "mean", TensorRole.RunningMean, meanOffset, width, true), Vector(name, "variance", TensorRole.RunningVariance, varianceOffset, width, true)]);
}

/// <summary>
/// <see cref="LayerKind.Normalize"/>: per-feature standardisation with the mean and variance of the training data
/// (state). In ONNX y = (x − μ)·r, a <c>Sub</c> and a <c>Mul</c> with μ and r = 1/σ as initialisers.
/// </summary>
internal sealed record NormalizeRules : LayerKindRules
{
    /// <summary>The rules (the layer has no options).</summary>
    public static readonly NormalizeRules Instance = new();

    /// <inheritdoc />
    public override LayerKind Kind => LayerKind.Normalize;

    /// <inheritdoc />
    public override bool HasTrainingMode => false;

    /// <inheritdoc />
    public override string Signature(LayerDescription layer) => string.Create(CultureInfo.InvariantCulture, $"Normalize({layer.Units})");

    /// <inheritdoc />
    public override string SummaryKind(LayerDescription layer) => "Normalize";

    /// <inheritdoc />
    public override (int Opset, string Why) OnnxOpset(LayerDescription layer) => (OnnxLayers.BaseOpset, "");

    /// <inheritdoc />
    public override string WriteOnnx(IOnnxGraph graph, INetwork network, LayerDescription layer, string input, string output)
    {
        ReadOnlySpan<float> variance = layer.Values(network.State, TensorRole.RunningVariance);
        var reciprocal = new float[layer.Units];
        for (int j = 0; j < reciprocal.Length; j++) reciprocal[j] = NormalizeKernels.Reciprocal(variance[j]);
        string mean = OnnxLayers.Initializers(graph, network, layer, TensorRole.RunningMean)[0];
        string scale = graph.Initializer($"{layer.Name}.reciprocal", [layer.Units], reciprocal);
        string centred = graph.Node("Sub", $"{layer.Name}.sub", [input, mean], graph.Intermediate($"{layer.Name}.centred"));
        return graph.Node("Mul", $"{layer.Name}.mul", [centred, scale], output);
    }

    /// <inheritdoc />
    public override void Forward(LayerDescription layer, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state,
        ReadOnlySpan<float> input, Span<float> output, int rows) =>
        NormalizeKernels.Forward(input, output, layer.Values(state, TensorRole.RunningMean), layer.Values(state, TensorRole.RunningVariance), rows, layer.Units);
}
