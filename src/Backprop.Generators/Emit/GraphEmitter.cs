using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Backprop.Generators.Model;
using static Backprop.Generators.Emit.Names;

namespace Backprop.Generators.Emit
{
    /// <summary>
    /// The computational graph of a network as a Mermaid flowchart, written at compile time: a node per operation (input,
    /// affine map, activation, normalisation, dropout, target, loss), the forward edges with the value and shape they carry
    /// (solid), then the backward edges with the error signal δ they carry (dotted), from the loss back to the first layer.
    /// Exposed as the generated constant <c>ComputationGraph</c> and in the class's doc comment.
    /// </summary>
    /// <remarks>
    /// After each edge, a Mermaid comment (<c>%% value …</c>, ignored by renderers) says where the training pass
    /// (<c>BackwardBatch</c>) keeps the numbers of that edge: a slice of its workspace (the offsets come from the same buffer
    /// list the pass is written from), the input, the target, or one product away from those (zˡ = Wˡaˡ⁻¹ + bˡ, Wˡᵀδˡ, m ⊙ δ,
    /// the loss's ∂C/∂a). <c>Backprop.Inspection.ComputationGraphValues</c> reads these to print the graph with numbers.
    /// An edge without such a line (∂C/∂aˡ into an activation after a normalisation: the pass overwrites it with δˡ) keeps
    /// its formula only.
    /// </remarks>
    internal static class GraphEmitter
    {
        /// <summary>Mermaid ids of the three nodes outside the layers.</summary>
        private const string InputId = "input", TargetId = "target", LossId = "loss";

        /// <summary>Writes <c>public const string ComputationGraph</c>, one Mermaid line per C# line.</summary>
        public static void EmitConstant(CodeWriter w, NetworkSpec spec)
        {
            string[] lines = Mermaid(spec).Split('\n');
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// The computational graph as a Mermaid flowchart: forward nodes and the shapes on their edges, then the backward");
            w.Line("/// edges with the error signals δ they carry. <c>Backprop.Inspection.ComputationGraphValues.Fill</c> puts a sample's numbers on the edges.");
            w.Line("/// </summary>");
            w.Line("public const string ComputationGraph =");
            for (int i = 0; i < lines.Length; i++)
                w.Line($"    \"{Escape(lines[i])}{(i < lines.Length - 1 ? "\\n\" +" : "\";")}");
        }

