using System.Runtime.CompilerServices;
using Backprop.MLNet.Internal;
using Backprop.MLNet.Predictors;
using Backprop.Optimizers;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers;

namespace Backprop.MLNet;

/// <summary>
/// The Backprop trainers where ML.NET users look for trainers: <c>mlContext.BinaryClassification.Trainers</c>,
/// <c>mlContext.MulticlassClassification.Trainers</c> and <c>mlContext.Regression.Trainers</c>, in ML.NET's two forms —
/// column names and a few key hyperparameters, or an options object — so that a pipeline built around
/// <c>SdcaLogisticRegression</c>, <c>SdcaMaximumEntropy</c> or <c>Sdca</c> takes a network by changing its trainer line.
/// </summary>
public static class BackpropCatalogExtensions
{
    /// <summary>Trains the generated network <typeparamref name="TNet"/> (one Sigmoid output) on a Boolean label.</summary>
    /// <param name="catalog">The binary-classification trainers of an MLContext.</param>
    /// <param name="labelColumnName">The label column, Boolean.</param>
    /// <param name="featureColumnName">The feature column, a known-size vector of Single.</param>
    /// <param name="exampleWeightColumnName">The example-weight column (Single), or null for none.</param>
    /// <param name="epochs">Passes over the training data.</param>
    /// <param name="batchSize">Rows per mini-batch; null for the default (<see cref="BackpropTrainerOptions.BatchSize"/>).</param>
    /// <param name="learningRate">Base learning rate; null for the default (<see cref="BackpropTrainerOptions.LearningRate"/>).</param>
    /// <param name="optimizer">The update rule; null for the default: Adam when <paramref name="learningRate"/> is null too, plain SGD otherwise (<see cref="BackpropTrainerOptions.Optimizer"/>).</param>
    /// <exception cref="ArgumentException">The network's outputs cannot serve the task, or an option is out of range.</exception>
    public static BackpropBinaryTrainer<TNet> Backprop<TNet>(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", string? exampleWeightColumnName = null,
        int epochs = 100, int? batchSize = null, float? learningRate = null, IOptimizer? optimizer = null)
        where TNet : INetwork<TNet>, new() =>
        new(CatalogEnvironment.Of(catalog), Columns(new BackpropBinaryTrainer.Options(), labelColumnName, featureColumnName, exampleWeightColumnName, epochs, batchSize, learningRate, optimizer));

    /// <summary>Trains the generated network <typeparamref name="TNet"/> (one Sigmoid output) on a Boolean label, with every option.</summary>
    /// <param name="catalog">The binary-classification trainers of an MLContext.</param>
    /// <param name="options">Column names and training options.</param>
    /// <exception cref="ArgumentException">The network's outputs cannot serve the task, or an option is out of range.</exception>
    [OverloadResolutionPriority(2)]
    public static BackpropBinaryTrainer<TNet> Backprop<TNet>(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, BackpropBinaryTrainer.Options options)
        where TNet : INetwork<TNet>, new() =>
        new(CatalogEnvironment.Of(catalog), options);

    /// <summary>Trains the generated network <typeparamref name="TNet"/> (one Sigmoid output) on a Boolean label, with the shared options.</summary>
    /// <param name="catalog">The binary-classification trainers of an MLContext.</param>
    /// <param name="options">Column names and training options; null for the defaults.</param>
    /// <exception cref="ArgumentException">The network's outputs cannot serve the task, or an option is out of range.</exception>
    [OverloadResolutionPriority(1)]
    public static BackpropBinaryTrainer<TNet> Backprop<TNet>(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, BackpropTrainerOptions? options)
        where TNet : INetwork<TNet>, new() =>
        new(CatalogEnvironment.Of(catalog), options);

