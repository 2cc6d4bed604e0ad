namespace Backprop;

/// <summary>
/// Named access to one layer normalisation of a generated network: its gain γ and shift β and their gradients, views into
/// the network's flat parameter and gradient buffers.
/// </summary>
public readonly struct LayerNormLayer
{
    private readonly float[] _parameters;
    private readonly float[] _gradients;

    /// <summary>Creates the view of layer <paramref name="description"/> over the two buffers. Called by generated code.</summary>
    public LayerNormLayer(LayerDescription description, float[] parameters, float[] gradients)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradients);
        if (description.Kind != LayerKind.LayerNorm) throw new ArgumentException($"Layer '{description.Name}' is a {description.Kind} layer, not LayerNorm.", nameof(description));
        Description = description;
        _parameters = parameters;
        _gradients = gradients;
    }

    /// <summary>The layer's declared shape and offsets.</summary>
    public LayerDescription Description { get; }

    /// <summary>Number of features normalised per sample.</summary>
    public int Units => Description.Units;

    /// <summary>ε added to the variance.</summary>
    public double Epsilon => Description.Epsilon;

    /// <summary>The gain γ (one per feature).</summary>
    public ParameterVector Gain => View(_parameters, TensorRole.Gain);

    /// <summary>The shift β (one per feature).</summary>
    public ParameterVector Shift => View(_parameters, TensorRole.Shift);

    /// <summary>∂C/∂γ, accumulated by the backward passes.</summary>
    public ParameterVector GainGradients => View(_gradients, TensorRole.Gain);

    /// <summary>∂C/∂β, accumulated by the backward passes.</summary>
    public ParameterVector ShiftGradients => View(_gradients, TensorRole.Shift);

    private ParameterVector View(float[] buffer, TensorRole role)
    {
        TensorDescription tensor = Description.Find(role)!;
        return new ParameterVector(buffer, tensor.Offset, tensor.Length);
    }
}
