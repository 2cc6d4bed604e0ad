namespace Backprop;

/// <summary>
/// Declares a feed-forward network on a <c>partial</c> class. The layers are the class's partial properties carrying a layer
/// attribute, one per <see cref="LayerKind"/> (<see cref="DenseAttribute"/>, <see cref="LayerNormAttribute"/>, …), in
/// declaration order. The Backprop source generator implements the class: sizes as
/// constants, one flat parameter buffer (and a state buffer for running statistics), <c>Forward</c> and <c>Backward</c>.
/// </summary>
/// <example>
/// <code>
/// [Network(Inputs = 4, Loss = Loss.SoftmaxCrossEntropy)]
/// public partial class IrisNet
/// {
///     [Dense(16, Activation.Tanh)]   public partial DenseLayer Hidden { get; }
///     [Dense(3, Activation.Softmax)] public partial DenseLayer Output { get; }
/// }
/// </code>
/// </example>
[System.AttributeUsage(System.AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
#if BACKPROP_GENERATOR
internal
#else
public
#endif
sealed class NetworkAttribute : System.Attribute
{
    /// <summary>
    /// Number of inputs (the size of the feature vector); positive when given. Leave it out to take the input count from
    /// the data: the network is then sized when it is created for data (<c>new MyNet(inputCount)</c>, the first
    /// <c>NetworkTrainer.Train</c> of a <c>new MyNet()</c>, an ML.NET trainer's <c>Fit</c>, or a load), and only its first
    /// layer's products run with a run-time count; every other size stays a compile-time constant.
    /// </summary>
    public int Inputs { get; set; }

    /// <summary>The loss the network is trained with. Defaults to <see cref="Backprop.Loss.SquaredError"/>.</summary>
    public Loss Loss { get; set; } = Loss.SquaredError;

    /// <summary>The δ of <see cref="Backprop.Loss.Huber"/>: where the loss turns from quadratic to linear. Positive; default 1.</summary>
    public double HuberDelta { get; set; } = 1.0;
}
