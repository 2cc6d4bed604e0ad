namespace Backprop;

/// <summary>
/// Declares batch normalisation per feature: y = γ ⊙ (x − μ)/√(σ² + ε) + β. In training (<c>BackwardBatch</c>) μ and σ² are
/// the mini-batch's mean and biased variance, and the running statistics move towards them by <see cref="Momentum"/>
/// (running variance with the unbiased batch variance, as PyTorch); in inference (<c>Forward</c>, <c>ForwardBatch</c>) the
/// running statistics are used. The running mean and variance live in the network's state buffer, not its parameters.
/// Put it on a <c>partial</c> property of type <see cref="BatchNormLayer"/>.
/// </summary>
[System.AttributeUsage(System.AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
#if BACKPROP_GENERATOR
internal
#else
public
#endif
sealed class BatchNormAttribute : System.Attribute
{
    /// <summary>ε added to the variance before the square root. Positive; default 1e-5.</summary>
    public double Epsilon { get; set; } = 1e-5;

    /// <summary>Weight of each batch in the running statistics: r ← (1 − m)·r + m·batch. In (0, 1]; default 0.1.</summary>
    public double Momentum { get; set; } = 0.1;
}
