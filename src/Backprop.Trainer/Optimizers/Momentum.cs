namespace Backprop.Optimizers;

/// <summary>
/// Gradient descent with momentum: v ← μv − η∂C/∂θ; θ ← θ + v. With <see cref="Nesterov"/>, the look-ahead form
/// θ ← θ + μv − η∂C/∂θ (Sutskever et al., 2013, as PyTorch writes it).
/// </summary>
public sealed class Momentum : IOptimizer
{
    private float[] _velocity = [];

    /// <summary>Creates the optimizer.</summary>
    /// <param name="momentum">μ in [0, 1).</param>
    /// <param name="nesterov">Use Nesterov's accelerated gradient.</param>
    public Momentum(float momentum = 0.9f, bool nesterov = false)
    {
        if (!(momentum >= 0f && momentum < 1f)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, "Momentum must be in [0, 1).");
        Coefficient = momentum;
        Nesterov = nesterov;
    }

    /// <summary>μ, the fraction of the previous velocity kept.</summary>
    public float Coefficient { get; }

    /// <summary>Whether the Nesterov look-ahead form is used.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc />
    public void Reset(int parameterCount) => _velocity = new float[parameterCount];

    /// <inheritdoc />
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate)
    {
        OptimizerGuard.SameLength(parameters, gradients);
        OptimizerGuard.StateSize(_velocity, parameters.Length, nameof(Momentum));
        float mu = Coefficient;
        for (int i = 0; i < parameters.Length; i++)
        {
            float v = mu * _velocity[i] - learningRate * gradients[i];
            _velocity[i] = v;
            parameters[i] += Nesterov ? mu * v - learningRate * gradients[i] : v;
        }
    }
}
