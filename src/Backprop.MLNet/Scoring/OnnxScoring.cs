using Backprop.Onnx;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Model.OnnxConverter;

namespace Backprop.MLNet.Scoring;

/// <summary>
/// A Backprop transformer's part of ML.NET's ONNX conversion (<c>mlContext.Model.ConvertToOnnx</c>): the network's
/// layers (<see cref="OnnxLayers"/>) from the feature column's variable, then the output columns as ML.NET's own scorers
/// write them — binary: Score = ln(p / (1 − p)) with p clipped to [1e-7, 1 − 1e-7], Probability = p, PredictedLabel =
/// p &gt; 0.5; multiclass: Score = the class probabilities, PredictedLabel = argmax + 1 as a UInt32 key [N × 1];
/// regression: Score. Each is the value <see cref="Scorer"/> computes row by row.
/// </summary>
internal static class OnnxScoring
{
    /// <summary>ML.NET's converter writes opset 12 unless asked for less; a network that needs more cannot go through it.</summary>
    public const int ConverterOpset = 12;

    /// <summary>Whether the network's operators exist at the converter's opset; otherwise why not.</summary>
    public static bool CanSave(BackpropTransformer transformer, out string why)
    {
        (int opset, string reason) = OnnxLayers.MinimumOpset(transformer.Model.Shape);
        why = opset <= ConverterOpset ? ""
            : $"Network '{transformer.Model.Shape.Name}' cannot be converted by ML.NET's ONNX converter: {reason}, and the converter writes ONNX opset {ConverterOpset} at most. " +
              "Export the network alone with Backprop.Onnx.OnnxExporter (opset 20), or declare it without that layer.";
        return opset <= ConverterOpset;
    }

    /// <summary>Adds the network and the output columns to <paramref name="ctx"/>.</summary>
    /// <exception cref="NotSupportedException">The network needs an operator beyond the converter's opset (the message says which).</exception>
    public static void Save(BackpropTransformer transformer, DataViewSchema output, OnnxContext ctx)
    {
        if (!CanSave(transformer, out string why)) throw new NotSupportedException(why);
        NetworkShape shape = transformer.Model.Shape;
        (int minimum, _) = OnnxLayers.MinimumOpset(shape);
        ctx.CheckOpSetVersion(minimum, $"Backprop network '{shape.Name}'");

        var graph = new ContextGraph(ctx, shape.Name);
        string features = ctx.GetVariableName(transformer.FeatureColumnName);
        if (transformer.Standardizer is FeatureStandardizer standardizer)
        {
            // The trainer standardised the unmarked features: (x − μ)·(1/σ), as the scorer does before Forward.
            int[] dims = [1, standardizer.Count];
            string mean = graph.Initializer("featureMean", dims, standardizer.Mean.ToArray());
            string reciprocal = graph.Initializer("featureReciprocal", dims, standardizer.Reciprocal.ToArray());
            string centred = graph.Node("Sub", "featureCentre", [features, mean], graph.Intermediate("featuresCentred"));
            features = graph.Node("Mul", "featureScale", [centred, reciprocal], graph.Intermediate("featuresStandardised"));
        }

        string outputs = OnnxLayers.Write(transformer.Model.Network, graph, features, graph.Intermediate("output"));
        DataViewType TypeOf(string column) => output[column].Type;

        switch (transformer.Kind)
        {
            case PredictionKind.BinaryClassification:
            {
                // p: the sigmoid output, or the second of two softmax outputs.
                string p = shape.OutputCount == 1 ? outputs : graph.Column(outputs, 1, 2);
                string probability = ctx.AddIntermediateVariable(TypeOf(OutputSchema.Probability), OutputSchema.Probability);
                graph.Node("Identity", "Probability", [p], probability);
                string floor = ctx.AddInitializer(1e-7f, "Backprop.floor"), ceiling = ctx.AddInitializer(1f - 1e-7f, "Backprop.ceiling");
                string one = ctx.AddInitializer(1f, "Backprop.one"), half = ctx.AddInitializer(0.5f, "Backprop.half");
                string clipped = graph.Node("Clip", "clip", [p, floor, ceiling], graph.Intermediate("clipped"));
                string complement = graph.Node("Sub", "complement", [one, clipped], graph.Intermediate("complement"));
                string odds = graph.Node("Div", "odds", [clipped, complement], graph.Intermediate("odds"));
                graph.Node("Log", "logit", [odds], ctx.AddIntermediateVariable(TypeOf(OutputSchema.Score), OutputSchema.Score));
                graph.Node("Greater", "predicted", [p, half], ctx.AddIntermediateVariable(TypeOf(OutputSchema.PredictedLabel), OutputSchema.PredictedLabel));
                break;
            }

            case PredictionKind.MulticlassClassification:
            {
                int classes = transformer.ScoreSize;
                string scores = classes == shape.OutputCount ? outputs : graph.Columns(outputs, 0, classes);
                graph.Node("Identity", "Score", [scores], ctx.AddIntermediateVariable(TypeOf(OutputSchema.Score), OutputSchema.Score));
                string argMax = graph.Node("ArgMax", "argmax", [scores], graph.Intermediate("argmax"), new OnnxAttribute("axis", Int: 1), new OnnxAttribute("keepdims", Int: 1));
                string plusOne = graph.Node("Add", "key", [argMax, ctx.AddInitializer(1L, "Backprop.keyOffset")], graph.Intermediate("key"));
                string predicted = ctx.AddIntermediateVariable(TypeOf(OutputSchema.PredictedLabel), OutputSchema.PredictedLabel);
                OnnxNode cast = ctx.CreateNode("Cast", plusOne, predicted, ctx.GetNodeName("Cast"), "");
                cast.AddAttribute("to", typeof(uint));
                break;
            }

            default:
                if (transformer.LabelStandardizer is LabelStandardizer label)
                {
                    // Score = o·σ + μ: the network learnt the standardised label.
                    int[] dims = [1, label.Count];
                    string scale = graph.Initializer("labelScale", dims, label.Scale.ToArray());
                    string mean = graph.Initializer("labelMean", dims, label.Mean.ToArray());
                    string scaled = graph.Node("Mul", "labelScale", [outputs, scale], graph.Intermediate("labelScaled"));
                    outputs = graph.Node("Add", "labelMean", [scaled, mean], graph.Intermediate("labelRestored"));
                }

                graph.Node("Identity", "Score", [outputs], ctx.AddIntermediateVariable(TypeOf(OutputSchema.Score), OutputSchema.Score));
                break;
        }
    }

