namespace Backprop.Inspection;

/// <summary>The gradient check of one layer with parameters: its tensors and the worst relative error among them.</summary>
/// <param name="Layer">The layer's name.</param>
/// <param name="Kind">The layer's kind.</param>
/// <param name="Tensors">Its parameter tensors, in buffer order.</param>
public sealed record LayerGradientError(string Layer, LayerKind Kind, IReadOnlyList<TensorGradientError> Tensors)
{
    /// <summary>The worst relative error of the layer's tensors.</summary>
    public double WorstRelativeError => Tensors.Max(t => t.WorstRelativeError);
}
