using System.Collections.Generic;
using Backprop.Generators.Model;
using static Backprop.Generators.Emit.Names;
using static Backprop.Generators.Model.MemberNames;

namespace Backprop.Generators.Emit.Layers
{
    /// <summary>
    /// The input normalisation a¹ = (x − μ)·r per feature, r = 1/σ (1 where σ² = 0), with the mean and variance of the
    /// training data kept in the state buffer: the same in training and inference, over <c>NormalizeKernels</c>. It is the
    /// first layer and has no parameters, so its backward has nothing to do: ∂C/∂x is never needed.
    /// </summary>
    internal static class NormalizeEmitter
    {
        public static void EmitConstants(CodeWriter w, NormalizeSpec layer)
        {
            string n = layer.Name;
            if (layer.WidthFromData)
            {
                w.Line($"/// <summary>Offset of {n}'s mean μ[n] of the training data in the state buffer of a network of n inputs: after every constant-size tensor.</summary>");
                w.Line($"public static int {MeanOffset(n)}(int {InputCountName}) => {PerInputOffset("FixedStateCount", layer.MeanOffset)};");
                w.Line($"/// <summary>Offset of {n}'s variance σ²[n] of the training data in the state buffer of a network of n inputs.</summary>");
                w.Line($"public static int {VarianceOffset(n)}(int {InputCountName}) => {PerInputOffset("FixedStateCount", layer.VarianceOffset)};");
                return;
            }

            w.Line($"/// <summary>Features normalised by layer {n}.</summary>");
            w.Line($"public const int {Units(n)} = {layer.Units};");
            w.Line($"/// <summary>Offset of {n}'s mean μ[{layer.Units}] of the training data in the state buffer.</summary>");
            w.Line($"public const int {MeanOffset(n)} = {layer.MeanOffset};");
            w.Line($"/// <summary>Offset of {n}'s variance σ²[{layer.Units}] of the training data in the state buffer.</summary>");
            w.Line($"public const int {VarianceOffset(n)} = {layer.VarianceOffset};");
        }

        public static string Description(NormalizeSpec layer) =>
            $"global::Backprop.LayerDescription.Normalize(\"{layer.Name}\", {Width(layer)}, {Offset(layer, MeanOffset(layer.Name))}, {Offset(layer, VarianceOffset(layer.Name))})";

        public static string Summary(NormalizeSpec layer) => $"normalisation of {WidthText(layer)} input(s) by the mean and variance of the training data; a view of them";

        public static string View(NormalizeSpec layer, int position, string shape) => $"new global::Backprop.NormalizeLayer({shape}.Layers[{position}], State)";

        public static IEnumerable<Buffer> Workspace(NormalizeSpec layer)
        {
            int l = layer.Index;
            yield return Buffer.Rows(A(l), Width(layer), layer.Units, $"A{Sup(l)} [batch × {WidthText(layer)}]");
        }

        public static void EmitForwardCall(CodeWriter w, NormalizeSpec layer, string input, bool batched)
        {
            int l = layer.Index;
            w.Line($"{Forward(layer.Name)}(state, {input}, {A(l)}, {(batched ? "batchSize" : "1")}{SizedArgument(layer)}); // a{Sup(l)} = (x − μ)·r, the statistics of the training data");
        }

        public static void EmitBackwardCall(CodeWriter w, NormalizeSpec layer) =>
            w.Line($"// Layer {layer.Index} ({layer.Name}) has no parameters and is the first layer: nothing to do.");

        public static void EmitMethods(CodeWriter w, NormalizeSpec layer)
        {
            string n = layer.Name, sup = Sup(layer.Index), width = Width(layer), wt = WidthText(layer);
            w.Line();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), forward (training and inference): a{sup} = (x − μ)·r, r = 1/σ (1 where σ² = 0). Shapes: [rows×{wt}] → [rows×{wt}]. No backward: no parameters, and nothing before it.</summary>");
            w.Open($"private static void {Forward(n)}({ReadOnlySpan} state, {ReadOnlySpan} input, {Span} output, int rows{SizedParameter(layer)})");
            w.Line($"{Kernels}.NormalizeKernels.Forward(input, output, state.Slice({Offset(layer, MeanOffset(n))}, {width}), state.Slice({Offset(layer, VarianceOffset(n))}, {width}), rows, {width});");
            w.Close();
        }
    }
}
