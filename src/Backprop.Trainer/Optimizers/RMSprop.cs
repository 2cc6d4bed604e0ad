namespace Backprop.Optimizers;

/// <summary>
/// RMSprop (Hinton, 2012), as PyTorch's <c>torch.optim.RMSprop</c> defines it: v ← αv + (1 − α)g²; θ ← θ − η g / (√v + ε).
/// With momentum μ &gt; 0: b ← μb + g / (√v + ε); θ ← θ − ηb. Centered: ḡ ← αḡ + (1 − α)g and the denominator is
/// √(v − ḡ²) + ε (the variance of the gradient instead of its second moment).
/// </summary>
/// <remarks>
/// No bias correction, as in PyTorch: v starts at 0, so the first steps are larger than η (the first is η/√(1 − α) for
/// any gradient much larger than ε). Centered, v − ḡ² is clamped at 0 should rounding make it negative. PyTorch's
/// coupled <c>weight_decay</c> is <c>TrainingOptions.L2</c> here. Allocation-free and deterministic.
/// </remarks>
public sealed class RMSprop : IOptimizer
{
    private float[] _square = [];
    private float[] _average = [];
    private float[] _buffer = [];

    /// <summary>Creates the optimizer; the defaults are PyTorch's.</summary>
    /// <param name="alpha">α in [0, 1), the smoothing constant of the squared-gradient average (PyTorch's <c>alpha</c>).</param>
    /// <param name="epsilon">ε &gt; 0, added to the denominator.</param>
    /// <param name="momentum">μ in [0, 1); 0 (the default) for none.</param>
    /// <param name="centered">Divide by the estimated standard deviation of the gradient instead of its root mean square.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range (the message names it and the range).</exception>
    public RMSprop(float alpha = 0.99f, float epsilon = 1e-8f, float momentum = 0f, bool centered = false)
    {
        if (!(alpha >= 0f && alpha < 1f)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "RMSprop: the smoothing constant α (alpha) must be in [0, 1).");
        if (!(epsilon > 0f) || !float.IsFinite(epsilon)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "RMSprop: ε (epsilon) must be a positive finite number.");
        if (!(momentum >= 0f && momentum < 1f)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "RMSprop: the momentum μ (momentum) must be in [0, 1) (0 = none).");
        Alpha = alpha;
        Epsilon = epsilon;
        Momentum = momentum;
        Centered = centered;
    }

    /// <summary>α, the smoothing constant of the squared-gradient average.</summary>
    public float Alpha { get; }

    /// <summary>ε, added to the denominator.</summary>
    public float Epsilon { get; }

    /// <summary>μ, the momentum of the scaled step (0 = none).</summary>
    public float Momentum { get; }

    /// <summary>Whether the denominator is the gradient's standard deviation √(v − ḡ²) instead of √v.</summary>
    public bool Centered { get; }

    /// <inheritdoc />
    public void Reset(int parameterCount)
    {
        _square = new float[parameterCount];
        _average = Centered ? new float[parameterCount] : [];
        _buffer = Momentum > 0f ? new float[parameterCount] : [];
    }

    /// <inheritdoc />
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate)
    {
        OptimizerGuard.SameLength(parameters, gradients);
        OptimizerGuard.StateSize(_square, parameters.Length, nameof(RMSprop));
        float alpha = Alpha, keep = 1f - alpha, epsilon = Epsilon, mu = Momentum;
        bool centered = Centered, momentum = mu > 0f;
        for (int i = 0; i < parameters.Length; i++)
        {
            float g = gradients[i];
            float v = _square[i] = alpha * _square[i] + keep * g * g;
            if (centered)
            {
                float a = _average[i] = alpha * _average[i] + keep * g;
                v = MathF.Max(v - a * a, 0f);
            }

            float scaled = g / (MathF.Sqrt(v) + epsilon);
            if (momentum) scaled = _buffer[i] = mu * _buffer[i] + scaled;
            parameters[i] -= learningRate * scaled;
        }
    }
}
