using System.Collections.Generic;
using System.Linq;
using Backprop.Generators.Model;
using static Backprop.Generators.Emit.Names;
using static Backprop.Generators.Model.MemberNames;

namespace Backprop.Generators.Emit.Layers
{
    /// <summary>
    /// Layer normalisation aˡ = γ ⊙ (aˡ⁻¹ − μ)·r + β over each sample's features (r = 1/√(σ² + ε)): forward and backward side
    /// by side over <c>LayerNormKernels</c>; training keeps μ and r per sample.
    /// </summary>
    internal sealed class LayerNormEmitter(LayerNormSpec layer) : LayerEmitter
    {
        public override LayerSpec Layer => layer;

        public override string PropertyType => "global::" + LayerNormSpec.View;

        public override void EmitConstants(CodeWriter w)
        {
            string n = layer.Name;
            if (layer.WidthFromData)
            {
                w.Line($"/// <summary>Offset of {n}'s gain γ[n] in the parameter buffer of a network of n inputs: after every constant-size tensor.</summary>");
                w.Line($"public static int {GainOffset(n)}(int {InputCountName}) => {PerInputOffset("FixedParameterCount", layer.GainOffset)};");
                w.Line($"/// <summary>Offset of {n}'s shift β[n] in the parameter buffer of a network of n inputs.</summary>");
                w.Line($"public static int {ShiftOffset(n)}(int {InputCountName}) => {PerInputOffset("FixedParameterCount", layer.ShiftOffset)};");
                w.Line($"/// <summary>ε added to {n}'s variance.</summary>");
                w.Line($"public const float {Epsilon(n)} = {Float(layer.Epsilon)};");
                return;
            }

            w.Line($"/// <summary>Features normalised by layer {n}.</summary>");
            w.Line($"public const int {Units(n)} = {layer.Units};");
            w.Line($"/// <summary>Offset of {n}'s gain γ[{layer.Units}] in the parameter buffer.</summary>");
            w.Line($"public const int {GainOffset(n)} = {layer.GainOffset};");
            w.Line($"/// <summary>Offset of {n}'s shift β[{layer.Units}] in the parameter buffer.</summary>");
            w.Line($"public const int {ShiftOffset(n)} = {layer.ShiftOffset};");
            w.Line($"/// <summary>ε added to {n}'s variance.</summary>");
            w.Line($"public const float {Epsilon(n)} = {Float(layer.Epsilon)};");
        }

        public override string Description()
        {
            string n = layer.Name, width = Width(layer), wt = WidthText(layer);
            return $"global::Backprop.LayerDescription.LayerNorm(\"{n}\", {width}, {Offset(layer, GainOffset(n))}, {Offset(layer, ShiftOffset(n))}, {Double(layer.Epsilon)})";
        }

        public override string Summary() => $"layer normalisation of {WidthText(layer)} feature(s); a view of its gain, shift and gradients";

        public override string View(int position, string shape) => $"new {PropertyType}({shape}.Layers[{position}], Parameters, Gradients)";

        public override IEnumerable<Buffer> Workspace(bool training, bool needsDelta)
        {
            int l = layer.Index;
            yield return OutputBuffer();
            if (!training) yield break;
            if (needsDelta) yield return DeltaBuffer();
            yield return Buffer.Rows(Mean(l), "1", 1, $"μ{Sup(l)} [batch]: each sample's mean");
            yield return Buffer.Rows(Reciprocal(l), "1", 1, $"r{Sup(l)} [batch]: each sample's 1/√(σ² + ε)");
        }

        public override void EmitForward(CodeWriter w, bool training, bool batched)
        {
            int l = layer.Index;
            string input = A(l - 1);
            string rows = batched ? "batchSize" : "1";
            w.Line(training
                ? $"{Forward(layer.Name)}(parameters, {input}, {A(l)}, {Mean(l)}, {Reciprocal(l)}, {rows}{SizedArgument(layer)}); // a{Sup(l)} = γ{Sup(l)} ⊙ (a{Sup(l - 1)} − μ{Sup(l)})·r{Sup(l)} + β{Sup(l)}"
                : $"{Forward(layer.Name)}(parameters, {input}, {A(l)}, {rows}{SizedArgument(layer)}); // a{Sup(l)} = γ{Sup(l)} ⊙ (a{Sup(l - 1)} − μ)·r + β{Sup(l)}");
        }

