namespace Backprop;

/// <summary>The per-sample cost C(o, t) a network is trained to minimise; o is the output layer's activation, t the target.</summary>
#if BACKPROP_GENERATOR
internal
#else
public
#endif
enum Loss
{
    /// <summary>C = ½ Σ (t − o)²; ∂C/∂o = o − t. The textbook E of the worked examples.</summary>
    SquaredError = 0,
    /// <summary>C = (1/n) Σ (t − o)² over the n outputs; ∂C/∂o = 2(o − t)/n.</summary>
    MeanSquaredError = 1,
    /// <summary>
    /// C = −Σᵢ [tᵢ ln pᵢ + (1 − tᵢ) ln(1 − pᵢ)] over sigmoid outputs pᵢ (one output: binary; several: multi-label);
    /// δ = p − t. Targets in [0, 1].
    /// </summary>
    BinaryCrossEntropy = 2,
    /// <summary>C = −Σ t ln p for a softmax output p; δ = p − t. Targets in [0, 1] summing to 1.</summary>
    SoftmaxCrossEntropy = 3,
    /// <summary>
    /// C = (1/n) Σ h(o − t) with h(r) = ½r² for |r| ≤ δ and δ(|r| − ½δ) beyond (δ = <see cref="NetworkAttribute.HuberDelta"/>,
    /// 1 by default); ∂C/∂o = clamp(o − t, −δ, δ)/n. Robust to outliers, as Keras's and PyTorch's Huber losses.
    /// </summary>
    Huber = 4,
    /// <summary>C = (1/n) Σ |o − t|; ∂C/∂o = sign(o − t)/n (0 where o = t).</summary>
    MeanAbsoluteError = 5,
}
