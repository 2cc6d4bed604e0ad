namespace Backprop;

/// <summary>
/// Declares layer normalisation over the features of each sample: y = γ ⊙ (x − μ)/√(σ² + ε) + β, with μ and σ² the
/// mean and (biased) variance of the sample's features and a learnable gain γ (starts at 1) and shift β (starts at 0).
/// The same in training and inference. Put it on a <c>partial</c> property of type <see cref="LayerNormLayer"/>.
/// </summary>
[System.AttributeUsage(System.AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
#if BACKPROP_GENERATOR
internal
#else
public
#endif
sealed class LayerNormAttribute : System.Attribute
{
    /// <summary>ε added to the variance before the square root. Positive; default 1e-5 (as PyTorch and Keras).</summary>
    public double Epsilon { get; set; } = 1e-5;
}
