using System.Globalization;
using Backprop.Training;
using Microsoft.ML;

namespace Backprop.MLNet;

/// <summary>
/// <see cref="BackpropEstimator{TNet}.Fit(IDataView)"/> diverged (the loss became NaN or ∞). ML.NET's Fit cannot return a model
/// and throw, so the last good model travels on the exception: <see cref="LastGoodModel"/> scores with the last
/// weights that gave a finite loss (those from before the step that broke it), and its history holds the epochs
/// completed before the divergence. Catch <see cref="TrainingDivergedException"/> (its base) as before, or this type
/// to keep the model.
/// </summary>
/// <example>
/// <code>
/// try { model = estimator.Fit(data); }
/// catch (BackpropTrainingDivergedException diverged) { model = diverged.LastGoodModel; }
/// </code>
/// In a pipeline (<c>featurizer.Append(estimator).Fit(data)</c>) this is the Backprop transformer alone: append it
/// to the fitted featurizer (<c>fittedFeaturizer.Append(diverged.LastGoodModel)</c>) to score raw rows.
/// </example>
public sealed class BackpropTrainingDivergedException : TrainingDivergedException
{
    /// <summary>Wraps the trainer's <paramref name="cause"/> with the model of the last good weights.</summary>
    /// <param name="cause">The divergence the trainer reported.</param>
    /// <param name="lastGoodModel">A transformer over the network with the last good weights.</param>
    public BackpropTrainingDivergedException(TrainingDivergedException cause, BackpropTransformer lastGoodModel)
        : base(cause, MessageFor(cause, lastGoodModel))
    {
        LastGoodModel = lastGoodModel;
    }

    /// <summary>The model with the last weights that gave a finite loss, ready to score or save.</summary>
    public BackpropTransformer LastGoodModel { get; }

    private static string MessageFor(TrainingDivergedException cause, BackpropTransformer model)
    {
        ArgumentNullException.ThrowIfNull(cause);
        ArgumentNullException.ThrowIfNull(model);
        int epochs = model.Model.History?.Epochs.Count ?? 0;
        return cause.Message + string.Create(CultureInfo.InvariantCulture,
            $" Fit returns no model, so that model (after {epochs} completed epoch{(epochs == 1 ? "" : "s")}) is in this exception's {nameof(LastGoodModel)} property.");
    }
}
