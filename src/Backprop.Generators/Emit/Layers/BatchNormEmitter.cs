using System.Collections.Generic;
using System.Linq;
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
    internal sealed class BatchNormEmitter(BatchNormSpec layer) : LayerEmitter
    {
        public override LayerSpec Layer => layer;

        public override string PropertyType => "global::" + BatchNormSpec.View;

        public override void EmitConstants(CodeWriter w)
        {
            string n = layer.Name;
            if (layer.WidthFromData)
            {
                w.Line($"/// <summary>Offset of {n}'s gain γ[n] in the parameter buffer of a network of n inputs: after every constant-size tensor.</summary>");
                w.Line($"public static int {GainOffset(n)}(int {InputCountName}) => {PerInputOffset("FixedParameterCount", layer.GainOffset)};");
                w.Line($"/// <summary>Offset of {n}'s shift β[n] in the parameter buffer of a network of n inputs.</summary>");
                w.Line($"public static int {ShiftOffset(n)}(int {InputCountName}) => {PerInputOffset("FixedParameterCount", layer.ShiftOffset)};");
                w.Line($"/// <summary>Offset of {n}'s running mean [n] in the state buffer of a network of n inputs: after every constant-size tensor.</summary>");
                w.Line($"public static int {MeanOffset(n)}(int {InputCountName}) => {PerInputOffset("FixedStateCount", layer.MeanOffset)};");
                w.Line($"/// <summary>Offset of {n}'s running variance [n] in the state buffer of a network of n inputs.</summary>");
                w.Line($"public static int {VarianceOffset(n)}(int {InputCountName}) => {PerInputOffset("FixedStateCount", layer.VarianceOffset)};");
                w.Line($"/// <summary>ε added to {n}'s variance.</summary>");
                w.Line($"public const float {Epsilon(n)} = {Float(layer.Epsilon)};");
                w.Line($"/// <summary>Weight of each batch in {n}'s running statistics.</summary>");
                w.Line($"public const float {Momentum(n)} = {Float(layer.Momentum)};");
                return;
            }

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

        public override string Description()
        {
            string n = layer.Name, width = Width(layer), wt = WidthText(layer);
            return $"global::Backprop.LayerDescription.BatchNorm(\"{n}\", {width}, {Offset(layer, GainOffset(n))}, {Offset(layer, ShiftOffset(n))}, {Offset(layer, MeanOffset(n))}, {Offset(layer, VarianceOffset(n))}, {Double(layer.Epsilon)}, {Double(layer.Momentum)})";
        }

        public override string Summary() => $"batch normalisation of {WidthText(layer)} feature(s); a view of its gain, shift, gradients and running statistics";

        public override string View(int position, string shape) => $"new {PropertyType}({shape}.Layers[{position}], Parameters, Gradients, State)";

        public override IEnumerable<Buffer> Workspace(bool training, bool needsDelta)
        {
            int l = layer.Index;
            string wt = WidthText(layer);
            yield return OutputBuffer();
            if (!training) yield break;
            if (needsDelta) yield return DeltaBuffer();
            yield return Buffer.Fixed(Mean(l), Width(layer), layer.Units, $"μ{Sup(l)} [{wt}]: the batch's mean per feature");
            yield return Buffer.Fixed(Reciprocal(l), Width(layer), layer.Units, $"r{Sup(l)} [{wt}]: the batch's 1/√(σ² + ε) per feature");
        }

        public override void EmitForward(CodeWriter w, bool training, bool batched)
        {
            int l = layer.Index;
            string input = A(l - 1);
            string rows = batched ? "batchSize" : "1";
            w.Line(training
                ? $"{ForwardBatch(layer.Name)}(parameters, state, {input}, {A(l)}, {Mean(l)}, {Reciprocal(l)}, {rows}{SizedArgument(layer)}); // a{Sup(l)} = γ{Sup(l)} ⊙ (a{Sup(l - 1)} − μ{Sup(l)})·r{Sup(l)} + β{Sup(l)}, batch statistics"
                : $"{Forward(layer.Name)}(parameters, state, {input}, {A(l)}, {rows}{SizedArgument(layer)}); // a{Sup(l)} = γ{Sup(l)} ⊙ (a{Sup(l - 1)} − running μ)/√(running σ² + ε) + β{Sup(l)}");
        }

        /// <summary>Batched only: a network with batch normalisation trains on mini-batches.</summary>
        public override void EmitBackward(CodeWriter w, bool batched)
        {
            int l = layer.Index;
            string input = A(l - 1);
            string inputDelta = layer.Propagates ? Delta(l - 1) : "default";
            w.Line($"{BackwardBatch(layer.Name)}(parameters, gradients, {input}, {Delta(l)}, {Mean(l)}, {Reciprocal(l)}, {inputDelta}, batchSize{SizedArgument(layer)}); // ∂γ{Sup(l)}, ∂β{Sup(l)}{(layer.Propagates ? $"; ∂C/∂a{Sup(l - 1)}" : "")}");
        }

        public override void EmitMethods(CodeWriter w)
        {
            string n = layer.Name, sup = Sup(layer.Index), prev = Sup(layer.Index - 1), width = Width(layer), wt = WidthText(layer);
            string gain = $"parameters.Slice({Offset(layer, GainOffset(n))}, {width})", shift = $"parameters.Slice({Offset(layer, ShiftOffset(n))}, {width})";
            w.Line();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), inference forward with the running statistics. Shapes: [rows×{wt}] → [rows×{wt}].</summary>");
            w.Open($"private static void {Forward(n)}({ReadOnlySpan} parameters, {ReadOnlySpan} state, {ReadOnlySpan} input, {Span} output, int rows{SizedParameter(layer)})");
            w.Line($"{Kernels}.BatchNormKernels.ForwardInference(input, output, {gain}, {shift}, state.Slice({Offset(layer, MeanOffset(n))}, {width}), state.Slice({Offset(layer, VarianceOffset(n))}, {width}), rows, {width}, {Epsilon(n)});");
            w.Close();
            w.Line();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), training forward: the batch's μ{sup}, r{sup} per feature; the running statistics move by {Momentum(n)}.</summary>");
            w.Open($"private static void {ForwardBatch(n)}({ReadOnlySpan} parameters, {Span} state, {ReadOnlySpan} input, {Span} output, {Span} means, {Span} reciprocals, int rows{SizedParameter(layer)})");
            w.Line($"{Kernels}.BatchNormKernels.ForwardTraining(input, output, {gain}, {shift}, means, reciprocals,");
            w.Line($"    state.Slice({Offset(layer, MeanOffset(n))}, {width}), state.Slice({Offset(layer, VarianceOffset(n))}, {width}), rows, {width}, {Epsilon(n)}, {Momentum(n)});");
            w.Close();
            w.Line();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), backward: ∂γ{sup} += Σ ∂a{sup} ⊙ x̂; ∂β{sup} += Σ ∂a{sup}; ∂C/∂a{prev} = (γ r / N)(N ∂a{sup} − Σ ∂a{sup} − x̂ Σ ∂a{sup} ⊙ x̂) per feature.</summary>");
            w.Open($"private static void {BackwardBatch(n)}({ReadOnlySpan} parameters, {Span} gradients, {ReadOnlySpan} input, {ReadOnlySpan} delta, {ReadOnlySpan} means, {ReadOnlySpan} reciprocals, {Span} inputDelta, int rows{SizedParameter(layer)})");
            w.Line($"{Kernels}.BatchNormKernels.Backward(input, delta, {gain}, means, reciprocals,");
            w.Line($"    gradients.Slice({Offset(layer, GainOffset(n))}, {width}), gradients.Slice({Offset(layer, ShiftOffset(n))}, {width}), inputDelta, rows, {width});");
            w.Close();
        }

        public override string Describe() => $"{layer.Name}[BatchNorm {WidthText(layer)}]";

        public override string? InputSizedTensors() => $"{layer.Name}'s γ[n], β[n] and running statistics";

        public override IEnumerable<string> Members()
        {
            string n = layer.Name;
            return new[] { n, Units(n), GainOffset(n), ShiftOffset(n), MeanOffset(n), VarianceOffset(n), Epsilon(n), Momentum(n) }.Concat(Methods(n));
        }

        public override void AddToGraph(MermaidGraph graph)
        {
            string sup = Sup(layer.Index);
            graph.AddNormalisation(layer, $"{layer.Name} · BatchNorm<br/>a{sup} = γ{sup} ⊙ (a{Sup(layer.Index - 1)} − μ_B)/√(σ_B² + ε) + β{sup}<br/>per feature; γ{sup}, β{sup} [{layer.Units}]");
        }
    }
}
