using Backprop.MLNet.Internal;
using Microsoft.ML;

namespace Backprop.MLNet;

/// <summary>
/// The Backprop trainers where ML.NET users look for trainers: <c>mlContext.BinaryClassification.Trainers</c>,
/// <c>mlContext.MulticlassClassification.Trainers</c> and <c>mlContext.Regression.Trainers</c>.
/// </summary>
public static class BackpropCatalogExtensions
{
    /// <summary>Trains the generated network <typeparamref name="TNet"/> (one Sigmoid output) on a Boolean label.</summary>
    public static BackpropEstimator<TNet> Backprop<TNet>(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, BackpropTrainerOptions? options = null)
        where TNet : INetwork<TNet>, new() =>
        new(CatalogEnvironment.Of(catalog), PredictionKind.BinaryClassification, options);

    /// <summary>Trains the generated network <typeparamref name="TNet"/> (a Softmax output per class) on a key label.</summary>
    public static BackpropEstimator<TNet> Backprop<TNet>(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, BackpropTrainerOptions? options = null)
        where TNet : INetwork<TNet>, new() =>
        new(CatalogEnvironment.Of(catalog), PredictionKind.MulticlassClassification, options);

    /// <summary>Trains the generated network <typeparamref name="TNet"/> on a Single label (or a vector of one value per output).</summary>
    public static BackpropEstimator<TNet> Backprop<TNet>(this RegressionCatalog.RegressionTrainers catalog, BackpropTrainerOptions? options = null)
        where TNet : INetwork<TNet>, new() =>
        new(CatalogEnvironment.Of(catalog), PredictionKind.Regression, options);
}
