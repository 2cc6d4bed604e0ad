using Backprop.Kernels;

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
            switch (layer.Kind)
            {
                case LayerKind.Dense:
                    Dense(layer, parameters, a, next, rows);
                    Activate(layer.Activation, next, layer.Units);
                    break;
                case LayerKind.LayerNorm:
                    LayerNormKernels.Forward(a, next, Tensor(parameters, layer, TensorRole.Gain), Tensor(parameters, layer, TensorRole.Shift), layer.Units, (float)layer.Epsilon);
                    break;
                case LayerKind.BatchNorm:
                    BatchNormKernels.ForwardInference(a, next, Tensor(parameters, layer, TensorRole.Gain), Tensor(parameters, layer, TensorRole.Shift),
                        Tensor(state, layer, TensorRole.RunningMean), Tensor(state, layer, TensorRole.RunningVariance), rows, layer.Units, (float)layer.Epsilon);
                    break;
                case LayerKind.Dropout:
                    a.AsSpan(0, next.Length).CopyTo(next); // inverted dropout: the identity in inference
                    break;
                case LayerKind.Normalize:
                    NormalizeKernels.Forward(a, next, Tensor(state, layer, TensorRole.RunningMean), Tensor(state, layer, TensorRole.RunningVariance), rows, layer.Units);
                    break;
                default:
                    throw new InvalidOperationException($"Unknown kind {layer.Kind} of layer '{layer.Name}' in network '{shape.Name}'.");
            }

            afterLayer?.Invoke(layer, next);
            a = buffer;
        }

        return a;
    }

    /// <summary>z = W·x + b per row, summed as the generated per-sample pass does.</summary>
    private static void Dense(LayerDescription layer, ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output, int rows)
    {
        int inputs = layer.Inputs, units = layer.Units;
        ReadOnlySpan<float> weights = parameters.Slice(layer.WeightOffset, units * inputs);
        ReadOnlySpan<float> biases = layer.HasBias ? parameters.Slice(layer.BiasOffset, units) : default;
        for (int row = 0; row < rows; row++)
        {
            ReadOnlySpan<float> x = input.Slice(row * inputs, inputs);
            for (int o = 0; o < units; o++)
                output[row * units + o] = Vectors.Dot(weights.Slice(o * inputs, inputs), x) + (biases.IsEmpty ? 0f : biases[o]);
        }
    }

    private static void Activate(Activation activation, Span<float> values, int width)
    {
        switch (activation)
        {
            case Activation.Identity: break;
            case Activation.Sigmoid: ActivationKernels.Sigmoid(values); break;
            case Activation.Tanh: ActivationKernels.Tanh(values); break;
            case Activation.ReLU: ActivationKernels.ReLU(values); break;
            case Activation.LeakyReLU: ActivationKernels.LeakyReLU(values); break;
            case Activation.Softmax: ActivationKernels.Softmax(values, width); break;
            case Activation.GELU: ActivationKernels.GELU(values, values); break;
            case Activation.SiLU: ActivationKernels.SiLU(values, values); break;
            case Activation.ELU: ActivationKernels.ELU(values); break;
            case Activation.Softplus: ActivationKernels.Softplus(values, values); break;
            case Activation.Mish: ActivationKernels.Mish(values, values); break;
            default: throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");
        }
    }

    private static ReadOnlySpan<float> Tensor(ReadOnlySpan<float> buffer, LayerDescription layer, TensorRole role) =>
        layer.Find(role) is TensorDescription tensor
            ? buffer.Slice(tensor.Offset, tensor.Length)
            : throw new InvalidOperationException($"Layer '{layer.Name}' ({layer.Kind}) has no {role} tensor.");
}
