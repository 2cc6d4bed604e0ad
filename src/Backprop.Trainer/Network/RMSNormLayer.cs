namespace Backprop;

/// <summary>
/// Named access to one RMS normalisation of a generated network: its gain γ and its gradients, views into the network's
/// flat parameter and gradient buffers.
/// </summary>
public readonly struct RMSNormLayer
{
    private readonly float[] _parameters;
    private readonly float[] _gradients;

    /// <summary>Creates the view of layer <paramref name="description"/> over the two buffers. Called by generated code.</summary>
    public RMSNormLayer(LayerDescription description, float[] parameters, float[] gradients)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradients);
        if (description.Kind != LayerKind.RMSNorm) throw new ArgumentException($"Layer '{description.Name}' is a {description.Kind} layer, not RMSNorm.", nameof(description));
        Description = description;
        _parameters = parameters;
        _gradients = gradients;
    }

    /// <summary>The layer's declared shape and offsets.</summary>
    public LayerDescription Description { get; }

    /// <summary>Number of features normalised per sample.</summary>
    public int Units => Description.Units;

    /// <summary>ε added to the mean square.</summary>
    public double Epsilon => Description.Epsilon;

    /// <summary>The gain γ (one per feature).</summary>
    public ParameterVector Gain => View(_parameters);

    /// <summary>∂C/∂γ, accumulated by the backward passes.</summary>
    public ParameterVector GainGradients => View(_gradients);

    private ParameterVector View(float[] buffer)
    {
        TensorDescription tensor = Description.Find(TensorRole.Gain)!;
        return new ParameterVector(buffer, tensor.Offset, tensor.Length);
    }
}
