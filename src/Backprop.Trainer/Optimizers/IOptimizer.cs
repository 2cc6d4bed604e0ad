namespace Backprop.Optimizers;

/// <summary>
/// Updates parameters from gradients. Implement it to plug in your own rule; the trainer calls <see cref="Reset"/>
/// once before training and <see cref="Step"/> once per mini-batch.
/// </summary>
public interface IOptimizer
{
    /// <summary>Forgets any state (velocities, moments) and sizes it for <paramref name="parameterCount"/> parameters.</summary>
    void Reset(int parameterCount);

    /// <summary>Applies one update: θ ← θ − (rule)(∂C/∂θ, learningRate).</summary>
    /// <param name="parameters">The parameters, updated in place.</param>
    /// <param name="gradients">∂C/∂θ for this step, same length.</param>
    /// <param name="learningRate">The step size η for this step (after any schedule).</param>
    void Step(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate);
}
