namespace Backprop;

/// <summary>
/// Named access to one batch normalisation of a generated network: its gain γ and shift β (parameters) with their
/// gradients, and its running mean and variance (state, updated by training, used by inference).
/// </summary>
public readonly struct BatchNormLayer
{
    private readonly float[] _parameters;
    private readonly float[] _gradients;
    private readonly float[] _state;

    /// <summary>Creates the view of layer <paramref name="description"/> over the three buffers. Called by generated code.</summary>
    public BatchNormLayer(LayerDescription description, float[] parameters, float[] gradients, float[] state)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradients);
        ArgumentNullException.ThrowIfNull(state);
        if (description.Kind != LayerKind.BatchNorm) throw new ArgumentException($"Layer '{description.Name}' is a {description.Kind} layer, not BatchNorm.", nameof(description));
        Description = description;
        _parameters = parameters;
        _gradients = gradients;
        _state = state;
    }

    /// <summary>The layer's declared shape and offsets.</summary>
    public LayerDescription Description { get; }

    /// <summary>Number of features normalised.</summary>
    public int Units => Description.Units;

    /// <summary>ε added to the variance.</summary>
    public double Epsilon => Description.Epsilon;

    /// <summary>Weight of each batch in the running statistics.</summary>
    public double Momentum => Description.Momentum;

    /// <summary>The gain γ (one per feature).</summary>
    public ParameterVector Gain => View(_parameters, TensorRole.Gain);

    /// <summary>The shift β (one per feature).</summary>
    public ParameterVector Shift => View(_parameters, TensorRole.Shift);

    /// <summary>∂C/∂γ, accumulated by <c>BackwardBatch</c>.</summary>
    public ParameterVector GainGradients => View(_gradients, TensorRole.Gain);

    /// <summary>∂C/∂β, accumulated by <c>BackwardBatch</c>.</summary>
    public ParameterVector ShiftGradients => View(_gradients, TensorRole.Shift);

    /// <summary>The running mean per feature (state), used in inference.</summary>
    public ParameterVector RunningMean => View(_state, TensorRole.RunningMean);

    /// <summary>The running variance per feature (state), used in inference.</summary>
    public ParameterVector RunningVariance => View(_state, TensorRole.RunningVariance);

    private ParameterVector View(float[] buffer, TensorRole role)
    {
        TensorDescription tensor = Description.Find(role)!;
        return new ParameterVector(buffer, tensor.Offset, tensor.Length);
    }
}
