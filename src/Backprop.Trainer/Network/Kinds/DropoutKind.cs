using System.Globalization;
using Backprop.Onnx;

namespace Backprop;

public sealed partial record LayerDescription
{
    /// <summary>Describes inverted dropout over <paramref name="width"/> values with drop probability <paramref name="rate"/>.</summary>
    public static LayerDescription Dropout(string name, int width, double rate)
    {
        if (!(rate >= 0 && rate < 1)) throw new ArgumentOutOfRangeException(nameof(rate), rate, $"Layer '{name}': the dropout rate must be in [0, 1).");
        return new(name, new DropoutRules(rate), width, width, Activation.Identity, []);
    }

    /// <summary>Dropout's drop probability (0 for other kinds).</summary>
    public double Rate => Rules is DropoutRules dropout ? dropout.Rate : 0;
}

/// <summary>
/// <see cref="LayerKind.Dropout"/>: inverted dropout in training, the identity in inference (in ONNX an <c>Identity</c>).
/// </summary>
/// <param name="Rate">The probability that a value is dropped in training.</param>
internal sealed record DropoutRules(double Rate) : LayerKindRules
{
    /// <inheritdoc />
    public override LayerKind Kind => LayerKind.Dropout;

    /// <inheritdoc />
    public override bool HasTrainingMode => true;

    /// <inheritdoc />
    public override string Signature(LayerDescription layer) =>
        string.Create(CultureInfo.InvariantCulture, $"Dropout({layer.Units},{Rate:R})");

    /// <inheritdoc />
    public override string SummaryKind(LayerDescription layer) => string.Create(CultureInfo.InvariantCulture, $"Dropout {Rate:0.###}");

    /// <inheritdoc />
    public override (int Opset, string Why) OnnxOpset(LayerDescription layer) => (OnnxLayers.BaseOpset, "");

    /// <inheritdoc />
    public override string WriteOnnx(IOnnxGraph graph, INetwork network, LayerDescription layer, string input, string output) =>
        graph.Node("Identity", layer.Name, [input], output);

    /// <inheritdoc />
    public override void Forward(LayerDescription layer, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state,
        ReadOnlySpan<float> input, Span<float> output, int rows) =>
        input.Slice(0, rows * layer.Units).CopyTo(output); // the identity in inference
}
