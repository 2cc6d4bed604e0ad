using System.Collections.Generic;
using System.Linq;
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
    internal sealed class NormalizeEmitter(NormalizeSpec layer) : LayerEmitter
    {
        public override LayerSpec Layer => layer;

        public override string PropertyType => "global::" + NormalizeSpec.View;

        public override void EmitConstants(CodeWriter w)
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

        public override string Description() =>
            $"global::Backprop.LayerDescription.Normalize(\"{layer.Name}\", {Width(layer)}, {Offset(layer, MeanOffset(layer.Name))}, {Offset(layer, VarianceOffset(layer.Name))})";

        public override string Summary() => $"normalisation of {WidthText(layer)} input(s) by the mean and variance of the training data; a view of them";

        public override string View(int position, string shape) => $"new {PropertyType}({shape}.Layers[{position}], State)";

        public override IEnumerable<Buffer> Workspace(bool training, bool needsDelta)
        {
            yield return OutputBuffer();
        }

        /// <summary>The same in training and inference.</summary>
        public override void EmitForward(CodeWriter w, bool training, bool batched)
        {
            int l = layer.Index;
            string input = A(l - 1);
            w.Line($"{Forward(layer.Name)}(state, {input}, {A(l)}, {(batched ? "batchSize" : "1")}{SizedArgument(layer)}); // a{Sup(l)} = (x − μ)·r, the statistics of the training data");
        }

        public override void EmitBackward(CodeWriter w, bool batched) =>
            w.Line($"// Layer {layer.Index} ({layer.Name}) has no parameters and is the first layer: nothing to do.");

        public override void EmitMethods(CodeWriter w)
        {
            string n = layer.Name, sup = Sup(layer.Index), width = Width(layer), wt = WidthText(layer);
            w.Line();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), forward (training and inference): a{sup} = (x − μ)·r, r = 1/σ (1 where σ² = 0). Shapes: [rows×{wt}] → [rows×{wt}]. No backward: no parameters, and nothing before it.</summary>");
            w.Open($"private static void {Forward(n)}({ReadOnlySpan} state, {ReadOnlySpan} input, {Span} output, int rows{SizedParameter(layer)})");
            w.Line($"{Kernels}.NormalizeKernels.Forward(input, output, state.Slice({Offset(layer, MeanOffset(n))}, {width}), state.Slice({Offset(layer, VarianceOffset(n))}, {width}), rows, {width});");
            w.Close();
        }

        public override string Describe() => $"{layer.Name}[Normalize]";

        public override string? InputSizedTensors() => $"{layer.Name}'s μ[n] and σ²[n], in the state";

        public override IEnumerable<string> Members()
        {
            string n = layer.Name;
            return new[] { n, Units(n), MeanOffset(n), VarianceOffset(n) }.Concat(Methods(n));
        }

        /// <summary>
        /// The first layer, adapted from the data before training; it has no parameters and nothing before it needs δ, so it has
        /// no backward edge.
        /// </summary>
        public override void AddToGraph(MermaidGraph graph)
        {
            int l = layer.Index;
            string id = "a" + Num(l);
            graph.AddNode($"{id}[\"{MermaidGraph.Text($"{layer.Name} · Normalize<br/>a{Sup(l)} = (x − μ)/σ<br/>μ, σ² of the training data [{layer.Units}]")}\"]");
            graph.AddForward(graph.PreviousId, $"{graph.PreviousValue} [{layer.Units}]", id, graph.PreviousRecipe);
            graph.Advance(id, "a" + Sup(l), graph.Buffers[A(l)]);
        }
    }
}
