namespace Backprop.Initialization;

/// <summary>
/// Fills a parameter buffer by an <see cref="InitializationScheme"/> from a seed (same seed, same weights), tensor by tensor:
/// weights by the scheme, biases and shifts 0, gains 1; and the state buffer with its initial values (running means 0,
/// running variances 1).
/// </summary>
public static class ParameterInitializer
{
    /// <summary>Initialises every parameter tensor of <paramref name="shape"/> in <paramref name="parameters"/>.</summary>
    /// <exception cref="ArgumentException">The buffer does not have the shape's parameter count.</exception>
    public static void Initialize(NetworkShape shape, Span<float> parameters, InitializationScheme scheme, int seed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        NetworkGuard.Length(parameters.Length, shape.ParameterCount, shape.Name, "parameters");
        if (scheme == InitializationScheme.None) return;
        if (!Enum.IsDefined(scheme)) throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown initialisation scheme.");

        var random = new Random(seed);
        foreach (LayerDescription layer in shape.Layers)
            foreach (TensorDescription tensor in layer.Tensors)
            {
                if (tensor.IsState) continue;
                Span<float> values = parameters.Slice(tensor.Offset, tensor.Length);
                switch (tensor.Role)
                {
                    case TensorRole.Weights:
                        bool he = scheme == InitializationScheme.He
                            || (scheme == InitializationScheme.Auto && ActivationTable.Of(layer.Activation).HeInitialization);
                        double limit = he ? Math.Sqrt(6.0 / tensor.Columns) : Math.Sqrt(6.0 / (tensor.Columns + tensor.Rows));
                        for (int i = 0; i < values.Length; i++) values[i] = (float)((random.NextDouble() * 2 - 1) * limit);
                        break;
                    case TensorRole.Biases:
                    case TensorRole.Shift:
                        values.Clear();
                        break;
                    case TensorRole.Gain:
                        values.Fill(1f);
                        break;
                    case TensorRole.RunningMean:
                    case TensorRole.RunningVariance:
                        throw new ArgumentException($"Tensor '{tensor.Name}' of '{shape.Name}' is state but is not marked as state.", nameof(shape));
                    default:
                        throw new ArgumentOutOfRangeException(nameof(shape), tensor.Role, $"Unknown tensor role of '{tensor.Name}'.");
                }
            }
    }

    /// <summary>Sets the state buffer to its initial values: running means 0, running variances 1.</summary>
    /// <exception cref="ArgumentException">The buffer does not have the shape's state count.</exception>
    public static void ResetState(NetworkShape shape, Span<float> state)
    {
        ArgumentNullException.ThrowIfNull(shape);
        NetworkGuard.Length(state.Length, shape.StateCount, shape.Name, "state");
        foreach (TensorDescription tensor in shape.Tensors)
        {
            if (!tensor.IsState) continue;
            Span<float> values = state.Slice(tensor.Offset, tensor.Length);
            switch (tensor.Role)
            {
                case TensorRole.RunningMean: values.Clear(); break;
                case TensorRole.RunningVariance: values.Fill(1f); break;
                case TensorRole.Weights:
                case TensorRole.Biases:
                case TensorRole.Gain:
                case TensorRole.Shift:
                    throw new ArgumentException($"Tensor '{tensor.Name}' of '{shape.Name}' is a parameter but is marked as state.", nameof(shape));
                default:
                    throw new ArgumentOutOfRangeException(nameof(shape), tensor.Role, $"Unknown tensor role of '{tensor.Name}'.");
            }
        }
    }
}
