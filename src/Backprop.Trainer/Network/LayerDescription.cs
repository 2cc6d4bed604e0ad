namespace Backprop;

/// <summary>The declared shape of one dense layer and where its parameters sit in the flat buffer.</summary>
/// <param name="Name">The layer's property name, e.g. <c>Hidden</c>.</param>
/// <param name="Inputs">Number of inputs of the layer (the previous layer's units, or the network's inputs).</param>
/// <param name="Units">Number of units (outputs) of the layer.</param>
/// <param name="Activation">The activation applied after the affine map.</param>
/// <param name="HasBias">Whether the layer has a bias vector.</param>
/// <param name="WeightOffset">Offset of W (Units × Inputs, row-major: W[o, i] at WeightOffset + o·Inputs + i).</param>
/// <param name="BiasOffset">Offset of b (Units floats), or −1 when the layer has no bias.</param>
public sealed record LayerDescription(
    string Name, int Inputs, int Units, Activation Activation, bool HasBias, int WeightOffset, int BiasOffset)
{
    /// <summary>Number of weights, Units × Inputs.</summary>
    public int WeightCount => Units * Inputs;

    /// <summary>Number of parameters of the layer: weights plus biases.</summary>
    public int ParameterCount => WeightCount + (HasBias ? Units : 0);
}
