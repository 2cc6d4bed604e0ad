namespace Backprop;

/// <summary>The activation function f applied after a dense layer's affine map: a = f(z).</summary>
/// <remarks>
/// Every derivative is computed from the layer's output a, so backward needs only the stored activations:
/// Sigmoid f′ = a(1 − a); Tanh f′ = 1 − a²; ReLU f′ = [a &gt; 0]; LeakyReLU f′ = a &gt; 0 ? 1 : 0.01.
/// </remarks>
public enum Activation
{
    /// <summary>a = z; f′ = 1.</summary>
    Identity = 0,
    /// <summary>a = 1 / (1 + e^−z); f′ = a(1 − a).</summary>
    Sigmoid = 1,
    /// <summary>a = tanh z; f′ = 1 − a².</summary>
    Tanh = 2,
    /// <summary>a = max(0, z); f′ = [z &gt; 0].</summary>
    ReLU = 3,
    /// <summary>a = z &gt; 0 ? z : 0.01·z; f′ = z &gt; 0 ? 1 : 0.01.</summary>
    LeakyReLU = 4,
    /// <summary>aᵢ = e^zᵢ / Σⱼ e^zⱼ. Last layer only, paired with <see cref="Loss.SoftmaxCrossEntropy"/>.</summary>
    Softmax = 5,
}
