namespace Backprop.Initialization;

/// <summary>Fills a parameter buffer by an <see cref="InitializationScheme"/> scheme from a seed: same seed, same weights.</summary>
public static class ParameterInitializer
{
    /// <summary>Initialises every layer's weights of <paramref name="shape"/> in <paramref name="parameters"/>; biases are set to zero.</summary>
    /// <exception cref="ArgumentException">The buffer does not have the shape's parameter count.</exception>
    public static void Initialize(NetworkShape shape, Span<float> parameters, InitializationScheme scheme, int seed)
    {
        ArgumentNullException.ThrowIfNull(shape);
        NetworkGuard.Length(parameters.Length, shape.ParameterCount, shape.Name, "parameters");
        if (scheme == InitializationScheme.None) return;
        if (!Enum.IsDefined(scheme)) throw new ArgumentOutOfRangeException(nameof(scheme), scheme, "Unknown initialisation scheme.");

        var random = new Random(seed);
        foreach (LayerDescription layer in shape.Layers)
        {
            bool he = scheme == InitializationScheme.He
                || (scheme == InitializationScheme.Auto && layer.Activation is Activation.ReLU or Activation.LeakyReLU);
            double limit = he ? Math.Sqrt(6.0 / layer.Inputs) : Math.Sqrt(6.0 / (layer.Inputs + layer.Units));
            Span<float> weights = parameters.Slice(layer.WeightOffset, layer.WeightCount);
            for (int i = 0; i < weights.Length; i++) weights[i] = (float)((random.NextDouble() * 2 - 1) * limit);
            if (layer.HasBias) parameters.Slice(layer.BiasOffset, layer.Units).Clear();
        }
    }
}
