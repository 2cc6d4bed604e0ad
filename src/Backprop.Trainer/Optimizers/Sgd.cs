using Backprop.Kernels;

namespace Backprop.Optimizers;

/// <summary>Plain gradient descent: θ ← θ − η ∂C/∂θ.</summary>
public sealed class Sgd : IOptimizer
{
    /// <inheritdoc />
    public void Reset(int parameterCount)
    {
    }

    /// <inheritdoc />
    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate)
    {
        OptimizerGuard.SameLength(parameters, gradients);
        Vectors.Axpy(-learningRate, gradients, parameters);
    }
}
