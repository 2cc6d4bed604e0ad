namespace Backprop;

/// <summary>Named access to one dropout layer of a generated network. It has no parameters; it describes itself.</summary>
public readonly struct DropoutLayer
{
    /// <summary>Creates the view of layer <paramref name="description"/>. Called by generated code.</summary>
    public DropoutLayer(LayerDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        if (description.Kind != LayerKind.Dropout) throw new ArgumentException($"Layer '{description.Name}' is a {description.Kind} layer, not Dropout.", nameof(description));
        Description = description;
    }

    /// <summary>The layer's declared shape.</summary>
    public LayerDescription Description { get; }

    /// <summary>Number of values passed through.</summary>
    public int Units => Description.Units;

    /// <summary>Probability that a value is dropped in training.</summary>
    public double Rate => Description.Rate;
}
