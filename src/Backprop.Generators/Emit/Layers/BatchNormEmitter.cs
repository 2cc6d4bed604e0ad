using System.Collections.Generic;
using Backprop.Generators.Model;
using static Backprop.Generators.Emit.Names;
using static Backprop.Generators.Model.MemberNames;

namespace Backprop.Generators.Emit.Layers
{
    /// <summary>
    /// Batch normalisation aˡ = γ ⊙ (aˡ⁻¹ − μ)·r + β per feature: training uses the batch's μ and r = 1/√(σ² + ε) and moves the
    /// running statistics in the state buffer; inference uses the running statistics. Forward and backward side by side over
    /// <c>BatchNormKernels</c>.
    /// </summary>
    internal static class BatchNormEmitter
    {
        public static void EmitConstants(CodeWriter w, BatchNormSpec layer)
        {
            string n = layer.Name;
            w.Line($"/// <summary>Features normalised by layer {n}.</summary>");
            w.Line($"public const int {Units(n)} = {layer.Units};");
            w.Line($"/// <summary>Offset of {n}'s gain γ[{layer.Units}] in the parameter buffer.</summary>");
            w.Line($"public const int {GainOffset(n)} = {layer.GainOffset};");
            w.Line($"/// <summary>Offset of {n}'s shift β[{layer.Units}] in the parameter buffer.</summary>");
            w.Line($"public const int {ShiftOffset(n)} = {layer.ShiftOffset};");
            w.Line($"/// <summary>Offset of {n}'s running mean [{layer.Units}] in the state buffer.</summary>");
            w.Line($"public const int {MeanOffset(n)} = {layer.MeanOffset};");
            w.Line($"/// <summary>Offset of {n}'s running variance [{layer.Units}] in the state buffer.</summary>");
            w.Line($"public const int {VarianceOffset(n)} = {layer.VarianceOffset};");
            w.Line($"/// <summary>ε added to {n}'s variance.</summary>");
            w.Line($"public const float {Epsilon(n)} = {Float(layer.Epsilon)};");
            w.Line($"/// <summary>Weight of each batch in {n}'s running statistics.</summary>");
            w.Line($"public const float {Momentum(n)} = {Float(layer.Momentum)};");
        }

        public static string Description(BatchNormSpec layer)
        {
            string n = layer.Name;
            return $"global::Backprop.LayerDescription.BatchNorm(\"{n}\", {Units(n)}, {GainOffset(n)}, {ShiftOffset(n)}, {MeanOffset(n)}, {VarianceOffset(n)}, {Double(layer.Epsilon)}, {Double(layer.Momentum)})";
        }

        public static string Summary(BatchNormSpec layer) => $"batch normalisation of {layer.Units} feature(s); a view of its gain, shift, gradients and running statistics";

        public static string View(BatchNormSpec layer, int position) => $"new global::Backprop.BatchNormLayer(Shape.Layers[{position}], Parameters, Gradients, State)";

        public static IEnumerable<Buffer> Workspace(BatchNormSpec layer, bool training, bool needsDelta)
        {
            int l = layer.Index;
            yield return Buffer.Rows(A(l), Units(layer.Name), layer.Units, $"A{Sup(l)} [batch × {layer.Units}]");
            if (!training) yield break;
            if (needsDelta) yield return Buffer.Rows(Delta(l), Units(layer.Name), layer.Units, $"Δ{Sup(l)} [batch × {layer.Units}]");
            yield return Buffer.Fixed(Mean(l), Units(layer.Name), layer.Units, $"μ{Sup(l)} [{layer.Units}]: the batch's mean per feature");
            yield return Buffer.Fixed(Reciprocal(l), Units(layer.Name), layer.Units, $"r{Sup(l)} [{layer.Units}]: the batch's 1/√(σ² + ε) per feature");
        }