    /// <summary>ML.NET's converter context as an <see cref="IOnnxGraph"/>: names made unique by the context.</summary>
    private sealed class ContextGraph(OnnxContext ctx, string prefix) : IOnnxGraph
    {
        public string Initializer(string name, int[] dims, ReadOnlySpan<float> values) =>
            ctx.AddInitializer(values.ToArray(), dims.Select(d => (long)d).ToArray(), $"{prefix}.{name}");

        public string Intermediate(string name) => ctx.AddIntermediateVariable(null, $"{prefix}.{name}", skip: true);

        public string Node(string op, string name, IReadOnlyList<string> inputs, string output, params OnnxAttribute[] attributes)
        {
            OnnxNode node = ctx.CreateNode(op, inputs, [output], ctx.GetNodeName($"{prefix}.{name}"), "");
            foreach (OnnxAttribute attribute in attributes)
            {
                if (attribute.Int is long i) node.AddAttribute(attribute.Name, i);
                else node.AddAttribute(attribute.Name, (double)(attribute.Float ?? 0f));
            }

            return output;
        }

        /// <summary>Column <paramref name="index"/> of a [N × <paramref name="width"/>] value, as [N × 1].</summary>
        public string Column(string input, int index, int width) => Columns(input, index, index + 1);

        /// <summary>Columns [<paramref name="start"/>, <paramref name="end"/>) of a value (opset 10 Slice).</summary>
        public string Columns(string input, int start, int end)
        {
            long[] one = [1];
            string starts = ctx.AddInitializer(new long[] { start }, one, $"{prefix}.sliceStart");
            string ends = ctx.AddInitializer(new long[] { end }, one, $"{prefix}.sliceEnd");
            string axes = ctx.AddInitializer(new long[] { 1 }, one, $"{prefix}.sliceAxis");
            return Node("Slice", "slice", [input, starts, ends, axes], Intermediate("slice"));
        }
    }
}
