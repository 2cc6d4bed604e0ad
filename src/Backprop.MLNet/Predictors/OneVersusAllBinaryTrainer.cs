using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace Backprop.MLNet.Predictors;

/// <summary>
/// A Backprop binary trainer in the shape <see cref="OneVersusAllTrainer"/> takes: ML.NET's one-versus-all asks for a
/// trainer of <see cref="BinaryPredictionTransformer{TModel}"/> over a predictor, while the Backprop trainers give a
/// <see cref="BackpropTransformer"/> (which pipelines, saved models and the tests already expect). This adapter fits the
/// Backprop trainer and hands its network to ML.NET as a <see cref="BackpropBinaryPredictor"/>.
/// </summary>
internal sealed class OneVersusAllBinaryTrainer<TNet>(BackpropBinaryTrainer<TNet> trainer)
    : ITrainerEstimator<BinaryPredictionTransformer<BackpropBinaryPredictor>, BackpropBinaryPredictor>
    where TNet : INetwork<TNet>, new()
{
    public TrainerInfo Info => trainer.Info;

    public BinaryPredictionTransformer<BackpropBinaryPredictor> Fit(IDataView input)
    {
        BackpropTransformer fitted = trainer.Fit(input);
        return new BinaryPredictionTransformer<BackpropBinaryPredictor>(trainer.Host, new BackpropBinaryPredictor(fitted), input.Schema, fitted.FeatureColumnName);
    }

    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => trainer.GetOutputSchema(inputSchema);
}
