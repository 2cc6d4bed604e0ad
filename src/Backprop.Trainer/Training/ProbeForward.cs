namespace Backprop.Training;

/// <summary>
/// An inference-mode forward pass over a batch that is read from the layer descriptions and runs the runtime's kernels
/// layer by layer, so that every layer's activations can be looked at (the generated passes keep them in a workspace
/// whose layout is theirs alone). Running statistics for BatchNorm, the identity for Dropout: the same values as the
/// generated <c>ForwardBatch</c>, up to the order of float additions. Allocates a buffer per layer; for diagnostics, not
/// for the training loop.
/// </summary>
internal static class ProbeForward
{
    /// <summary>Receives a layer and its activations, rows × Units values, row-major.</summary>
    public delegate void LayerVisitor(LayerDescription layer, ReadOnlySpan<float> activations);

    /// <summary>
    /// Runs the first <paramref name="rows"/> samples of <paramref name="inputs"/> through the network; calls
    /// <paramref name="afterLayer"/> with each layer and its activations; returns the output buffer, whose first rows × OutputCount
    /// values are the outputs. The
    /// buffers are sized by the whole of <paramref name="inputs"/>, so that what it allocates does not depend on <paramref name="rows"/>.
    /// </summary>
    public static float[] Run(NetworkShape shape, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state, ReadOnlySpan<float> inputs, int rows,
        LayerVisitor? afterLayer = null)
    {
        NetworkGuard.Length(parameters.Length, shape.ParameterCount, shape.Name, nameof(parameters));
        NetworkGuard.Length(state.Length, shape.StateCount, shape.Name, nameof(state));
        NetworkGuard.Batch(inputs.Length, rows, shape.InputCount, shape.Name, nameof(inputs));
        int capacity = inputs.Length / shape.InputCount;
        float[] a = inputs.Slice(0, capacity * shape.InputCount).ToArray();
        foreach (LayerDescription layer in shape.Layers)
        {
            float[] buffer = new float[capacity * layer.Units];
            Span<float> next = buffer.AsSpan(0, rows * layer.Units);
            layer.Rules.Forward(layer, parameters, state, a.AsSpan(0, rows * layer.Inputs), next, rows);

            afterLayer?.Invoke(layer, next);
            a = buffer;
        }

        return a;
    }
}
