namespace Backprop;

/// <summary>What a tensor of a layer holds; decides its initial values, whether L2 applies, and its ONNX input.</summary>
public enum TensorRole
{
    /// <summary>A dense layer's W (units × inputs): initialised by the scheme, L2-penalised.</summary>
    Weights = 0,
    /// <summary>A dense layer's b: starts at 0.</summary>
    Biases = 1,
    /// <summary>A normalisation's gain γ: starts at 1.</summary>
    Gain = 2,
    /// <summary>A normalisation's shift β: starts at 0.</summary>
    Shift = 3,
    /// <summary>BatchNorm's running mean, or Normalize's mean of the training data (state, not trained): starts at 0.</summary>
    RunningMean = 4,
    /// <summary>BatchNorm's running variance, or Normalize's variance of the training data (state, not trained): starts at 1.</summary>
    RunningVariance = 5,
}
