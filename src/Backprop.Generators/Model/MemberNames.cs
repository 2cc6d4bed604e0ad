using System.Collections.Generic;

namespace Backprop.Generators.Model
{
    /// <summary>
    /// The names of every member the generator writes, in one place: the emitters write them and the parser checks that no
    /// layer or user member takes one.
    /// </summary>
    internal static class MemberNames
    {
        /// <summary>Members every network gets.</summary>
        public static readonly string[] Network =
        {
            "InputCount", "OutputCount", "ParameterCount", "StateCount", "BatchWorkspacePerSample", "BatchWorkspaceFixed", "Shape",
            "Parameters", "Gradients", "State", "Forward", "Backward", "ForwardBatch", "BackwardBatch", "BatchWorkspaceSize", "GetLayer",
            "ComputationGraph",
        };

        /// <summary>Members a network that takes its input count from the data gets besides <see cref="Network"/>.</summary>
        public static readonly string[] SizedByData =
        {
            "FixedParameterCount", "ParametersPerInput", "FixedStateCount", "StatePerInput", "BatchWorkspacePerSampleAndInput", "BatchWorkspacePerInput",
            "ParameterCountFor", "StateCountFor", "InputCountFor", "ShapeFor", "InputCountFromData", "EnsureInputCount", "SizedShape", "_shape", "_lastShape",
        };

        public static string Inputs(string layer) => layer + "Inputs";
        public static string Units(string layer) => layer + "Units";
        public static string WeightOffset(string layer) => layer + "WeightOffset";
        public static string BiasOffset(string layer) => layer + "BiasOffset";
        public static string GainOffset(string layer) => layer + "GainOffset";
        public static string ShiftOffset(string layer) => layer + "ShiftOffset";
        public static string MeanOffset(string layer) => layer + "MeanOffset";
        public static string VarianceOffset(string layer) => layer + "VarianceOffset";
        public static string Epsilon(string layer) => layer + "Epsilon";
        public static string Momentum(string layer) => layer + "Momentum";
        public static string Rate(string layer) => layer + "Rate";
        public static string Forward(string layer) => "Forward" + layer;
        public static string Backward(string layer) => "Backward" + layer;
        public static string ForwardBatch(string layer) => "ForwardBatch" + layer;
        public static string BackwardBatch(string layer) => "BackwardBatch" + layer;

        /// <summary>The members written for one declared layer (its property included).</summary>
        public static IEnumerable<string> Of(LayerSpec layer)
        {
            string n = layer.Name;
            yield return n;
            yield return Units(n);
            switch (layer)
            {
                case DenseSpec dense:
                    yield return Inputs(n);
                    yield return WeightOffset(n);
                    if (dense.HasBias) yield return BiasOffset(n);
                    break;
                case LayerNormSpec:
                    yield return GainOffset(n);
                    yield return ShiftOffset(n);
                    yield return Epsilon(n);
                    break;
                case BatchNormSpec:
                    yield return GainOffset(n);
                    yield return ShiftOffset(n);
                    yield return MeanOffset(n);
                    yield return VarianceOffset(n);
                    yield return Epsilon(n);
                    yield return Momentum(n);
                    break;
                case DropoutSpec:
                    yield return Rate(n);
                    break;
                case NormalizeSpec:
                    yield return MeanOffset(n);
                    yield return VarianceOffset(n);
                    break;
                case ActivationSpec:
                    yield break;
                default:
                    throw new System.ArgumentOutOfRangeException(nameof(layer), layer.GetType().Name, "Unknown layer kind.");
            }

            if (layer is DropoutSpec) yield break;
            yield return Forward(n);
            yield return Backward(n);
            yield return ForwardBatch(n);
            yield return BackwardBatch(n);
        }
    }
}