    /// <summary>Trains the generated network <typeparamref name="TNet"/> (a Softmax output per class) on a key label.</summary>
    /// <param name="catalog">The multiclass trainers of an MLContext.</param>
    /// <param name="labelColumnName">The label column, a key (MapValueToKey).</param>
    /// <param name="featureColumnName">The feature column, a known-size vector of Single.</param>
    /// <param name="exampleWeightColumnName">The example-weight column (Single), or null for none.</param>
    /// <param name="epochs">Passes over the training data.</param>
    /// <param name="batchSize">Rows per mini-batch; null for the default (<see cref="BackpropTrainerOptions.BatchSize"/>).</param>
    /// <param name="learningRate">Base learning rate; null for the default (<see cref="BackpropTrainerOptions.LearningRate"/>).</param>
    /// <param name="optimizer">The update rule; null for the default: Adam when <paramref name="learningRate"/> is null too, plain SGD otherwise (<see cref="BackpropTrainerOptions.Optimizer"/>).</param>
    /// <exception cref="ArgumentException">The network's outputs cannot serve the task, or an option is out of range.</exception>
    public static BackpropMulticlassTrainer<TNet> Backprop<TNet>(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", string? exampleWeightColumnName = null,
        int epochs = 100, int? batchSize = null, float? learningRate = null, IOptimizer? optimizer = null)
        where TNet : INetwork<TNet>, new() =>
        new(CatalogEnvironment.Of(catalog), Columns(new BackpropMulticlassTrainer.Options(), labelColumnName, featureColumnName, exampleWeightColumnName, epochs, batchSize, learningRate, optimizer));

    /// <summary>Trains the generated network <typeparamref name="TNet"/> (a Softmax output per class) on a key label, with every option.</summary>
    /// <param name="catalog">The multiclass trainers of an MLContext.</param>
    /// <param name="options">Column names and training options.</param>
    /// <exception cref="ArgumentException">The network's outputs cannot serve the task, or an option is out of range.</exception>
    [OverloadResolutionPriority(2)]
    public static BackpropMulticlassTrainer<TNet> Backprop<TNet>(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, BackpropMulticlassTrainer.Options options)
        where TNet : INetwork<TNet>, new() =>
        new(CatalogEnvironment.Of(catalog), options);

    /// <summary>Trains the generated network <typeparamref name="TNet"/> (a Softmax output per class) on a key label, with the shared options.</summary>
    /// <param name="catalog">The multiclass trainers of an MLContext.</param>
    /// <param name="options">Column names and training options; null for the defaults.</param>
    /// <exception cref="ArgumentException">The network's outputs cannot serve the task, or an option is out of range.</exception>
    [OverloadResolutionPriority(1)]
    public static BackpropMulticlassTrainer<TNet> Backprop<TNet>(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog, BackpropTrainerOptions? options)
        where TNet : INetwork<TNet>, new() =>
        new(CatalogEnvironment.Of(catalog), options);

