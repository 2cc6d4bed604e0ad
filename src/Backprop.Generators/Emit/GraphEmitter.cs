using System;
using System.Collections.Generic;
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
            var graph = new MermaidGraph(TrainingBuffers(spec), InputId);
            graph.AddNode($"{InputId}([\"input x [{spec.Inputs}]\"])");
            for (int i = 0; i < spec.Layers.Count; i++)
            {
                graph.Previous = i > 0 ? spec.Layers[i - 1] : null;
                graph.Next = i + 1 < spec.Layers.Count ? spec.Layers[i + 1] : null;
                spec.Layers[i].CreateEmitter().AddToGraph(graph);
            }

            // The loss node (the backward edges, each layer's put first, now run from the loss to the first layer): C from the output and the target, and the output error signal back.
            int last = spec.LayerCount;
            string lastSup = Sup(last);
            graph.AddNode($"{TargetId}([\"target t [{spec.OutputCount}]\"])");
            graph.AddNode($"{LossId}{{{{\"{MermaidGraph.Text($"loss · {spec.Loss}<br/>{LossFormula(spec.Loss, lastSup)}")}\"}}}}");
            graph.AddForward(graph.PreviousId, $"a{lastSup} [{spec.OutputCount}]", LossId, graph.Buffers[A(last)]);
            graph.AddForward(TargetId, $"t [{spec.OutputCount}]", LossId, "target");
            spec.Layers[spec.Layers.Count - 1].CreateEmitter().AddLossEdge(graph, LossId, LossDerivative(spec.Loss, lastSup));

            var text = new StringBuilder();
            text.Append("flowchart LR\n");
            text.Append($"    %% {spec.ClassName}: forward edges (solid) carry values, backward edges (dotted) the error signals δ; shapes per sample.\n");
            foreach (string node in graph.Nodes) text.Append("    ").Append(node).Append('\n');
            text.Append("    %% value loss\n");
            foreach ((string line, string? value) in graph.Edges)
            {
                text.Append("    ").Append(line).Append('\n');
                if (value is not null) text.Append("    %% value ").Append(value).Append('\n');
            }

            string mermaid = text.ToString().TrimEnd('\n');
            // A network sized by the data has input-sized widths of 0 in its spec: they are n, the input count given at run time.
            return spec.InputsFromData ? mermaid.Replace("[0]", "[n]").Replace("×0]", "×n]").Replace("[0×", "[n×") : mermaid;
        }

        /// <summary>The training pass's buffers by name, each as <c>buffer perSample fixed width</c>: it starts at batchSize·perSample + fixed.</summary>
        private static Dictionary<string, string> TrainingBuffers(NetworkSpec spec)
        {
            var result = new Dictionary<string, string>();
            long perSample = 0, fixedSize = 0;
            foreach (PassEmitter.Step step in PassEmitter.Steps(spec))
                foreach (Buffer buffer in step.Emitter.Workspace(training: true, step.NeedsDelta))
                {
                    if (buffer.AliasOf is not null) continue;
                    if (buffer.PerSample) result[buffer.Name] = $"buffer {Num(perSample)} {Num(fixedSize)} {Num(buffer.Floats)}";
                    if (buffer.PerSample) perSample += buffer.Floats;
                    else fixedSize += buffer.Floats;
                }

            return result;
        }

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

        /// <summary>A C# string literal's content.</summary>
        private static string Escape(string line) => line.Replace("\\", "\\\\").Replace("\"", "\\\"");
    }
}
