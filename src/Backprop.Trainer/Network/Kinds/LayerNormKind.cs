using System.Globalization;
using Backprop.Kernels;
using Backprop.Onnx;

namespace Backprop;

public sealed partial record LayerDescription
{
    /// <summary>Describes a layer normalisation over <paramref name="width"/> features: gain γ then shift β in the parameter buffer.</summary>
    public static LayerDescription LayerNorm(string name, int width, int gainOffset, int shiftOffset, double epsilon) =>
        new(name, new LayerNormRules(Positive(epsilon, name, nameof(epsilon))), width, width, Activation.Identity,
            [Vector(name, "gain", TensorRole.Gain, gainOffset, width, false), Vector(name, "shift", TensorRole.Shift, shiftOffset, width, false)]);
}

/// <summary>
/// <see cref="LayerKind.LayerNorm"/>: per-sample normalisation with a gain and a shift. In ONNX a
/// <c>LayerNormalization</c> over the last axis (opset 17).
/// </summary>
/// <param name="Epsilon">The ε added to the variance.</param>
internal sealed record LayerNormRules(double Epsilon) : LayerKindRules
{
    /// <inheritdoc />
    public override double Epsilon { get; } = Epsilon;

    /// <inheritdoc />
    public override LayerKind Kind => LayerKind.LayerNorm;

    /// <inheritdoc />
    public override bool HasTrainingMode => false;

    /// <inheritdoc />
    public override string Signature(LayerDescription layer) =>
        string.Create(CultureInfo.InvariantCulture, $"LayerNorm({layer.Units},eps={Epsilon:R})");

    /// <inheritdoc />
    public override string SummaryKind(LayerDescription layer) => "LayerNorm";

    /// <inheritdoc />
    public override (int Opset, string Why) OnnxOpset(LayerDescription layer) =>
        (17, $"layer '{layer.Name}' is a LayerNorm (ONNX LayerNormalization, opset 17)");

    /// <inheritdoc />
    public override string WriteOnnx(IOnnxGraph graph, INetwork network, LayerDescription layer, string input, string output) =>
        graph.Node("LayerNormalization", layer.Name, [input, .. OnnxLayers.Initializers(graph, network, layer, TensorRole.Gain, TensorRole.Shift)], output,
            new OnnxAttribute("axis", Int: -1), new OnnxAttribute("epsilon", Float: (float)Epsilon));

    /// <inheritdoc />
    public override void Forward(LayerDescription layer, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state,
        ReadOnlySpan<float> input, Span<float> output, int rows) =>
        LayerNormKernels.Forward(input.Slice(0, rows * layer.Units), output.Slice(0, rows * layer.Units),
            layer.Values(parameters, TensorRole.Gain), layer.Values(parameters, TensorRole.Shift), layer.Units, (float)Epsilon);
}
