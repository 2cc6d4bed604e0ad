using System.Globalization;
using Backprop.Kernels;
using Backprop.Onnx;

namespace Backprop;

public sealed partial record LayerDescription
{
    /// <summary>Describes a dense layer (kept for the layout of earlier versions; same as <see cref="Dense"/>).</summary>
    /// <param name="name">The layer's property name, e.g. <c>Hidden</c>.</param>
    /// <param name="inputs">Number of inputs of the layer.</param>
    /// <param name="units">Number of units (outputs).</param>
    /// <param name="activation">The activation applied after the affine map.</param>
    /// <param name="hasBias">Whether the layer has a bias vector.</param>
    /// <param name="weightOffset">Offset of W (Units × Inputs, row-major: W[o, i] at WeightOffset + o·Inputs + i).</param>
    /// <param name="biasOffset">Offset of b (Units floats), or −1 when the layer has no bias.</param>
    public LayerDescription(string name, int inputs, int units, Activation activation, bool hasBias, int weightOffset, int biasOffset)
        : this(name, DenseRules.Instance, inputs, units, activation, DenseTensors(name, inputs, units, hasBias, weightOffset, biasOffset))
    {
    }

    /// <summary>Describes a dense layer: W [units × inputs] then, with a bias, b [units], consecutive in the parameter buffer.</summary>
    public static LayerDescription Dense(string name, int inputs, int units, Activation activation, bool hasBias, int weightOffset, int biasOffset) =>
        new(name, inputs, units, activation, hasBias, weightOffset, biasOffset);

    private static TensorDescription[] DenseTensors(string name, int inputs, int units, bool hasBias, int weightOffset, int biasOffset)
    {
        var weights = new TensorDescription($"{name}.weight", TensorRole.Weights, weightOffset, units, inputs, false);
        if (!hasBias)
        {
            if (biasOffset != -1) throw new ArgumentException($"Layer '{name}' has no bias, so its bias offset must be -1, not {biasOffset}.", nameof(biasOffset));
            return [weights];
        }

        return [weights, Vector(name, "bias", TensorRole.Biases, biasOffset, units, false)];
    }
}

/// <summary>
/// <see cref="LayerKind.Dense"/>: z = W·x + b, then the activation. In ONNX a <c>Gemm</c> (Y = X·Wᵀ + b, transB = 1) and
/// the activation's operator (from its <see cref="ActivationInfoAttribute"/>, and z·g(z) for SiLU).
/// </summary>
internal sealed record DenseRules : LayerKindRules
{
    /// <summary>The rules (a dense layer's options, its activation and bias, are the description's own).</summary>
    public static readonly DenseRules Instance = new();

    /// <inheritdoc />
    public override LayerKind Kind => LayerKind.Dense;

    /// <inheritdoc />
    public override bool HasTrainingMode => false;

    /// <inheritdoc />
    public override string Signature(LayerDescription layer) =>
        string.Create(CultureInfo.InvariantCulture, $"Dense({layer.Units},{layer.Activation},{(layer.HasBias ? "bias" : "nobias")})");

    /// <inheritdoc />
    public override string SummaryKind(LayerDescription layer) => layer.HasBias ? "Dense" : "Dense (no bias)";

    /// <inheritdoc />
    public override string SummaryActivation(LayerDescription layer) => layer.Activation.ToString();

    /// <inheritdoc />
    public override (int Opset, string Why) OnnxOpset(LayerDescription layer) =>
        layer.Activation == Activation.GELU ? (20, $"layer '{layer.Name}' uses GELU (ONNX Gelu, opset 20)") : (OnnxLayers.BaseOpset, "");

    /// <inheritdoc />
    public override string WriteOnnx(IOnnxGraph graph, INetwork network, LayerDescription layer, string input, string output)
    {
        ActivationInfoAttribute info = ActivationTable.Of(layer.Activation);
        bool identity = layer.Activation == Activation.Identity;
        string affine = identity ? output : graph.Intermediate($"{layer.Name}.z");
        graph.Node("Gemm", $"{layer.Name}.gemm", [input, .. OnnxLayers.Initializers(graph, network, layer, TensorRole.Weights, TensorRole.Biases)], affine,
            new OnnxAttribute("transB", Int: 1));
        if (identity) return affine;

        var attributes = new List<OnnxAttribute>();
        if (!float.IsNaN(info.OnnxAlpha)) attributes.Add(new OnnxAttribute("alpha", Float: info.OnnxAlpha));
        if (layer.Activation == Activation.Softmax) attributes.Add(new OnnxAttribute("axis", Int: -1));
        if (!info.OnnxTimesInput)
            return graph.Node(info.OnnxOperator, $"{layer.Name}.{layer.Activation}", [affine], output, [.. attributes]);

        // f(z) = z·g(z) (SiLU = z·σ(z)): the operator, then a product with its input.
        string gated = graph.Node(info.OnnxOperator, $"{layer.Name}.{layer.Activation}.gate", [affine], graph.Intermediate($"{layer.Name}.gate"), [.. attributes]);
        return graph.Node("Mul", $"{layer.Name}.{layer.Activation}", [affine, gated], output);
    }

    /// <summary>Z = X·Wᵀ + b for the batch (the GEMM the generated batched pass uses), then a = f(z).</summary>
    /// <inheritdoc />
    public override void Forward(LayerDescription layer, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state,
        ReadOnlySpan<float> input, Span<float> output, int rows)
    {
        int inputs = layer.Inputs, units = layer.Units;
        ReadOnlySpan<float> biases = layer.HasBias ? layer.Values(parameters, TensorRole.Biases) : default;
        Gemm.MultiplyTransposedB(input.Slice(0, rows * inputs), layer.Values(parameters, TensorRole.Weights), biases, output.Slice(0, rows * units), rows, inputs, units);
        ActivationKernels.Apply(layer.Activation, output.Slice(0, rows * units), units);
    }
}
