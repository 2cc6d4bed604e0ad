using Backprop.Training;

namespace Backprop.MLNet;

/// <summary>
/// The trained network inside a <see cref="BackpropTransformer"/>: the generated network instance (its weights in
/// <see cref="INetwork.Parameters"/>), its shape, and the history of the training run, for use outside ML.NET.
/// </summary>
public sealed class NetworkModel
{
    /// <summary>Wraps a trained network and its history (null when the model was loaded without one).</summary>
    public NetworkModel(INetwork network, TrainingHistory? history)
    {
        ArgumentNullException.ThrowIfNull(network);
        Network = network;
        History = history;
    }

    /// <summary>The generated network with the trained weights. Its <c>Forward</c> is thread-safe; do not train it while scoring.</summary>
    public INetwork Network { get; }

    /// <summary>The network's declared shape.</summary>
    public NetworkShape Shape => Network.Shape;

    /// <summary>The generated class of the network.</summary>
    public Type NetworkType => Network.GetType();

    /// <summary>Loss and learning rate per epoch of the training run.</summary>
    public TrainingHistory? History { get; }

    /// <summary>
    /// The standardisation of the features the network was trained with (when the trainer standardised unmarked features),
    /// or null. A continued <c>Fit</c> keeps it.
    /// </summary>
    public FeatureStandardizer? Standardizer { get; internal set; }

    /// <summary>
    /// Regression: the standardisation of the label the network learnt (its outputs are standardised values; Score maps
    /// them back), or null. A continued <c>Fit</c> keeps it.
    /// </summary>
    public LabelStandardizer? LabelStandardizer { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => Shape.ToString();
}
