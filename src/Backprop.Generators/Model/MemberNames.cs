using System.Collections.Generic;

namespace Backprop.Generators.Model
{
    /// <summary>
    /// The names of the members the generator writes: the network's own here, each layer's from its emitter
    /// (<see cref="Emit.Layers.LayerEmitter.Members"/>) over these helpers; the parser checks that no layer or user member takes one.
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

        /// <summary>The paired forward and backward methods of a layer, which every layer with methods writes.</summary>
        public static IEnumerable<string> Methods(string layer) => new[] { Forward(layer), Backward(layer), ForwardBatch(layer), BackwardBatch(layer) };
    }
}
