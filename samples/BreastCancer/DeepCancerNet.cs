using Backprop;

/// <summary>
/// The same task with every layer kind: GELU, layer normalisation, dropout, SiLU, batch normalisation, then P(malignant).
/// Dropout and BatchNorm act in training only as described: inference uses no dropout and the running statistics.
/// </summary>
[Network(Inputs = 30, Loss = Loss.BinaryCrossEntropy)]
public partial class DeepCancerNet
{
    [Dense(64, Activation.GELU)]    public partial DenseLayer Hidden1 { get; }
    [LayerNorm]                     public partial LayerNormLayer Norm1 { get; }
    [Dropout(0.2)]                  public partial DropoutLayer Drop1 { get; }
    [Dense(32, Activation.SiLU)]    public partial DenseLayer Hidden2 { get; }
    [BatchNorm]                     public partial BatchNormLayer Norm2 { get; }
    [Dense(1, Activation.Sigmoid)]  public partial DenseLayer Output { get; }
}