        public override void EmitBackward(CodeWriter w, bool batched)
        {
            int l = layer.Index;
            string input = A(l - 1);
            string inputDelta = layer.Propagates ? Delta(l - 1) : "default";
            w.Line($"{Backward(layer.Name)}(parameters, gradients, {input}, {Delta(l)}, {Mean(l)}, {Reciprocal(l)}, {inputDelta}, {(batched ? "batchSize" : "1")}{SizedArgument(layer)}); // ∂γ{Sup(l)}, ∂β{Sup(l)}{(layer.Propagates ? $"; ∂C/∂a{Sup(l - 1)}" : "")}");
        }

        public override void EmitMethods(CodeWriter w)
        {
            string n = layer.Name, sup = Sup(layer.Index), prev = Sup(layer.Index - 1), width = Width(layer), wt = WidthText(layer);
            string gain = $"parameters.Slice({Offset(layer, GainOffset(n))}, {width})", shift = $"parameters.Slice({Offset(layer, ShiftOffset(n))}, {width})";
            w.Line();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), inference forward: a{sup} = γ{sup} ⊙ (a{prev} − μ)·r + β{sup} per row. Shapes: [rows×{wt}] → [rows×{wt}].</summary>");
            w.Open($"private static void {Forward(n)}({ReadOnlySpan} parameters, {ReadOnlySpan} input, {Span} output, int rows{SizedParameter(layer)})");
            w.Line($"{Kernels}.LayerNormKernels.Forward(input.Slice(0, rows * {width}), output.Slice(0, rows * {width}), {gain}, {shift}, {width}, {Epsilon(n)});");
            w.Close();
            w.Line();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), training forward: as inference, keeping each row's μ{sup} and r{sup} = 1/√(σ² + ε) for backward.</summary>");
            w.Open($"private static void {Forward(n)}({ReadOnlySpan} parameters, {ReadOnlySpan} input, {Span} output, {Span} means, {Span} reciprocals, int rows{SizedParameter(layer)})");
            w.Line($"{Kernels}.LayerNormKernels.ForwardTraining(input.Slice(0, rows * {width}), output.Slice(0, rows * {width}), {gain}, {shift}, means, reciprocals, {width}, {Epsilon(n)});");
            w.Close();
            w.Line();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), backward: ∂γ{sup} += Σ ∂a{sup} ⊙ x̂; ∂β{sup} += Σ ∂a{sup}; ∂C/∂a{prev} = r·(g − mean(g) − x̂·mean(g ⊙ x̂)), g = ∂a{sup} ⊙ γ{sup}.</summary>");
            w.Open($"private static void {Backward(n)}({ReadOnlySpan} parameters, {Span} gradients, {ReadOnlySpan} input, {ReadOnlySpan} delta, {ReadOnlySpan} means, {ReadOnlySpan} reciprocals, {Span} inputDelta, int rows{SizedParameter(layer)})");
            w.Line($"{Kernels}.LayerNormKernels.Backward(input.Slice(0, rows * {width}), delta.Slice(0, rows * {width}), {gain}, means, reciprocals,");
            w.Line($"    gradients.Slice({Offset(layer, GainOffset(n))}, {width}), gradients.Slice({Offset(layer, ShiftOffset(n))}, {width}), inputDelta.IsEmpty ? inputDelta : inputDelta.Slice(0, rows * {width}), {width});");
            w.Close();
        }

        public override string Describe() => $"{layer.Name}[LayerNorm {WidthText(layer)}]";

        public override string? InputSizedTensors() => $"{layer.Name}'s γ[n] and β[n]";

        public override IEnumerable<string> Members()
        {
            string n = layer.Name;
            return new[] { n, Units(n), GainOffset(n), ShiftOffset(n), Epsilon(n) }.Concat(Methods(n));
        }

        public override void AddToGraph(MermaidGraph graph)
        {
            string sup = Sup(layer.Index);
            graph.AddNormalisation(layer, $"{layer.Name} · LayerNorm<br/>a{sup} = γ{sup} ⊙ (a{Sup(layer.Index - 1)} − μ)/√(σ² + ε) + β{sup}<br/>per sample; γ{sup}, β{sup} [{layer.Units}]");
        }
    }
}
