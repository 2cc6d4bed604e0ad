namespace Backprop;

/// <summary>
/// Declares root-mean-square normalisation over the features of each sample (Zhang &amp; Sennrich 2019, PyTorch's
/// <c>torch.nn.RMSNorm</c>): y = γ ⊙ x/√(mean(x²) + ε), with a learnable gain γ (starts at 1) and no shift; unlike
/// <see cref="LayerNormAttribute"/> the features are not centred. The same in training and inference. Put it on a
/// <c>partial</c> property of type <see cref="RMSNormLayer"/>.
/// </summary>
[System.AttributeUsage(System.AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
#if BACKPROP_GENERATOR
internal
#else
public
#endif
sealed class RMSNormAttribute : System.Attribute
{
    /// <summary>
    /// ε added to the mean square before the square root. Positive; default 1e-5, as this library's LayerNorm (PyTorch's
    /// RMSNorm defaults to the float32 machine ε, 1.19e-7; T5 and Keras use 1e-6).
    /// </summary>
    public double Epsilon { get; set; } = 1e-5;
}
