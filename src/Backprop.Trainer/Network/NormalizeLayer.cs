namespace Backprop;

/// <summary>
/// Named access to the input normalisation of a generated network: the per-feature mean and variance of the training
/// data, in the network's state buffer (computed by the trainer before the first epoch; never trained).
/// </summary>
public readonly struct NormalizeLayer
{
    private readonly float[] _state;

    /// <summary>Creates the view of layer <paramref name="description"/> over the state buffer. Called by generated code.</summary>
    public NormalizeLayer(LayerDescription description, float[] state)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(state);
        if (description.Kind != LayerKind.Normalize) throw new ArgumentException($"Layer '{description.Name}' is a {description.Kind} layer, not Normalize.", nameof(description));
        Description = description;
        _state = state;
    }

    /// <summary>The layer's declared shape and offsets.</summary>
    public LayerDescription Description { get; }

    /// <summary>Number of features normalised.</summary>
    public int Units => Description.Units;

    /// <summary>The mean μ of each feature over the training data (0 until adapted).</summary>
    public ParameterVector Mean => View(TensorRole.RunningMean);

    /// <summary>The population variance σ² of each feature over the training data (1 until adapted).</summary>
    public ParameterVector Variance => View(TensorRole.RunningVariance);

    private ParameterVector View(TensorRole role)
    {
        TensorDescription tensor = Description.Find(role)!;
        return new ParameterVector(_state, tensor.Offset, tensor.Length);
    }
}
