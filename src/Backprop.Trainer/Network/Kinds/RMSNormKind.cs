using System.Globalization;
using Backprop.Kernels;
using Backprop.Onnx;

namespace Backprop;

public sealed partial record LayerDescription
{
    /// <summary>Describes an RMS normalisation over <paramref name="width"/> features: its gain γ in the parameter buffer.</summary>
    public static LayerDescription RMSNorm(string name, int width, int gainOffset, double epsilon) =>
        new(name, new RMSNormRules(Positive(epsilon, name, nameof(epsilon))), width, width, Activation.Identity,
            [Vector(name, "gain", TensorRole.Gain, gainOffset, width, false)]);
}

/// <summary>
/// <see cref="LayerKind.RMSNorm"/>: per-sample root-mean-square normalisation with a gain. In ONNX primitive operators
/// that exist at the base opset (ONNX's own <c>RMSNormalization</c> is opset 23, beyond the exporter's, and
/// <c>ReduceMean</c> changes its axes from an attribute to an input at opset 18): x² (<c>Mul</c>), its mean over the
/// features as a <c>MatMul</c> with a column of 1/n, <c>Add</c> ε, <c>Sqrt</c>, <c>Div</c>, <c>Mul</c> γ.
/// </summary>
/// <param name="Epsilon">The ε added to the mean square.</param>
internal sealed record RMSNormRules(double Epsilon) : LayerKindRules
{
    /// <inheritdoc />
    public override double Epsilon { get; } = Epsilon;

    /// <inheritdoc />
    public override LayerKind Kind => LayerKind.RMSNorm;

    /// <inheritdoc />
    public override bool HasTrainingMode => false;

    /// <inheritdoc />
    public override string Signature(LayerDescription layer) =>
        string.Create(CultureInfo.InvariantCulture, $"RMSNorm({layer.Units},eps={Epsilon:R})");

    /// <inheritdoc />
    public override string SummaryKind(LayerDescription layer) => "RMSNorm";

    /// <inheritdoc />
    public override (int Opset, string Why) OnnxOpset(LayerDescription layer) => (OnnxLayers.BaseOpset, "");

    /// <inheritdoc />
    public override string WriteOnnx(IOnnxGraph graph, INetwork network, LayerDescription layer, string input, string output)
    {
        string n = layer.Name;
        var column = new float[layer.Units];
        Array.Fill(column, 1f / layer.Units);
        string mean = graph.Initializer($"{n}.mean", [layer.Units, 1], column);
        string epsilon = graph.Initializer($"{n}.epsilon", [1], [(float)Epsilon]);
        string gain = OnnxLayers.Initializers(graph, network, layer, TensorRole.Gain)[0];
        string squares = graph.Node("Mul", $"{n}.square", [input, input], graph.Intermediate($"{n}.squares"));        // x² [batch × n]
        string meanSquare = graph.Node("MatMul", $"{n}.meanSquare", [squares, mean], graph.Intermediate($"{n}.meanSquare")); // mean(x²) [batch × 1]
        string shifted = graph.Node("Add", $"{n}.epsilon", [meanSquare, epsilon], graph.Intermediate($"{n}.meanSquarePlusEpsilon"));
        string rms = graph.Node("Sqrt", $"{n}.rms", [shifted], graph.Intermediate($"{n}.rms"));                          // √(mean(x²) + ε) [batch × 1]
        string normalised = graph.Node("Div", $"{n}.div", [input, rms], graph.Intermediate($"{n}.normalised"));          // x̂ [batch × n]
        return graph.Node("Mul", $"{n}.gain", [normalised, gain], output);                                               // γ ⊙ x̂
    }

    /// <inheritdoc />
    public override void Forward(LayerDescription layer, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state,
        ReadOnlySpan<float> input, Span<float> output, int rows) =>
        RMSNormKernels.Forward(input.Slice(0, rows * layer.Units), output.Slice(0, rows * layer.Units), layer.Values(parameters, TensorRole.Gain), layer.Units, (float)Epsilon);
}
