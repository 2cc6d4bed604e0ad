using Backprop.Kernels;

namespace Backprop.Optimizers;

/// <summary>
/// Adam (Kingma and Ba, 2015): m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
/// θ ← θ − η m̂ / (√v̂ + ε) with the bias corrections m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ).
/// </summary>
/// <remarks>
/// The step is vectorised (and split across the GEMM threads for large networks) with the same operations per element
/// as the scalar rule, so its result does not depend on the machine or the thread count. Allocation-free.
/// </remarks>
public sealed class Adam : IOptimizer
{
    private float[] _m = [];
    private float[] _v = [];
    private int _t;

    /// <summary>Creates the optimizer with the paper's defaults.</summary>
    public Adam(float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-8f)
    {
        if (!(beta1 >= 0f && beta1 < 1f)) throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "β₁ must be in [0, 1).");
        if (!(beta2 >= 0f && beta2 < 1f)) throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "β₂ must be in [0, 1).");
        if (!(epsilon > 0f)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be positive.");
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
    }

    /// <summary>β₁, decay of the first moment.</summary>
    public float Beta1 { get; }

    /// <summary>β₂, decay of the second moment.</summary>
    public float Beta2 { get; }

    /// <summary>ε, added to the denominator.</summary>
    public float Epsilon { get; }

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
        OptimizerGuard.StateSize(_m, parameters.Length, nameof(Adam));
        _t++;
        float correction1 = 1f - MathF.Pow(Beta1, _t), correction2 = 1f - MathF.Pow(Beta2, _t);
        // Vectorised, bit-identical to the scalar rule (see OptimizerKernels.Adam); θ·1 is θ exactly.
        OptimizerKernels.Adam(parameters, gradients, _m, _v, learningRate, Beta1, Beta2, Epsilon, correction1, correction2, decay: 1f);
    }
}