    /// <summary>Trains the generated network <typeparamref name="TNet"/> on a Single label (or a vector of one value per output).</summary>
    /// <param name="catalog">The regression trainers of an MLContext.</param>
    /// <param name="labelColumnName">The label column, Single (or a vector of Single, one per output).</param>
    /// <param name="featureColumnName">The feature column, a known-size vector of Single.</param>
    /// <param name="exampleWeightColumnName">The example-weight column (Single), or null for none.</param>
    /// <param name="epochs">Passes over the training data.</param>
    /// <param name="batchSize">Rows per mini-batch; null for the default (<see cref="BackpropTrainerOptions.BatchSize"/>).</param>
    /// <param name="learningRate">Base learning rate; null for the default (<see cref="BackpropTrainerOptions.LearningRate"/>).</param>
    /// <param name="optimizer">The update rule; null for the default: Adam when <paramref name="learningRate"/> is null too, plain SGD otherwise (<see cref="BackpropTrainerOptions.Optimizer"/>).</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public static BackpropRegressionTrainer<TNet> Backprop<TNet>(this RegressionCatalog.RegressionTrainers catalog,
        string labelColumnName = "Label", string featureColumnName = "Features", string? exampleWeightColumnName = null,
        int epochs = 100, int? batchSize = null, float? learningRate = null, IOptimizer? optimizer = null)
        where TNet : INetwork<TNet>, new() =>
        new(CatalogEnvironment.Of(catalog), Columns(new BackpropRegressionTrainer.Options(), labelColumnName, featureColumnName, exampleWeightColumnName, epochs, batchSize, learningRate, optimizer));

    /// <summary>Trains the generated network <typeparamref name="TNet"/> on a Single label (or a vector of one value per output), with every option.</summary>
    /// <param name="catalog">The regression trainers of an MLContext.</param>
    /// <param name="options">Column names and training options.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    [OverloadResolutionPriority(2)]
    public static BackpropRegressionTrainer<TNet> Backprop<TNet>(this RegressionCatalog.RegressionTrainers catalog, BackpropRegressionTrainer.Options options)
        where TNet : INetwork<TNet>, new() =>
        new(CatalogEnvironment.Of(catalog), options);

    /// <summary>Trains the generated network <typeparamref name="TNet"/> on a Single label (or a vector of one value per output), with the shared options.</summary>
    /// <param name="catalog">The regression trainers of an MLContext.</param>
    /// <param name="options">Column names and training options; null for the defaults.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    [OverloadResolutionPriority(1)]
    public static BackpropRegressionTrainer<TNet> Backprop<TNet>(this RegressionCatalog.RegressionTrainers catalog, BackpropTrainerOptions? options)
        where TNet : INetwork<TNet>, new() =>
        new(CatalogEnvironment.Of(catalog), options);

    /// <summary>
    /// ML.NET's <see cref="OneVersusAllTrainer"/> over a Backprop binary trainer: one network per class, each trained on
    /// "this class or not", combined by ML.NET's one-versus-all model (which saves, loads and evaluates as ML.NET's own).
    /// The same call as <c>OneVersusAll(mlContext.BinaryClassification.Trainers.SdcaLogisticRegression())</c>; the
    /// parameters are ML.NET's. The networks' probabilities are used as they are (they need no calibrator), unless
    /// <paramref name="useProbabilities"/> is false, which takes their logits.
    /// </summary>
    /// <param name="catalog">The multiclass trainers of an MLContext.</param>
    /// <param name="binaryEstimator">The binary trainer to train once per class.</param>
    /// <param name="labelColumnName">The label column, a key.</param>
    /// <param name="imputeMissingLabelsAsNegative">Whether rows with a missing label count as negatives instead of being skipped.</param>
    /// <param name="calibrator">Not used: a Backprop network already gives probabilities. Accepted for the signature's sake.</param>
    /// <param name="maximumCalibrationExampleCount">Not used (see <paramref name="calibrator"/>).</param>
    /// <param name="useProbabilities">Combine the classes by probability (true) or by raw score (false).</param>
    public static OneVersusAllTrainer OneVersusAll<TNet>(this MulticlassClassificationCatalog.MulticlassClassificationTrainers catalog,
        BackpropBinaryTrainer<TNet> binaryEstimator, string labelColumnName = "Label", bool imputeMissingLabelsAsNegative = false,
        IEstimator<ISingleFeaturePredictionTransformer<ICalibrator>>? calibrator = null, int maximumCalibrationExampleCount = 1000000000,
        bool useProbabilities = true)
        where TNet : INetwork<TNet>, new()
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(binaryEstimator);
        return catalog.OneVersusAll(new OneVersusAllBinaryTrainer<TNet>(binaryEstimator), labelColumnName, imputeMissingLabelsAsNegative,
            calibrator, maximumCalibrationExampleCount, useProbabilities);
    }

    private static T Columns<T>(T options, string labelColumnName, string featureColumnName, string? exampleWeightColumnName,
        int epochs, int? batchSize, float? learningRate, IOptimizer? optimizer)
        where T : BackpropTrainerOptions
    {
        options.LabelColumnName = labelColumnName;
        options.FeatureColumnName = featureColumnName;
        options.ExampleWeightColumnName = exampleWeightColumnName;
        options.Epochs = epochs;
        if (batchSize is int rows) options.BatchSize = rows;
        if (learningRate is float rate) options.LearningRate = rate;
        options.Optimizer = optimizer;
        return options;
    }
}
