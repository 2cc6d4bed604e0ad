using System.Collections.Generic;
using Backprop.Generators.Model;
using static Backprop.Generators.Emit.Names;
using static Backprop.Generators.Model.MemberNames;

namespace Backprop.Generators.Emit.Layers
{
    /// <summary>
    /// Layer normalisation aˡ = γ ⊙ (aˡ⁻¹ − μ)·r + β over each sample's features (r = 1/√(σ² + ε)): forward and backward side
    /// by side over <c>LayerNormKernels</c>; training keeps μ and r per sample.
    /// </summary>
    internal static class LayerNormEmitter
    {
        public static void EmitConstants(CodeWriter w, LayerNormSpec layer)
        {
            string n = layer.Name;
            w.Line($"/// <summary>Features normalised by layer {n}.</summary>");
            w.Line($"public const int {Units(n)} = {layer.Units};");
            w.Line($"/// <summary>Offset of {n}'s gain γ[{layer.Units}] in the parameter buffer.</summary>");
            w.Line($"public const int {GainOffset(n)} = {layer.GainOffset};");
            w.Line($"/// <summary>Offset of {n}'s shift β[{layer.Units}] in the parameter buffer.</summary>");
            w.Line($"public const int {ShiftOffset(n)} = {layer.ShiftOffset};");
            w.Line($"/// <summary>ε added to {n}'s variance.</summary>");
            w.Line($"public const float {Epsilon(n)} = {Float(layer.Epsilon)};");
        }

        public static string Description(LayerNormSpec layer)
        {
            string n = layer.Name;
            return $"global::Backprop.LayerDescription.LayerNorm(\"{n}\", {Units(n)}, {GainOffset(n)}, {ShiftOffset(n)}, {Double(layer.Epsilon)})";
        }

        public static string Summary(LayerNormSpec layer) => $"layer normalisation of {layer.Units} feature(s); a view of its gain, shift and gradients";

        public static string View(LayerNormSpec layer, int position) => $"new global::Backprop.LayerNormLayer(Shape.Layers[{position}], Parameters, Gradients)";

        public static IEnumerable<Buffer> Workspace(LayerNormSpec layer, bool training, bool needsDelta)
        {
            int l = layer.Index;
            yield return Buffer.Rows(A(l), Units(layer.Name), layer.Units, $"A{Sup(l)} [batch × {layer.Units}]");
            if (!training) yield break;
            if (needsDelta) yield return Buffer.Rows(Delta(l), Units(layer.Name), layer.Units, $"Δ{Sup(l)} [batch × {layer.Units}]");
            yield return Buffer.Rows(Mean(l), "1", 1, $"μ{Sup(l)} [batch]: each sample's mean");
            yield return Buffer.Rows(Reciprocal(l), "1", 1, $"r{Sup(l)} [batch]: each sample's 1/√(σ² + ε)");
        }

        public static void EmitForwardCall(CodeWriter w, LayerNormSpec layer, string input, bool training, bool batched)
        {
            int l = layer.Index;
            string rows = batched ? "batchSize" : "1";
            w.Line(training
                ? $"{Forward(layer.Name)}(parameters, {input}, {A(l)}, {Mean(l)}, {Reciprocal(l)}, {rows}); // a{Sup(l)} = γ{Sup(l)} ⊙ (a{Sup(l - 1)} − μ{Sup(l)})·r{Sup(l)} + β{Sup(l)}"
                : $"{Forward(layer.Name)}(parameters, {input}, {A(l)}, {rows}); // a{Sup(l)} = γ{Sup(l)} ⊙ (a{Sup(l - 1)} − μ)·r + β{Sup(l)}");
        }

        public static void EmitBackwardCall(CodeWriter w, LayerNormSpec layer, string input, bool batched)
        {
            int l = layer.Index;
            string inputDelta = layer.Propagates ? Delta(l - 1) : "default";
            w.Line($"{Backward(layer.Name)}(parameters, gradients, {input}, {Delta(l)}, {Mean(l)}, {Reciprocal(l)}, {inputDelta}, {(batched ? "batchSize" : "1")}); // ∂γ{Sup(l)}, ∂β{Sup(l)}{(layer.Propagates ? $"; ∂C/∂a{Sup(l - 1)}" : "")}");
        }

        public static void EmitMethods(CodeWriter w, LayerNormSpec layer)
        {
            string n = layer.Name, sup = Sup(layer.Index), prev = Sup(layer.Index - 1);
            string gain = $"parameters.Slice({GainOffset(n)}, {Units(n)})", shift = $"parameters.Slice({ShiftOffset(n)}, {Units(n)})";
            w.Line();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), inference forward: a{sup} = γ{sup} ⊙ (a{prev} − μ)·r + β{sup} per row. Shapes: [rows×{layer.Units}] → [rows×{layer.Units}].</summary>");
            w.Open($"private static void {Forward(n)}({ReadOnlySpan} parameters, {ReadOnlySpan} input, {Span} output, int rows)");
            w.Line($"{Kernels}.LayerNormKernels.Forward(input.Slice(0, rows * {Units(n)}), output.Slice(0, rows * {Units(n)}), {gain}, {shift}, {Units(n)}, {Epsilon(n)});");
            w.Close();
            w.Line();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), training forward: as inference, keeping each row's μ{sup} and r{sup} = 1/√(σ² + ε) for backward.</summary>");
            w.Open($"private static void {Forward(n)}({ReadOnlySpan} parameters, {ReadOnlySpan} input, {Span} output, {Span} means, {Span} reciprocals, int rows)");
            w.Line($"{Kernels}.LayerNormKernels.ForwardTraining(input.Slice(0, rows * {Units(n)}), output.Slice(0, rows * {Units(n)}), {gain}, {shift}, means, reciprocals, {Units(n)}, {Epsilon(n)});");
            w.Close();
            w.Line();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), backward: ∂γ{sup} += Σ ∂a{sup} ⊙ x̂; ∂β{sup} += Σ ∂a{sup}; ∂C/∂a{prev} = r·(g − mean(g) − x̂·mean(g ⊙ x̂)), g = ∂a{sup} ⊙ γ{sup}.</summary>");
            w.Open($"private static void {Backward(n)}({ReadOnlySpan} parameters, {Span} gradients, {ReadOnlySpan} input, {ReadOnlySpan} delta, {ReadOnlySpan} means, {ReadOnlySpan} reciprocals, {Span} inputDelta, int rows)");
            w.Line($"{Kernels}.LayerNormKernels.Backward(input.Slice(0, rows * {Units(n)}), delta.Slice(0, rows * {Units(n)}), {gain}, means, reciprocals,");
            w.Line($"    gradients.Slice({GainOffset(n)}, {Units(n)}), gradients.Slice({ShiftOffset(n)}, {Units(n)}), inputDelta.IsEmpty ? inputDelta : inputDelta.Slice(0, rows * {Units(n)}), {Units(n)});");
            w.Close();
        }
    }
}
