namespace Backprop;

/// <summary>
/// Declares inverted dropout: in training each value is kept with probability 1 − rate and scaled by 1/(1 − rate), or set
/// to 0; in inference the layer is the identity. Masks come from a counter-based generator keyed by the training seed, the
/// step and the position, so the same seed gives the same masks on any number of threads. Put it on a <c>partial</c>
/// property of type <see cref="DropoutLayer"/>.
/// </summary>
[System.AttributeUsage(System.AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
#if BACKPROP_GENERATOR
internal
#else
public
#endif
sealed class DropoutAttribute : System.Attribute
{
    /// <summary>Declares dropout with drop probability <paramref name="rate"/>, in [0, 1).</summary>
    /// <param name="rate">Probability that a value is dropped in training.</param>
    public DropoutAttribute(double rate) => Rate = rate;

    /// <summary>Probability that a value is dropped in training.</summary>
    public double Rate { get; }
}
