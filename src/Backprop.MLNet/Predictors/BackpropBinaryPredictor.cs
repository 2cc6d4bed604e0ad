using Backprop.MLNet;
using Backprop.MLNet.Predictors;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Runtime;
using MLPredictionKind = Microsoft.ML.PredictionKind;

[assembly: LoadableClass(typeof(BackpropBinaryPredictor), null, typeof(SignatureLoadModel), "Backprop binary predictor", BackpropBinaryPredictor.LoaderSignature)]

namespace Backprop.MLNet.Predictors;

/// <summary>
/// A trained binary Backprop network in the form ML.NET's meta-trainers take a binary model (a "predictor": a value
/// mapper from the feature vector to a score and a probability), so that <see cref="Microsoft.ML.Trainers.OneVersusAllTrainer"/>
/// can combine one per class and save them inside its own model. It wraps the binary <see cref="BackpropTransformer"/>
/// and saves it as a sub-model, so the network file format is the transformer's.
/// </summary>
internal sealed class BackpropBinaryPredictor : IDistPredictorProducing<float, float>, IValueMapperDist, ICanSaveModel
{
    internal const string LoaderSignature = "BackpropBinaryPredictor";

    private const string TransformerEntry = "Network";

    public BackpropBinaryPredictor(BackpropTransformer transformer)
    {
        Transformer = transformer;
        InputType = new VectorDataViewType(NumberDataViewType.Single, transformer.Model.Shape.InputCount);
    }

    /// <summary>The binary transformer whose network this is.</summary>
    public BackpropTransformer Transformer { get; }

    public MLPredictionKind PredictionKind => MLPredictionKind.BinaryClassification;

    public DataViewType InputType { get; }

    public DataViewType OutputType => NumberDataViewType.Single;

    public DataViewType DistType => NumberDataViewType.Single;

    /// <summary>Feature vector → logit.</summary>
    public ValueMapper<TSrc, TDst> GetMapper<TSrc, TDst>()
    {
        CheckTypes<TSrc, TDst>();
        var network = new RowNetwork(Transformer.Model.Network);
        ValueMapper<VBuffer<float>, float> map = (in VBuffer<float> features, ref float score) => score = Logit(network.Probability(features));
        return (ValueMapper<TSrc, TDst>)(Delegate)map;
    }

    /// <summary>Feature vector → logit and probability.</summary>
    public ValueMapper<TSrc, TDst, TDist> GetMapper<TSrc, TDst, TDist>()
    {
        CheckTypes<TSrc, TDst>();
        if (typeof(TDist) != typeof(float)) throw new InvalidOperationException($"A Backprop binary predictor gives its probability as Single, not {typeof(TDist).Name}.");
        var network = new RowNetwork(Transformer.Model.Network);
        ValueMapper<VBuffer<float>, float, float> map = (in VBuffer<float> features, ref float score, ref float probability) =>
        {
            probability = network.Probability(features);
            score = Logit(probability);
        };
        return (ValueMapper<TSrc, TDst, TDist>)(Delegate)map;
    }

    void ICanSaveModel.Save(ModelSaveContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.CheckAtModel();
        ctx.SetVersionInfo(GetVersionInfo());
        ctx.SaveModel(Transformer, TransformerEntry);
    }

    /// <summary>Called by ML.NET's model loader (registered with <c>LoadableClass</c> above).</summary>
    private static BackpropBinaryPredictor Create(IHostEnvironment env, ModelLoadContext ctx)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ctx.CheckAtModel(GetVersionInfo());
        ctx.LoadModel<BackpropTransformer, SignatureLoadModel>(env, out BackpropTransformer transformer, TransformerEntry);
        return new BackpropBinaryPredictor(transformer);
    }

    private static VersionInfo GetVersionInfo() => new(
        modelSignature: "BPNBINPR",
        verWrittenCur: 0x00010001,
        verReadableCur: 0x00010001,
        verWeCanReadBack: 0x00010001,
        loaderSignature: LoaderSignature,
        loaderAssemblyName: typeof(BackpropBinaryPredictor).Assembly.FullName);

    private static void CheckTypes<TSrc, TDst>()
    {
        if (typeof(TSrc) != typeof(VBuffer<float>) || typeof(TDst) != typeof(float))
            throw new InvalidOperationException($"A Backprop binary predictor maps VBuffer<Single> to Single, not {typeof(TSrc).Name} to {typeof(TDst).Name}.");
    }

    private static float Logit(float p)
    {
        const float floor = 1e-7f;
        p = Math.Clamp(p, floor, 1f - floor);
        return MathF.Log(p / (1f - p));
    }

    /// <summary>One mapper's buffers over the shared (thread-safe) network.</summary>
    private sealed class RowNetwork(INetwork network)
    {
        private readonly float[] _input = new float[network.Shape.InputCount];
        private readonly float[] _output = new float[network.Shape.OutputCount];

        /// <summary>P(true): the sigmoid output, or the second of two softmax outputs.</summary>
        public float Probability(in VBuffer<float> features)
        {
            if (features.Length != _input.Length)
                throw new InvalidOperationException($"The feature vector has {features.Length} values; network '{network.Shape.Name}' takes {_input.Length}.");
            Training.FeatureInfo.CopyDense(features, _input);
            network.Forward(_input, _output);
            return _output.Length == 1 ? _output[0] : _output[1];
        }
    }
}
