using System.Collections.Generic;
using System.Linq;
using Backprop.Generators.Model;
using static Backprop.Generators.Emit.Names;
using static Backprop.Generators.Model.MemberNames;

namespace Backprop.Generators.Emit.Layers
{
    /// <summary>
    /// RMS normalisation aˡ = γ ⊙ aˡ⁻¹·r over each sample's features (r = 1/√(mean((aˡ⁻¹)²) + ε)): forward and backward
    /// side by side over <c>RMSNormKernels</c>; training keeps r per sample.
    /// </summary>
    internal sealed class RMSNormEmitter(RMSNormSpec layer) : LayerEmitter
    {
        public override LayerSpec Layer => layer;

        public override string PropertyType => "global::" + RMSNormSpec.View;

        public override void EmitConstants(CodeWriter w)
        {
            string n = layer.Name;
            if (layer.WidthFromData)
            {
                w.Line($"/// <summary>Offset of {n}'s gain γ[n] in the parameter buffer of a network of n inputs: after every constant-size tensor.</summary>");
                w.Line($"public static int {GainOffset(n)}(int {InputCountName}) => {PerInputOffset("FixedParameterCount", layer.GainOffset)};");
                w.Line($"/// <summary>ε added to {n}'s mean square.</summary>");
                w.Line($"public const float {Epsilon(n)} = {Float(layer.Epsilon)};");
                return;
            }

            w.Line($"/// <summary>Features normalised by layer {n}.</summary>");
            w.Line($"public const int {Units(n)} = {layer.Units};");
            w.Line($"/// <summary>Offset of {n}'s gain γ[{layer.Units}] in the parameter buffer.</summary>");
            w.Line($"public const int {GainOffset(n)} = {layer.GainOffset};");
            w.Line($"/// <summary>ε added to {n}'s mean square.</summary>");
            w.Line($"public const float {Epsilon(n)} = {Float(layer.Epsilon)};");
        }

        public override string Description() =>
            $"global::Backprop.LayerDescription.RMSNorm(\"{layer.Name}\", {Width(layer)}, {Offset(layer, GainOffset(layer.Name))}, {Double(layer.Epsilon)})";

        public override string Summary() => $"RMS normalisation of {WidthText(layer)} feature(s); a view of its gain and its gradients";

        public override string View(int position, string shape) => $"new {PropertyType}({shape}.Layers[{position}], Parameters, Gradients)";

        public override IEnumerable<Buffer> Workspace(bool training, bool needsDelta)
        {
            int l = layer.Index;
            yield return OutputBuffer();
            if (!training) yield break;
            if (needsDelta) yield return DeltaBuffer();
            yield return Buffer.Rows(Reciprocal(l), "1", 1, $"r{Sup(l)} [batch]: each sample's 1/√(mean(x²) + ε)");
        }

        public override void EmitForward(CodeWriter w, bool training, bool batched)
        {
            int l = layer.Index;
            string input = A(l - 1);
            string rows = batched ? "batchSize" : "1";
            w.Line(training
                ? $"{Forward(layer.Name)}(parameters, {input}, {A(l)}, {Reciprocal(l)}, {rows}{SizedArgument(layer)}); // a{Sup(l)} = γ{Sup(l)} ⊙ a{Sup(l - 1)}·r{Sup(l)}"
                : $"{Forward(layer.Name)}(parameters, {input}, {A(l)}, {rows}{SizedArgument(layer)}); // a{Sup(l)} = γ{Sup(l)} ⊙ a{Sup(l - 1)}·r");
        }

        public override void EmitBackward(CodeWriter w, bool batched)
        {
            int l = layer.Index;
            string input = A(l - 1);
            string inputDelta = layer.Propagates ? Delta(l - 1) : "default";
            w.Line($"{Backward(layer.Name)}(parameters, gradients, {input}, {Delta(l)}, {Reciprocal(l)}, {inputDelta}, {(batched ? "batchSize" : "1")}{SizedArgument(layer)}); // ∂γ{Sup(l)}{(layer.Propagates ? $"; ∂C/∂a{Sup(l - 1)}" : "")}");
        }

        public override void EmitMethods(CodeWriter w)
        {
            string n = layer.Name, sup = Sup(layer.Index), prev = Sup(layer.Index - 1), width = Width(layer), wt = WidthText(layer);
            string gain = $"parameters.Slice({Offset(layer, GainOffset(n))}, {width})";
            w.Line();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), inference forward: a{sup} = γ{sup} ⊙ a{prev}·r, r = 1/√(mean((a{prev})²) + ε) per row. Shapes: [rows×{wt}] → [rows×{wt}].</summary>");
            w.Open($"private static void {Forward(n)}({ReadOnlySpan} parameters, {ReadOnlySpan} input, {Span} output, int rows{SizedParameter(layer)})");
            w.Line($"{Kernels}.RMSNormKernels.Forward(input.Slice(0, rows * {width}), output.Slice(0, rows * {width}), {gain}, {width}, {Epsilon(n)});");
            w.Close();
            w.Line();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), training forward: as inference, keeping each row's r{sup} = 1/√(mean((a{prev})²) + ε) for backward. Shapes: [rows×{wt}] → [rows×{wt}], r [rows].</summary>");
            w.Open($"private static void {Forward(n)}({ReadOnlySpan} parameters, {ReadOnlySpan} input, {Span} output, {Span} reciprocals, int rows{SizedParameter(layer)})");
            w.Line($"{Kernels}.RMSNormKernels.ForwardTraining(input.Slice(0, rows * {width}), output.Slice(0, rows * {width}), {gain}, reciprocals, {width}, {Epsilon(n)});");
            w.Close();
            w.Line();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), backward: ∂γ{sup} += Σ ∂a{sup} ⊙ x̂; ∂C/∂a{prev} = r·(g − x̂·mean(g ⊙ x̂)), g = ∂a{sup} ⊙ γ{sup}, x̂ = a{prev}·r. Shapes: [rows×{wt}] → [rows×{wt}].</summary>");
            w.Open($"private static void {Backward(n)}({ReadOnlySpan} parameters, {Span} gradients, {ReadOnlySpan} input, {ReadOnlySpan} delta, {ReadOnlySpan} reciprocals, {Span} inputDelta, int rows{SizedParameter(layer)})");
            w.Line($"{Kernels}.RMSNormKernels.Backward(input.Slice(0, rows * {width}), delta.Slice(0, rows * {width}), {gain}, reciprocals,");
            w.Line($"    gradients.Slice({Offset(layer, GainOffset(n))}, {width}), inputDelta.IsEmpty ? inputDelta : inputDelta.Slice(0, rows * {width}), {width});");
            w.Close();
        }

        public override string Describe() => $"{layer.Name}[RMSNorm {WidthText(layer)}]";

        public override string? InputSizedTensors() => $"{layer.Name}'s γ[n]";

        public override IEnumerable<string> Members()
        {
            string n = layer.Name;
            return new[] { n, Units(n), GainOffset(n), Epsilon(n) }.Concat(Methods(n));
        }

        public override void AddToGraph(MermaidGraph graph)
        {
            string sup = Sup(layer.Index);
            graph.AddNormalisation(layer, $"{layer.Name} · RMSNorm<br/>a{sup} = γ{sup} ⊙ a{Sup(layer.Index - 1)}/√(mean(x²) + ε)<br/>per sample; γ{sup} [{layer.Units}]");
        }
    }
}
