using Microsoft.ML.Runtime;

namespace Backprop.MLNet;

/// <summary>
/// The options of <see cref="BackpropRegressionTrainer{TNet}"/>, named as ML.NET names its trainers' options
/// (<c>new BackpropRegressionTrainer.Options { … }</c>, like <c>new SdcaRegressionTrainer.Options { … }</c>).
/// </summary>
public static class BackpropRegressionTrainer
{
    /// <summary>Options of the regression trainer (the shared ones).</summary>
    public sealed class Options : BackpropTrainerOptions
    {
    }
}

/// <summary>
/// Trains the generated network <typeparamref name="TNet"/> on a Single label (or a vector of one value per output):
/// ML.NET's regression trainer shape, in place of <c>Sdca</c>, <c>OnlineGradientDescent</c> or <c>FastTree</c>.
/// The transformer adds Score.
/// </summary>
/// <typeparam name="TNet">A class declared with <c>[Network]</c> and implemented by the Backprop generator.</typeparam>
public sealed class BackpropRegressionTrainer<TNet> : BackpropEstimator<TNet>
    where TNet : INetwork<TNet>, new()
{
    internal BackpropRegressionTrainer(IHostEnvironment environment, BackpropTrainerOptions? options)
        : base(environment, PredictionKind.Regression, options)
    {
    }
}
