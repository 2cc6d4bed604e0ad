using Microsoft.ML.Runtime;

namespace Backprop.MLNet;

/// <summary>
/// The options of <see cref="BackpropMulticlassTrainer{TNet}"/>, named as ML.NET names its trainers' options
/// (<c>new BackpropMulticlassTrainer.Options { … }</c>, like <c>new SdcaMaximumEntropyMulticlassTrainer.Options { … }</c>).
/// </summary>
public static class BackpropMulticlassTrainer
{
    /// <summary>Options of the multiclass trainer: the shared ones, and class weights.</summary>
    public sealed class Options : BackpropTrainerOptions
    {
        /// <summary>
        /// One weight per output of the network, in key order (key 1 first), multiplying the example weights of the rows
        /// of that class; null (the default) weighs every class 1.
        /// </summary>
        public float[]? ClassWeights { get; set; }

        private protected override float[]? TrainingClassWeights => ClassWeights;
    }
}

/// <summary>
/// Trains the generated network <typeparamref name="TNet"/> (a Softmax output per class, <c>Loss.SoftmaxCrossEntropy</c>)
/// on a key label: ML.NET's multiclass trainer shape, in place of <c>SdcaMaximumEntropy</c> or <c>LbfgsMaximumEntropy</c>.
/// The transformer adds Score (a probability per class, with SlotNames and TrainingLabelValues) and PredictedLabel (a key
/// with the label's KeyValues, for MapKeyToValue).
/// </summary>
/// <typeparam name="TNet">A class declared with <c>[Network]</c> and implemented by the Backprop generator.</typeparam>
public sealed class BackpropMulticlassTrainer<TNet> : BackpropEstimator<TNet>
    where TNet : INetwork<TNet>, new()
{
    internal BackpropMulticlassTrainer(IHostEnvironment environment, BackpropTrainerOptions? options)
        : base(environment, PredictionKind.MulticlassClassification, options)
    {
        if (options is BackpropMulticlassTrainer.Options { ClassWeights: { } weights } && weights.Length != TNet.Shape.OutputCount)
            throw new ArgumentException(
                $"ClassWeights has {weights.Length} values; network '{TNet.Shape.Name}' has {TNet.Shape.OutputCount} outputs and takes one weight per output.", nameof(options));
    }
}
