namespace Backprop;

/// <summary>
/// Named access to one dense layer of a generated network: its weights, biases and their gradients, all views into
/// the network's one flat parameter buffer and its flat gradient buffer of the same layout.
/// </summary>
public readonly struct DenseLayer
{
    private readonly float[] _parameters;
    private readonly float[] _gradients;

    /// <summary>Creates the view of layer <paramref name="description"/> over the two buffers. Called by generated code.</summary>
    public DenseLayer(LayerDescription description, float[] parameters, float[] gradients)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradients);
        if (description.Kind != LayerKind.Dense) throw new ArgumentException($"Layer '{description.Name}' is a {description.Kind} layer, not Dense.", nameof(description));
        Description = description;
        _parameters = parameters;
        _gradients = gradients;
    }

    /// <summary>The layer's declared shape and offsets.</summary>
    public LayerDescription Description { get; }

    /// <summary>Number of inputs of the layer.</summary>
    public int Inputs => Description.Inputs;

    /// <summary>Number of units (outputs) of the layer.</summary>
    public int Units => Description.Units;

    /// <summary>The activation applied after the affine map.</summary>
    public Activation Activation => Description.Activation;

    /// <summary>The weights W (Units × Inputs): <c>Weights[o, i]</c> connects input i to unit o.</summary>
    public ParameterMatrix Weights => new(_parameters, Description.WeightOffset, Units, Inputs);

    /// <summary>The biases b (Units), or an empty vector when the layer has no bias.</summary>
    public ParameterVector Biases => Description.HasBias
        ? new ParameterVector(_parameters, Description.BiasOffset, Units)
        : new ParameterVector(_parameters, 0, 0);

    /// <summary>∂C/∂W, accumulated by <c>Backward</c>, same shape as <see cref="Weights"/>.</summary>
    public ParameterMatrix WeightGradients => new(_gradients, Description.WeightOffset, Units, Inputs);

    /// <summary>∂C/∂b, accumulated by <c>Backward</c>, same shape as <see cref="Biases"/>.</summary>
    public ParameterVector BiasGradients => Description.HasBias
        ? new ParameterVector(_gradients, Description.BiasOffset, Units)
        : new ParameterVector(_gradients, 0, 0);
}
