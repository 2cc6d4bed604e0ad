using Microsoft.ML.Runtime;

namespace Backprop.MLNet;

/// <summary>
/// The options of <see cref="BackpropBinaryTrainer{TNet}"/>, named as ML.NET names its trainers' options
/// (<c>new BackpropBinaryTrainer.Options { … }</c>, like <c>new SdcaLogisticRegressionBinaryTrainer.Options { … }</c>).
/// </summary>
public static class BackpropBinaryTrainer
{
    /// <summary>Options of the binary-classification trainer: the shared ones, and class weights.</summary>
    public sealed class Options : BackpropTrainerOptions
    {
        /// <summary>
        /// Two weights, of the rows labelled false and of those labelled true, multiplying the example weights (for an
        /// unbalanced label, e.g. <c>[1, 5]</c>); null (the default) weighs both classes 1.
        /// </summary>
        public float[]? ClassWeights { get; set; }

        private protected override float[]? TrainingClassWeights => ClassWeights;
    }
}

/// <summary>
/// Trains the generated network <typeparamref name="TNet"/> (one Sigmoid output, or two Softmax outputs) on a Boolean
/// label: ML.NET's binary-classification trainer shape, in place of <c>SdcaLogisticRegression</c> or <c>LightGbm</c>.
/// The transformer adds Score (the logit), Probability and PredictedLabel; Platt calibration can still be appended, and
/// <c>mlContext.MulticlassClassification.Trainers.OneVersusAll(thisTrainer)</c> trains one network per class.
/// </summary>
/// <typeparam name="TNet">A class declared with <c>[Network]</c> and implemented by the Backprop generator.</typeparam>
public sealed class BackpropBinaryTrainer<TNet> : BackpropEstimator<TNet>
    where TNet : INetwork<TNet>, new()
{
    internal BackpropBinaryTrainer(IHostEnvironment environment, BackpropTrainerOptions? options)
        : base(environment, PredictionKind.BinaryClassification, options)
    {
        if (options is BackpropBinaryTrainer.Options { ClassWeights: { Length: not 2 } weights })
            throw new ArgumentException(
                $"ClassWeights has {weights.Length} values; binary classification takes two, the weight of the rows labelled false and of those labelled true.", nameof(options));
    }
}
