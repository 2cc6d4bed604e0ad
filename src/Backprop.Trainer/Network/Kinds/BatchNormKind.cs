using System.Globalization;
using Backprop.Kernels;
using Backprop.Onnx;

namespace Backprop;

public sealed partial record LayerDescription
{
    /// <summary>
    /// Describes a batch normalisation over <paramref name="width"/> features: gain γ and shift β in the parameter buffer,
    /// running mean and variance in the state buffer.
    /// </summary>
    public static LayerDescription BatchNorm(string name, int width, int gainOffset, int shiftOffset, int meanOffset, int varianceOffset,
        double epsilon, double momentum)
    {
        if (!(momentum > 0 && momentum <= 1)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, $"Layer '{name}': the momentum must be in (0, 1].");
        return new(name, new BatchNormRules(Positive(epsilon, name, nameof(epsilon)), momentum), width, width, Activation.Identity,
            [
                Vector(name, "gain", TensorRole.Gain, gainOffset, width, false), Vector(name, "shift", TensorRole.Shift, shiftOffset, width, false),
                Vector(name, "running_mean", TensorRole.RunningMean, meanOffset, width, true), Vector(name, "running_var", TensorRole.RunningVariance, varianceOffset, width, true),
            ]);
    }

    /// <summary>BatchNorm's momentum of the running statistics (0 for other kinds).</summary>
    public double Momentum => Rules is BatchNormRules batchNorm ? batchNorm.Momentum : 0;
}

/// <summary>
/// <see cref="LayerKind.BatchNorm"/>: per-feature normalisation with batch statistics in training and running statistics
/// in inference. In ONNX a <c>BatchNormalization</c> with the running statistics.
/// </summary>
/// <param name="Epsilon">The ε added to the variance.</param>
/// <param name="Momentum">How far the running statistics move towards each batch's.</param>
internal sealed record BatchNormRules(double Epsilon, double Momentum) : LayerKindRules
{
    /// <inheritdoc />
    public override double Epsilon { get; } = Epsilon;

    /// <inheritdoc />
    public override LayerKind Kind => LayerKind.BatchNorm;

    /// <inheritdoc />
    public override bool HasTrainingMode => true;

    /// <inheritdoc />
    public override string Signature(LayerDescription layer) =>
        string.Create(CultureInfo.InvariantCulture, $"BatchNorm({layer.Units},eps={Epsilon:R},momentum={Momentum:R})");

    /// <inheritdoc />
    public override string SummaryKind(LayerDescription layer) => "BatchNorm";

    /// <inheritdoc />
    public override (int Opset, string Why) OnnxOpset(LayerDescription layer) => (OnnxLayers.BaseOpset, "");

    /// <inheritdoc />
    public override string WriteOnnx(IOnnxGraph graph, INetwork network, LayerDescription layer, string input, string output) =>
        graph.Node("BatchNormalization", layer.Name,
            [input, .. OnnxLayers.Initializers(graph, network, layer, TensorRole.Gain, TensorRole.Shift, TensorRole.RunningMean, TensorRole.RunningVariance)], output,
            new OnnxAttribute("epsilon", Float: (float)Epsilon));

    /// <inheritdoc />
    public override void Forward(LayerDescription layer, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state,
        ReadOnlySpan<float> input, Span<float> output, int rows) =>
        BatchNormKernels.ForwardInference(input, output, layer.Values(parameters, TensorRole.Gain), layer.Values(parameters, TensorRole.Shift),
            layer.Values(state, TensorRole.RunningMean), layer.Values(state, TensorRole.RunningVariance), rows, layer.Units, (float)Epsilon);
}