        public static void EmitForwardCall(CodeWriter w, BatchNormSpec layer, string input, bool training, bool batched)
        {
            int l = layer.Index;
            string rows = batched ? "batchSize" : "1";
            w.Line(training
                ? $"{ForwardBatch(layer.Name)}(parameters, state, {input}, {A(l)}, {Mean(l)}, {Reciprocal(l)}, {rows}); // a{Sup(l)} = γ{Sup(l)} ⊙ (a{Sup(l - 1)} − μ{Sup(l)})·r{Sup(l)} + β{Sup(l)}, batch statistics"
                : $"{Forward(layer.Name)}(parameters, state, {input}, {A(l)}, {rows}); // a{Sup(l)} = γ{Sup(l)} ⊙ (a{Sup(l - 1)} − running μ)/√(running σ² + ε) + β{Sup(l)}");
        }

        public static void EmitBackwardCall(CodeWriter w, BatchNormSpec layer, string input)
        {
            int l = layer.Index;
            string inputDelta = layer.Propagates ? Delta(l - 1) : "default";
            w.Line($"{BackwardBatch(layer.Name)}(parameters, gradients, {input}, {Delta(l)}, {Mean(l)}, {Reciprocal(l)}, {inputDelta}, batchSize); // ∂γ{Sup(l)}, ∂β{Sup(l)}{(layer.Propagates ? $"; ∂C/∂a{Sup(l - 1)}" : "")}");
        }

        public static void EmitMethods(CodeWriter w, BatchNormSpec layer)
        {
            string n = layer.Name, sup = Sup(layer.Index), prev = Sup(layer.Index - 1);
            string gain = $"parameters.Slice({GainOffset(n)}, {Units(n)})", shift = $"parameters.Slice({ShiftOffset(n)}, {Units(n)})";
            w.Line();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), inference forward with the running statistics. Shapes: [rows×{layer.Units}] → [rows×{layer.Units}].</summary>");
            w.Open($"private static void {Forward(n)}({ReadOnlySpan} parameters, {ReadOnlySpan} state, {ReadOnlySpan} input, {Span} output, int rows)");
            w.Line($"{Kernels}.BatchNormKernels.ForwardInference(input, output, {gain}, {shift}, state.Slice({MeanOffset(n)}, {Units(n)}), state.Slice({VarianceOffset(n)}, {Units(n)}), rows, {Units(n)}, {Epsilon(n)});");
            w.Close();
            w.Line();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), training forward: the batch's μ{sup}, r{sup} per feature; the running statistics move by {Momentum(n)}.</summary>");
            w.Open($"private static void {ForwardBatch(n)}({ReadOnlySpan} parameters, {Span} state, {ReadOnlySpan} input, {Span} output, {Span} means, {Span} reciprocals, int rows)");
            w.Line($"{Kernels}.BatchNormKernels.ForwardTraining(input, output, {gain}, {shift}, means, reciprocals,");
            w.Line($"    state.Slice({MeanOffset(n)}, {Units(n)}), state.Slice({VarianceOffset(n)}, {Units(n)}), rows, {Units(n)}, {Epsilon(n)}, {Momentum(n)});");
            w.Close();
            w.Line();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), backward: ∂γ{sup} += Σ ∂a{sup} ⊙ x̂; ∂β{sup} += Σ ∂a{sup}; ∂C/∂a{prev} = (γ r / N)(N ∂a{sup} − Σ ∂a{sup} − x̂ Σ ∂a{sup} ⊙ x̂) per feature.</summary>");
            w.Open($"private static void {BackwardBatch(n)}({ReadOnlySpan} parameters, {Span} gradients, {ReadOnlySpan} input, {ReadOnlySpan} delta, {ReadOnlySpan} means, {ReadOnlySpan} reciprocals, {Span} inputDelta, int rows)");
            w.Line($"{Kernels}.BatchNormKernels.Backward(input, delta, {gain}, means, reciprocals,");
            w.Line($"    gradients.Slice({GainOffset(n)}, {Units(n)}), gradients.Slice({ShiftOffset(n)}, {Units(n)}), inputDelta, rows, {Units(n)});");
            w.Close();
        }
    }
}
