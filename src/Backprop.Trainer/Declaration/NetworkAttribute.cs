namespace Backprop;

/// <summary>
/// Declares a feed-forward network on a <c>partial</c> class. The layers are the class's partial properties of type
/// <see cref="DenseLayer"/> carrying <see cref="DenseAttribute"/>, in declaration order. The Backprop source generator
/// implements the class: sizes as constants, one flat parameter buffer, <c>Forward</c> and <c>Backward</c>.
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
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class NetworkAttribute : Attribute
{
    /// <summary>Number of inputs (the size of the feature vector). Must be positive.</summary>
    public int Inputs { get; set; }

    /// <summary>The loss the network is trained with. Defaults to <see cref="Backprop.Loss.SquaredError"/>.</summary>
    public Loss Loss { get; set; } = Loss.SquaredError;
}
