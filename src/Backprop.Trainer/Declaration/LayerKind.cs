namespace Backprop;

/// <summary>The kinds of layer a network can declare, one per layer attribute.</summary>
#if BACKPROP_GENERATOR
internal
#else
public
#endif
enum LayerKind
{
    /// <summary><see cref="DenseAttribute"/>: z = W·x + b, then its activation.</summary>
    Dense = 0,
    /// <summary><see cref="LayerNormAttribute"/>: per-sample normalisation with a gain and a shift.</summary>
    LayerNorm = 1,
    /// <summary><see cref="BatchNormAttribute"/>: per-feature normalisation with batch statistics in training and running statistics in inference.</summary>
    BatchNorm = 2,
    /// <summary><see cref="DropoutAttribute"/>: inverted dropout in training, the identity in inference.</summary>
    Dropout = 3,
    /// <summary><see cref="NormalizeAttribute"/>: per-feature standardisation with the mean and variance of the training data (state).</summary>
    Normalize = 4,
    /// <summary><see cref="RMSNormAttribute"/>: per-sample root-mean-square normalisation with a gain (no centring, no shift).</summary>
    RMSNorm = 5,
}
