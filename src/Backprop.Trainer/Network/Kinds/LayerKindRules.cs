using Backprop.Onnx;

namespace Backprop;

/// <summary>
/// What the runtime asks of a layer's kind, answered by one sealed record per kind (in that kind's file under
/// <c>Network/Kinds</c>), which also holds the layer's options of that kind (ε, momentum, rate) so that two descriptions
/// are equal when their rules are. <see cref="NetworkShape"/>, <see cref="Inspection.NetworkSummary"/> and
/// <see cref="OnnxLayers"/> call these instead of switching over <see cref="LayerKind"/>.
/// </summary>
internal abstract record LayerKindRules
{
    /// <summary>The kind these rules are for: the public identity of the kind.</summary>
    public abstract LayerKind Kind { get; }

    /// <summary>The normalisation's ε (0 for kinds that do not normalise).</summary>
    public virtual double Epsilon => 0;

    /// <summary>Whether a layer of this kind behaves differently in training (<see cref="NetworkShape.HasTrainingMode"/>).</summary>
    public abstract bool HasTrainingMode { get; }

    /// <summary>
    /// The layer's part of <see cref="NetworkShape.Signature"/>, e.g. <c>Dense(16,Tanh,bias)</c>. It feeds the shape hash
    /// stored in saved files: once released, a kind's text never changes.
    /// </summary>
    public abstract string Signature(LayerDescription layer);

    /// <summary>The summary's Kind column for the layer, e.g. <c>Dense (no bias)</c> or <c>Dropout 0.2</c>.</summary>
    public abstract string SummaryKind(LayerDescription layer);

    /// <summary>The summary's Activation column for the layer (empty for kinds without an activation).</summary>
    public virtual string SummaryActivation(LayerDescription layer) => "";

    /// <summary>
    /// The lowest ONNX opset that has the operators the layer is written with, and why when it is above
    /// <see cref="OnnxLayers.BaseOpset"/> (e.g. <c>layer 'Norm' is a LayerNorm (ONNX LayerNormalization, opset 17)</c>).
    /// </summary>
    public abstract (int Opset, string Why) OnnxOpset(LayerDescription layer);

    /// <summary>
    /// Writes the layer's inference-mode nodes into <paramref name="graph"/>, from <paramref name="input"/> to
    /// <paramref name="output"/>, with its tensors from <paramref name="network"/> as initialisers; returns the name of the
    /// layer's output (<paramref name="output"/>).
    /// </summary>
    public abstract string WriteOnnx(IOnnxGraph graph, INetwork network, LayerDescription layer, string input, string output);

    /// <summary>
    /// The layer's inference-mode forward over <paramref name="rows"/> samples, row-major (<paramref name="input"/> rows ×
    /// Inputs in, <paramref name="output"/> rows × Units out), with the runtime's kernels: the values the generated
    /// <c>ForwardBatch</c> computes, up to the order of float additions. For diagnostics that look at every layer's output.
    /// </summary>
    public abstract void Forward(LayerDescription layer, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state,
        ReadOnlySpan<float> input, Span<float> output, int rows);
}
