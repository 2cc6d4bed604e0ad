using Backprop.Kernels;

namespace Backprop.Optimizers;

/// <summary>
/// AdamW, Adam with decoupled weight decay (Loshchilov and Hutter, 2019), as PyTorch's <c>torch.optim.AdamW</c> defines it:
/// θ ← θ − ηλθ; then m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²; θ ← θ − η m̂ / (√v̂ + ε) with the bias corrections
/// m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ).
/// </summary>
/// <remarks>
/// The decay shrinks every parameter the optimizer is given, the biases too (as PyTorch does with a single parameter
/// group), and it scales with the learning rate, so a schedule lowers it as well. It is independent of
/// <c>TrainingOptions.L2</c>, which adds λ/N·w to the gradient of the weights (coupled, and divided by Adam's √v̂); use one
/// or the other. Allocation-free and deterministic.
/// </remarks>
public sealed class AdamW : IOptimizer
{
    private float[] _m = [];
    private float[] _v = [];
    private int _t;

    /// <summary>Creates the optimizer; the defaults are PyTorch's.</summary>
    /// <param name="beta1">β₁ in [0, 1), decay of the first moment.</param>
    /// <param name="beta2">β₂ in [0, 1), decay of the second moment.</param>
    /// <param name="epsilon">ε &gt; 0, added to the denominator.</param>
    /// <param name="weightDecay">λ ≥ 0, the decoupled weight decay (PyTorch's <c>weight_decay</c>); 0 gives Adam.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range (the message names it and the range).</exception>
    public AdamW(float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f, float weightDecay = 0.01f)
    {
        if (!(beta1 >= 0f && beta1 < 1f)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "AdamW: β₁ (beta1) must be in [0, 1).");
        if (!(beta2 >= 0f && beta2 < 1f)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "AdamW: β₂ (beta2) must be in [0, 1).");
        if (!(epsilon > 0f) || !float.IsFinite(epsilon)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "AdamW: ε (epsilon) must be a positive finite number.");
        if (!(weightDecay >= 0f) || !float.IsFinite(weightDecay))
            throw new ArgumentOutOfRangeException(nameof(weightDecay), weightDecay, "AdamW: the weight decay λ (weightDecay) must be a non-negative finite number (0 = none).");
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        WeightDecay = weightDecay;
    }

    /// <summary>β₁, decay of the first moment.</summary>
    public float Beta1 { get; }

    /// <summary>β₂, decay of the second moment.</summary>
    public float Beta2 { get; }

    /// <summary>ε, added to the denominator.</summary>
    public float Epsilon { get; }

    /// <summary>λ, the decoupled weight decay: each step multiplies every parameter by 1 − ηλ before the Adam step.</summary>
    public float WeightDecay { get; }

    /// <inheritdoc />
    public void Reset(int parameterCount)
    {
        _m = new float[parameterCount];
        _v = new float[parameterCount];
        _t = 0;
    }

    /// <inheritdoc />
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate)
    {
        OptimizerGuard.SameLength(parameters, gradients);
        OptimizerGuard.StateSize(_m, parameters.Length, nameof(AdamW));
        _t++;
        float correction1 = 1f - MathF.Pow(Beta1, _t), correction2 = 1f - MathF.Pow(Beta2, _t);
        float decay = 1f - learningRate * WeightDecay;
        // Vectorised, bit-identical to the scalar rule θ·decay − η(m/c₁)/(√(v/c₂) + ε) (see OptimizerKernels.Adam).
        OptimizerKernels.Adam(parameters, gradients, _m, _v, learningRate, Beta1, Beta2, Epsilon, correction1, correction2, decay);
    }
}
