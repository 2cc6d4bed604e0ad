namespace Backprop;

/// <summary>
/// One tensor of a layer: where it sits in the network's flat parameter buffer (or, for <see cref="IsState"/>, its state
/// buffer) and its shape. Initialisation, L2, persistence and ONNX export iterate these, whatever the layer kind.
/// </summary>
/// <param name="Name">The tensor's name, e.g. <c>Hidden.weight</c>.</param>
/// <param name="Role">What the tensor holds.</param>
/// <param name="Offset">Offset of its first value in its buffer.</param>
/// <param name="Rows">Rows (units for weights; 1 for a vector).</param>
/// <param name="Columns">Columns (inputs for weights; the length for a vector).</param>
/// <param name="IsState">True for non-trainable state (running statistics), which lives in the state buffer.</param>
public sealed record TensorDescription(string Name, TensorRole Role, int Offset, int Rows, int Columns, bool IsState)
{
    /// <summary>Number of values, Rows × Columns.</summary>
    public int Length => Rows * Columns;
}