        /// <summary>Writes the graph into the class's doc comment, as a <c>&lt;code&gt;</c> block of Mermaid without the value lines.</summary>
        public static void EmitDocComment(CodeWriter w, NetworkSpec spec)
        {
            w.Line("/// <remarks>");
            w.Line("/// The computational graph (<see cref=\"ComputationGraph\"/>), Mermaid:");
            w.Line("/// <code>");
            foreach (string line in Mermaid(spec).Split('\n'))
                if (!line.TrimStart().StartsWith("%% value", StringComparison.Ordinal))
                    w.Line("/// " + line.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;"));
            w.Line("/// </code>");
            w.Line("/// </remarks>");
        }

        /// <summary>The Mermaid text, lines separated by <c>\n</c>, no trailing newline.</summary>
        public static string Mermaid(NetworkSpec spec)
        {
            Dictionary<string, string> buffers = TrainingBuffers(spec);
            var nodes = new List<string>();
            var forward = new List<(string Line, string? Value)>();
            var backward = new List<(string Line, string? Value)>();

            nodes.Add($"{InputId}([\"input x [{spec.Inputs}]\"])");
            string previousId = InputId, previousValue = "x", previousRecipe = "input";
            LayerSpec? previousLayer = null;
            for (int i = 0; i < spec.Nodes.Count; i++)
            {
                LayerSpec node = spec.Nodes[i];
                int l = node.Index;
                string sup = Sup(l), input = l == 1 ? "x" : "a" + Sup(l - 1);
                switch (node)
                {
                    case DenseSpec dense:
                    {
                        var activation = (ActivationSpec)spec.Nodes[i + 1];
                        var group = new List<(string Line, string? Value)>();
                        bool identity = activation.Activation == Activation.Identity;
                        string zId = "z" + Num(l), aId = identity ? zId : "a" + Num(l);
                        string parameters = $"W{sup} [{dense.Units}×{dense.Inputs}]" + (dense.HasBias ? $", b{sup} [{dense.Units}]" : ", no bias");
                        nodes.Add($"{zId}[\"{Text($"{dense.Name} · affine<br/>z{sup} = W{sup}{input}{(dense.HasBias ? $" + b{sup}" : "")}<br/>{parameters}")}\"]");
                        forward.Add(Edge(previousId, "-->", $"{previousValue} [{dense.Inputs}]", zId, previousRecipe));
                        string zRecipe = buffers.TryGetValue(Z(l), out string? kept) ? kept : $"affine {Num(l - 1)} {previousRecipe}";
                        if (!identity)
                        {
                            ActivationInfoAttribute info = ActivationTable.Of(activation.Activation);
                            string rule = activation.Activation == Activation.Softmax ? $"softmax(z{sup})" : info.Formula.Replace("z", "z" + sup);
                            string derivative = activation.FusedWithLoss ? "f′ fused with the loss" : $"f′ = {Derivative(info.Derivative, sup)}";
                            nodes.Add($"{aId}(\"{Text($"{dense.Name} · {activation.Activation}<br/>a{sup} = {rule}<br/>{derivative}")}\")");
                            forward.Add(Edge(zId, "-->", $"z{sup} [{dense.Units}]", aId, zRecipe));
                            if (!activation.FusedWithLoss)
                                group.Add(Edge(aId, "-.->", $"δ{sup} = {IncomingDelta(spec, i + 1, l)} ⊙ f′(z{sup}) [{dense.Units}]", zId, buffers[Delta(l)]));
                        }

                        if (dense.Propagates)
                        {
                            bool afterIdentity = spec.Nodes[i - 1] is ActivationSpec { Activation: Activation.Identity };
                            string into = afterIdentity ? $"δ{Sup(l - 1)} = ∂C/∂a{Sup(l - 1)}" : "∂C/∂a" + Sup(l - 1);
                            string back = $"{into} = W{sup}ᵀδ{sup} [{dense.Inputs}]";
                            group.Add(Edge(zId, "-.->", back, previousId, $"transposed {Num(l - 1)} {buffers[Delta(l)]}"));
                        }

                        previousId = aId;
                        previousValue = identity ? $"a{sup} = z{sup}" : "a" + sup;
                        previousRecipe = buffers[A(l)];
                        previousLayer = dense;
                        backward.InsertRange(0, group);
                        i++; // the activation node was written with its layer
                        break;
                    }

                    case LayerNormSpec norm:
                        AddNormalisation(nodes, forward, backward, buffers, spec, i, norm, $"{norm.Name} · LayerNorm<br/>a{sup} = γ{sup} ⊙ (a{Sup(l - 1)} − μ)/√(σ² + ε) + β{sup}<br/>per sample; γ{sup}, β{sup} [{norm.Units}]",
                            ref previousId, ref previousValue, ref previousRecipe, previousLayer);
                        previousLayer = norm;
                        break;

                    case BatchNormSpec norm:
                        AddNormalisation(nodes, forward, backward, buffers, spec, i, norm, $"{norm.Name} · BatchNorm<br/>a{sup} = γ{sup} ⊙ (a{Sup(l - 1)} − μ_B)/√(σ_B² + ε) + β{sup}<br/>per feature; γ{sup}, β{sup} [{norm.Units}]",
                            ref previousId, ref previousValue, ref previousRecipe, previousLayer);
                        previousLayer = norm;
                        break;

                    case DropoutSpec dropout:
                    {
                        string id = "a" + Num(l), rate = dropout.Rate.ToString(CultureInfo.InvariantCulture);
                        nodes.Add($"{id}[/\"{Text($"{dropout.Name} · Dropout {rate}<br/>a{sup} = {input} ⊙ m{sup}<br/>m{sup} ∈ {{0, 1/(1 − {rate})}} in training")}\"\\]");
                        forward.Add(Edge(previousId, "-->", $"{previousValue} [{dropout.Units}]", id, previousRecipe));
                        if (dropout.Propagates)
                        {
                            string into = l == 1 ? "x" : "a" + Sup(l - 1);
                            string? recipe = buffers.TryGetValue(Delta(l), out string? delta) ? $"product {buffers[Mask(l)]} {delta}" : null;
                            backward.Insert(0, Edge(id, "-.->", $"∂C/∂{into} = ∂C/∂a{sup} ⊙ m{sup} [{dropout.Units}]", previousId, recipe));
                        }

                        previousId = id;
                        previousValue = "a" + sup;
                        previousRecipe = buffers[A(l)];
                        previousLayer = dropout;
                        break;
                    }

                    case NormalizeSpec normalize:
                    {
                        // The first layer, adapted from the data before training; it has no parameters and nothing before it needs δ.
                        string id = "a" + Num(l);
                        nodes.Add($"{id}[\"{Text($"{normalize.Name} · Normalize<br/>a{sup} = (x − μ)/σ<br/>μ, σ² of the training data [{normalize.Units}]")}\"]");
                        forward.Add(Edge(previousId, "-->", $"{previousValue} [{normalize.Units}]", id, previousRecipe));
                        previousId = id;
                        previousValue = "a" + sup;
                        previousRecipe = buffers[A(l)];
                        previousLayer = normalize;
                        break;
                    }

                    case ActivationSpec:
                        throw new InvalidOperationException("An activation node without its dense layer.");

                    default:
                        throw new ArgumentOutOfRangeException(nameof(spec), node.GetType().Name, "Unknown layer kind.");
                }
            }

            // The loss node (the backward edges, each layer's put first, now run from the loss to the first layer): C from the output and the target, and the output error signal back.
            int last = spec.LayerCount;
            string lastSup = Sup(last);
            var output = (ActivationSpec)spec.Nodes[spec.Nodes.Count - 1];
            nodes.Add($"{TargetId}([\"target t [{spec.OutputCount}]\"])");
            nodes.Add($"{LossId}{{{{\"{Text($"loss · {spec.Loss}<br/>{LossFormula(spec.Loss, lastSup)}")}\"}}}}");
            forward.Add(Edge(previousId, "-->", $"a{lastSup} [{spec.OutputCount}]", LossId, buffers[A(last)]));
            forward.Add(Edge(TargetId, "-->", $"t [{spec.OutputCount}]", LossId, "target"));
            string affineId = "z" + Num(last);
            if (output.FusedWithLoss)
                backward.Insert(0, Edge(LossId, "-.->", $"δ{lastSup} = ∂C/∂z{lastSup} = a{lastSup} − t [{spec.OutputCount}]", affineId, buffers[Delta(last)]));
            else if (output.Activation == Activation.Identity)
                backward.Insert(0, Edge(LossId, "-.->", $"δ{lastSup} = ∂C/∂z{lastSup} = ∂C/∂a{lastSup} = {LossDerivative(spec.Loss, lastSup)} [{spec.OutputCount}]", affineId, buffers[Delta(last)]));
            else
                backward.Insert(0, Edge(LossId, "-.->", $"∂C/∂a{lastSup} = {LossDerivative(spec.Loss, lastSup)} [{spec.OutputCount}]", previousId, $"lossgradient {buffers[A(last)]}"));

            var text = new StringBuilder();
            text.Append("flowchart LR\n");
            text.Append($"    %% {spec.ClassName}: forward edges (solid) carry values, backward edges (dotted) the error signals δ; shapes per sample.\n");
            foreach (string node in nodes) text.Append("    ").Append(node).Append('\n');
            text.Append("    %% value loss\n");
            foreach ((string line, string? value) in forward.Concat(backward))
            {
                text.Append("    ").Append(line).Append('\n');
                if (value is not null) text.Append("    %% value ").Append(value).Append('\n');
            }

            string mermaid = text.ToString().TrimEnd('\n');
            // A network sized by the data has input-sized widths of 0 in its spec: they are n, the input count given at run time.
            return spec.InputsFromData ? mermaid.Replace("[0]", "[n]").Replace("×0]", "×n]").Replace("[0×", "[n×") : mermaid;
        }

        private static void AddNormalisation(List<string> nodes, List<(string, string?)> forward, List<(string, string?)> backward,
            Dictionary<string, string> buffers, NetworkSpec spec, int position, LayerSpec norm, string label,
            ref string previousId, ref string previousValue, ref string previousRecipe, LayerSpec? previousLayer)
        {
            int l = norm.Index;
            string id = "a" + Num(l);
            nodes.Add($"{id}[[\"{Text(label)}\"]]");
            forward.Add(Edge(previousId, "-->", $"{previousValue} [{norm.Units}]", id, previousRecipe));
            if (norm.Propagates)
            {
                // ∂C/∂aˡ⁻¹ is written into the previous layer's δ buffer; an activation before overwrites it with δˡ⁻¹.
                bool overwritten = previousLayer is DenseSpec && spec.Nodes[position - 1] is ActivationSpec { Activation: not Activation.Identity };
                string into = l == 1 ? "x" : "a" + Sup(l - 1);
                string? recipe = !overwritten && buffers.TryGetValue(Delta(l - 1), out string? delta) ? delta : null;
                backward.Insert(0, Edge(id, "-.->", $"∂C/∂{into} [{norm.Units}]", previousId, recipe));
            }

            previousId = id;
            previousValue = "a" + Sup(l);
            previousRecipe = buffers[A(l)];
        }

        /// <summary>f′ with the layer's superscript on its variables: <c>1 − a²</c> becomes <c>1 − (a¹)²</c>.</summary>
        private static string Derivative(string derivative, string sup) =>
            derivative.Replace("a²", "(a)²").Replace("a", "a" + sup).Replace("z", "z" + sup);

        /// <summary>The error signal arriving at the activation node at <paramref name="position"/> (∂C/∂aˡ), as a formula.</summary>
        private static string IncomingDelta(NetworkSpec spec, int position, int l)
        {
            if (position + 1 < spec.Nodes.Count && spec.Nodes[position + 1] is DenseSpec)
                return $"W{Sup(l + 1)}ᵀδ{Sup(l + 1)}";
            return $"∂C/∂a{Sup(l)}";
        }

        /// <summary>The training pass's buffers by name, each as <c>buffer perSample fixed width</c>: it starts at batchSize·perSample + fixed.</summary>
        private static Dictionary<string, string> TrainingBuffers(NetworkSpec spec)
        {
            var result = new Dictionary<string, string>();
            long perSample = 0, fixedSize = 0;
            foreach (PassEmitter.Step step in PassEmitter.Steps(spec))
                foreach (Buffer buffer in LayerDispatch.Workspace(step.Layer, step.Activation, training: true, step.NeedsDelta))
                {
                    if (buffer.AliasOf is not null) continue;
                    if (buffer.PerSample) result[buffer.Name] = $"buffer {Num(perSample)} {Num(fixedSize)} {Num(buffer.Floats)}";
                    if (buffer.PerSample) perSample += buffer.Floats;
                    else fixedSize += buffer.Floats;
                }

            return result;
        }

        private static (string Line, string? Value) Edge(string from, string arrow, string label, string to, string? value) =>
            ($"{from} {arrow}|\"{Text(label)}\"| {to}", value);

        private static string LossFormula(Loss loss, string sup) => loss switch
        {
            Loss.SquaredError => $"C = ½ Σ (t − a{sup})²",
            Loss.MeanSquaredError => $"C = (1/n) Σ (t − a{sup})²",
            Loss.Huber => $"C = (1/n) Σ huber_δ(a{sup} − t)",
            Loss.MeanAbsoluteError => $"C = (1/n) Σ |a{sup} − t|",
            Loss.BinaryCrossEntropy => $"C = −Σ [t ln a{sup} + (1 − t) ln(1 − a{sup})]",
            Loss.SoftmaxCrossEntropy => $"C = −Σ t ln a{sup}",
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown loss."),
        };

        private static string LossDerivative(Loss loss, string sup) => loss switch
        {
            Loss.SquaredError => $"a{sup} − t",
            Loss.MeanSquaredError => $"2(a{sup} − t)/n",
            Loss.Huber => $"clamp(a{sup} − t, −δ, δ)/n",
            Loss.MeanAbsoluteError => $"sign(a{sup} − t)/n",
            Loss.BinaryCrossEntropy => $"(a{sup} − t)/(a{sup}(1 − a{sup}))",
            Loss.SoftmaxCrossEntropy => $"−t/a{sup}",
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown loss."),
        };

        /// <summary>Label text safe inside Mermaid's quotes: a quote and a <c>&lt;</c> (which HTML labels would read as markup) become entities; <c>&lt;br/&gt;</c> stays.</summary>
        private static string Text(string label) =>
            label.Replace("<br/>", "\u0001").Replace("\"", "#quot;").Replace("<", "#lt;").Replace("\u0001", "<br/>");

        /// <summary>A C# string literal's content.</summary>
        private static string Escape(string line) => line.Replace("\\", "\\\\").Replace("\"", "\\\"");
    }
}
