using System.Collections.Generic;
using Backprop.Generators.Model;
using static Backprop.Generators.Emit.Names;
using static Backprop.Generators.Model.MemberNames;

namespace Backprop.Generators.Emit.Layers
{
    /// <summary>
    /// Inverted dropout: in training aˡ = aˡ⁻¹ ⊙ mˡ with mˡ ∈ {0, 1/(1 − rate)} drawn from the step's seed, and backward
    /// multiplies by the same mask; in inference aˡ is aˡ⁻¹ (no code, no buffer).
    /// </summary>
    internal sealed class DropoutEmitter(DropoutSpec layer) : LayerEmitter
    {
        public override LayerSpec Layer => layer;

        public override string PropertyType => "global::" + DropoutSpec.View;

        public override void EmitConstants(CodeWriter w)
        {
            string n = layer.Name;
            if (!layer.WidthFromData)
            {
                w.Line($"/// <summary>Values passed through layer {n}.</summary>");
                w.Line($"public const int {Units(n)} = {layer.Units};");
            }

            w.Line($"/// <summary>Probability that {n} drops a value in training.</summary>");
            w.Line($"public const float {Rate(n)} = {Float(layer.Rate)};");
        }

        public override string Description() => $"global::Backprop.LayerDescription.Dropout(\"{layer.Name}\", {Width(layer)}, {Double(layer.Rate)})";

        public override string Summary() => $"dropout of {WidthText(layer)} value(s) at rate {layer.Rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

        public override string View(int position, string shape) => $"new {PropertyType}({shape}.Layers[{position}])";

        public override IEnumerable<Buffer> Workspace(bool training, bool needsDelta)
        {
            int l = layer.Index;
            if (!training)
            {
                yield return Buffer.Alias(A(l), A(l - 1), $"a{Sup(l)} = a{Sup(l - 1)}: dropout is the identity in inference");
                yield break;
            }

            string wt = WidthText(layer);
            yield return OutputBuffer();
            yield return Buffer.Rows(Mask(l), Width(layer), layer.Units, $"M{Sup(l)} [batch × {wt}]: 0 or 1/(1 − {layer.Rate.ToString(System.Globalization.CultureInfo.InvariantCulture)})");
            if (needsDelta) yield return DeltaBuffer();
        }

        /// <summary>No methods: its two kernel calls are written inline.</summary>
        public override void EmitMethods(CodeWriter w)
        {
        }

        /// <summary>In training aˡ = aˡ⁻¹ ⊙ mˡ; nothing in inference (aˡ is an alias of aˡ⁻¹).</summary>
        public override void EmitForward(CodeWriter w, bool training, bool batched)
        {
            if (!training) return;
            int l = layer.Index;
            w.Line($"{Kernels}.DropoutKernels.ForwardTraining({A(l - 1)}, {A(l)}, {Mask(l)}, {Rate(layer.Name)}, dropoutSeed, {Num(l)}); // a{Sup(l)} = a{Sup(l - 1)} ⊙ m{Sup(l)}");
        }

        public override void EmitBackward(CodeWriter w, bool batched)
        {
            int l = layer.Index;
            if (!layer.Propagates)
            {
                w.Line($"// Layer {l} ({layer.Name}) has no parameters and nothing before it needs ∂C/∂a{Sup(l - 1)}.");
                return;
            }

            w.Line($"{Kernels}.DropoutKernels.Backward({Mask(l)}, {Delta(l)}, {Delta(l - 1)}); // ∂C/∂a{Sup(l - 1)} = ∂C/∂a{Sup(l)} ⊙ m{Sup(l)}");
        }

        public override string Describe() => $"{layer.Name}[Dropout {layer.Rate.ToString(System.Globalization.CultureInfo.InvariantCulture)}]";

        /// <summary>None: dropout has no tensors.</summary>
        public override string? InputSizedTensors() => null;

        public override IEnumerable<string> Members() => new[] { layer.Name, Units(layer.Name), Rate(layer.Name) };

        /// <summary>A node with the mask, and ∂C/∂aˡ⁻¹ = ∂C/∂aˡ ⊙ mˡ back when the layer propagates.</summary>
        public override void AddToGraph(MermaidGraph graph)
        {
            int l = layer.Index;
            string sup = Sup(l), input = l == 1 ? "x" : "a" + Sup(l - 1);
            string id = "a" + Num(l), rate = layer.Rate.ToString(System.Globalization.CultureInfo.InvariantCulture);
            graph.AddNode($"{id}[/\"{MermaidGraph.Text($"{layer.Name} · Dropout {rate}<br/>a{sup} = {input} ⊙ m{sup}<br/>m{sup} ∈ {{0, 1/(1 − {rate})}} in training")}\"\\]");
            graph.AddForward(graph.PreviousId, $"{graph.PreviousValue} [{layer.Units}]", id, graph.PreviousRecipe);
            if (layer.Propagates)
            {
                string? recipe = graph.Buffers.TryGetValue(Delta(l), out string? delta) ? $"product {graph.Buffers[Mask(l)]} {delta}" : null;
                graph.PrependBackward(MermaidGraph.BackwardEdge(id, $"∂C/∂{input} = ∂C/∂a{sup} ⊙ m{sup} [{layer.Units}]", graph.PreviousId, recipe));
            }

            graph.Advance(id, "a" + sup, graph.Buffers[A(l)]);
        }
    }
}
