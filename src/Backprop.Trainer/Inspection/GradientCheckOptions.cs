namespace Backprop.Inspection;

/// <summary>How <see cref="GradientCheck.Run{TNet}"/> perturbs the parameters and what it accepts.</summary>
public sealed class GradientCheckOptions
{
    /// <summary>The running statistics for BatchNorm layers (StateCount values); null for the initial ones. Training mode never reads them (batch statistics), and the check never changes this array.</summary>
    public float[]? State { get; init; }

    /// <summary>One non-negative weight per sample, or null for a weight of 1 each: the checked loss is Σₙ wₙ Cₙ / Σₙ wₙ.</summary>
    public float[]? SampleWeights { get; init; }

    /// <summary>The key of the dropout masks, the same for every evaluation, so that the loss is a fixed function of θ.</summary>
    public ulong DropoutSeed { get; init; } = 0x5EED;

    /// <summary>
    /// The step h, relative: parameter θ moves by ±h·max(1, |θ|), then ±h/2 (Richardson extrapolation). The default 2⁻⁷ balances the
    /// float rounding of the loss (which grows as h shrinks) against the h⁴ truncation error; at a kink (ReLU at 0, |x| at 0) a
    /// smaller step is less likely to straddle it.
    /// </summary>
    public double Step { get; init; } = 1.0 / 128;

    /// <summary>
    /// Below this magnitude a gradient counts as this large when the relative error is formed, |g − n| / max(|g|, |n|, MinimumScale):
    /// the finite differences of a float loss cannot resolve smaller gradients, so for them the error is an absolute one.
    /// </summary>
    public double MinimumScale { get; init; } = 1e-3;

    /// <summary>The worst relative error that passes. Float32 passes usually reach 10⁻⁵–10⁻³; a wrong derivative gives 10⁻¹ or more.</summary>
    public double Tolerance { get; init; } = 1e-2;

    /// <summary>Check at most this many values per tensor, evenly spaced (all when null): each costs four training passes.</summary>
    public int? MaxValuesPerTensor { get; init; }
}
