using System.Collections.Generic;
using System.Linq;
using Backprop.Generators.Model;
using static Backprop.Generators.Emit.Names;

namespace Backprop.Generators.Emit
{
    /// <summary>
    /// The computational graph while <see cref="GraphEmitter"/> writes it, layer by layer: the Mermaid nodes, the forward
    /// edges in order, the backward edges (each layer puts its own first, so they run from the loss to the first layer), and
    /// the edge the next layer starts from. Each layer's emitter adds its part (<see cref="Layers.LayerEmitter.AddToGraph"/>).
    /// </summary>
    internal sealed class MermaidGraph
    {
        private readonly List<string> _nodes = new();
        private readonly List<(string Line, string? Value)> _forward = new();
        private readonly List<(string Line, string? Value)> _backward = new();

        /// <param name="buffers">The training pass's buffers by name, each as its <c>%% value</c> recipe.</param>
        /// <param name="inputId">The id of the input node, where the first layer starts.</param>
        public MermaidGraph(IReadOnlyDictionary<string, string> buffers, string inputId)
        {
            Buffers = buffers;
            PreviousId = inputId;
        }

        /// <summary>The training pass's buffers by name, each as <c>buffer perSample fixed width</c>.</summary>
        public IReadOnlyDictionary<string, string> Buffers { get; }

        /// <summary>The layer before the one being added, or null for the first.</summary>
        public LayerSpec? Previous { get; set; }

        /// <summary>The layer after the one being added, or null for the output layer.</summary>
        public LayerSpec? Next { get; set; }

        /// <summary>The node the next layer's forward edge starts from.</summary>
        public string PreviousId { get; private set; }

        /// <summary>The value on that edge (<c>x</c>, <c>a¹</c>, <c>a¹ = z¹</c>).</summary>
        public string PreviousValue { get; private set; } = "x";

        /// <summary>Where the training pass keeps that value.</summary>
        public string PreviousRecipe { get; private set; } = "input";

        public IEnumerable<string> Nodes => _nodes;

        /// <summary>The forward edges, then the backward ones, each with its <c>%% value</c> recipe or null.</summary>
        public IEnumerable<(string Line, string? Value)> Edges => _forward.Concat(_backward);

        public void AddNode(string node) => _nodes.Add(node);

        /// <summary>A forward edge (solid) carrying <paramref name="label"/>, kept where <paramref name="value"/> says.</summary>
        public void AddForward(string from, string label, string to, string? value) => _forward.Add(Edge(from, "-->", label, to, value));

        /// <summary>A backward edge (dotted), to pass to <see cref="PrependBackward"/>.</summary>
        public static (string Line, string? Value) BackwardEdge(string from, string label, string to, string? value) => Edge(from, "-.->", label, to, value);

        /// <summary>Puts a layer's backward edges, in their order, before those of the layers after it.</summary>
        public void PrependBackward(params (string Line, string? Value)[] edges) => _backward.InsertRange(0, edges);

        /// <summary>The layer's output: the next forward edge starts at <paramref name="id"/> carrying <paramref name="value"/>.</summary>
        public void Advance(string id, string value, string recipe)
        {
            PreviousId = id;
            PreviousValue = value;
            PreviousRecipe = recipe;
        }

        /// <summary>
        /// A normalisation of the same width (a subroutine node): the forward edge in, and, when the layer propagates, ∂C/∂aˡ⁻¹
        /// back, written into the previous layer's δ buffer (whose value the graph names unless an activation's backward overwrites it with δˡ⁻¹).
        /// </summary>
        public void AddNormalisation(LayerSpec norm, string label)
        {
            int l = norm.Index;
            string id = "a" + Num(l);
            AddNode($"{id}[[\"{Text(label)}\"]]");
            AddForward(PreviousId, $"{PreviousValue} [{norm.Units}]", id, PreviousRecipe);
            if (norm.Propagates)
            {
                bool overwritten = Previous?.OutputActivation is Activation activation && activation != Activation.Identity;
                string into = l == 1 ? "x" : "a" + Sup(l - 1);
                string? recipe = !overwritten && Buffers.TryGetValue(Delta(l - 1), out string? delta) ? delta : null;
                PrependBackward(BackwardEdge(id, $"∂C/∂{into} [{norm.Units}]", PreviousId, recipe));
            }

            Advance(id, "a" + Sup(l), Buffers[A(l)]);
        }

        /// <summary>An edge line with its recipe.</summary>
        public static (string Line, string? Value) Edge(string from, string arrow, string label, string to, string? value) =>
            ($"{from} {arrow}|\"{Text(label)}\"| {to}", value);

        /// <summary>Label text safe inside Mermaid's quotes: a quote and a <c>&lt;</c> (which HTML labels would read as markup) become entities; <c>&lt;br/&gt;</c> stays.</summary>
        public static string Text(string label) =>
            label.Replace("<br/>", "\u0001").Replace("\"", "#quot;").Replace("<", "#lt;").Replace("\u0001", "<br/>");
    }
}
