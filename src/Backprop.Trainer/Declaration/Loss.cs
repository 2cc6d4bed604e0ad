namespace Backprop;

/// <summary>The per-sample cost C(o, t) a network is trained to minimise; o is the output layer's activation, t the target.</summary>
public enum Loss
{
    /// <summary>C = ½ Σ (t − o)²; ∂C/∂o = o − t. The textbook E of the worked examples.</summary>
    SquaredError = 0,
    /// <summary>C = (1/n) Σ (t − o)² over the n outputs; ∂C/∂o = 2(o − t)/n.</summary>
    MeanSquaredError = 1,
    /// <summary>C = −[t ln p + (1 − t) ln(1 − p)] for a single sigmoid output p; δ = p − t.</summary>
    BinaryCrossEntropy = 2,
    /// <summary>C = −Σ t ln p for a softmax output p; δ = p − t.</summary>
    SoftmaxCrossEntropy = 3,
}
