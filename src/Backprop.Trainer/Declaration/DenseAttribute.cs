namespace Backprop;

/// <summary>
/// Declares a fully connected layer: z = W·a_prev + b, a = f(z). Put it on a <c>partial</c> property of type
/// <see cref="DenseLayer"/> inside a class marked with <see cref="NetworkAttribute"/>.
/// </summary>
[System.AttributeUsage(System.AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
#if BACKPROP_GENERATOR
internal
#else
public
#endif
sealed class DenseAttribute : System.Attribute
{
    /// <summary>Declares a dense layer of <paramref name="units"/> outputs with activation <paramref name="activation"/>.</summary>
    /// <param name="units">Number of units (outputs) of the layer. Must be positive.</param>
    /// <param name="activation">Activation applied to the layer's pre-activation z.</param>
    public DenseAttribute(int units, Activation activation = Activation.Identity)
    {
        Units = units;
        Activation = activation;
    }

    /// <summary>Number of units (outputs) of the layer.</summary>
    public int Units { get; }

    /// <summary>Activation applied to the layer's pre-activation z.</summary>
    public Activation Activation { get; }

    /// <summary>Whether the layer adds a bias vector b. Defaults to <see langword="true"/>.</summary>
    public bool Bias { get; set; } = true;
}
