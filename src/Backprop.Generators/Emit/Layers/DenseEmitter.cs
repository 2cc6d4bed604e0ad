using System.Collections.Generic;
using System.Text;
using Backprop.Generators.Model;
using static Backprop.Generators.Emit.Names;
using static Backprop.Generators.Model.MemberNames;

namespace Backprop.Generators.Emit.Layers
{
    /// <summary>
    /// A dense layer's affine map zˡ = Wˡ aˡ⁻¹ + bˡ: per-sample forward and backward side by side (tiny layers written out term
    /// by term, larger ones constant-bound loops over the SIMD kernels), then the batched pair over the GEMM kernels.
    /// Its activation follows it in every pass (<see cref="ActivationEmitter"/>) and in the graph, where it is a node of its own.
    /// </summary>
    internal sealed class DenseEmitter(DenseSpec layer) : LayerEmitter
    {
        public override LayerSpec Layer => layer;

        public override string PropertyType => "global::" + DenseSpec.View;

        /// <summary>Layers with at most this many weights are unrolled; above it the SIMD kernels win (see notes/generators.md).</summary>
        public const int UnrollLimit = 32;

        /// <summary>Above <see cref="UnrollLimit"/>, rows of at most this many inputs are still written out term by term inside a loop over the units.</summary>
        public const int ShortRow = 8;

        public override void EmitConstants(CodeWriter w)
        {
            string n = layer.Name;
            if (layer.SizedByData)
            {
                w.Line($"/// <summary>Units (outputs) of layer {n}; its inputs are the network's, from the data.</summary>");
                w.Line($"public const int {Units(n)} = {layer.Units};");
                w.Line($"/// <summary>Offset of {n}'s weights W[{layer.Units}×n] (row-major) in the parameter buffer of a network of n inputs: after every constant-size tensor.</summary>");
                w.Line($"public static int {WeightOffset(n)}(int {InputCountName}) => {PerInputOffset("FixedParameterCount", layer.WeightOffset)};");
            }
            else
            {
                w.Line($"/// <summary>Inputs of layer {n}.</summary>");
                w.Line($"public const int {Inputs(n)} = {layer.Inputs};");
                w.Line($"/// <summary>Units (outputs) of layer {n}.</summary>");
                w.Line($"public const int {Units(n)} = {layer.Units};");
                w.Line($"/// <summary>Offset of {n}'s weights W[{layer.Units}×{layer.Inputs}] (row-major) in the parameter buffer.</summary>");
                w.Line($"public const int {WeightOffset(n)} = {layer.WeightOffset};");
            }

            if (!layer.HasBias) return;
            w.Line($"/// <summary>Offset of {n}'s biases b[{layer.Units}] in the parameter buffer.</summary>");
            w.Line($"public const int {BiasOffset(n)} = {layer.BiasOffset};");
        }

        public override string Description()
        {
            string n = layer.Name;
            (string inputs, string weightOffset, _, _) = Sized();
            return $"global::Backprop.LayerDescription.Dense(\"{n}\", {inputs}, {Units(n)}, {EnumMember(layer.Activation.Function)}, {(layer.HasBias ? "true" : "false")}, {weightOffset}, {(layer.HasBias ? BiasOffset(n) : "-1")})";
        }

        public override string Summary() =>
            $"{layer.Units} {layer.Activation.Function} unit(s) over {(layer.SizedByData ? "the network's" : Num(layer.Inputs))} input(s){(layer.HasBias ? "" : ", no bias")}; a view of its weights, biases and gradients";

        public override string View(int position, string shape) => $"new {PropertyType}({shape}.Layers[{position}], Parameters, Gradients)";

        /// <summary>aˡ (zˡ in place, when the activation needs only a), zˡ apart when it needs z in training, and δˡ.</summary>
        public override IEnumerable<Buffer> Workspace(bool training, bool needsDelta)
        {
            ActivationSpec activation = layer.Activation;
            int l = layer.Index;
            string units = Units(layer.Name);
            if (training && activation.NeedsInput) yield return Buffer.Rows(Z(l), units, layer.Units, $"Z{Sup(l)} [batch × {layer.Units}]");
            yield return OutputBuffer();
            if (training && needsDelta) yield return DeltaBuffer();
        }

        /// <summary>The buffer zˡ is written to: apart from aˡ only when the activation needs z in training.</summary>
        private string Output(bool training) => training && layer.Activation.NeedsInput ? Z(layer.Index) : A(layer.Index);

        /// <summary>zˡ = Wˡaˡ⁻¹ + bˡ, then the activation.</summary>
        public override void EmitForward(CodeWriter w, bool training, bool batched)
        {
            EmitForwardCall(w, A(layer.Index - 1), Output(training), batched);
            ActivationEmitter.EmitForward(w, layer.Activation, training);
        }

        /// <summary>The activation's backward (δˡ = ∂C/∂aˡ ⊙ f′), then the affine map's.</summary>
        public override void EmitBackward(CodeWriter w, bool batched)
        {
            ActivationEmitter.EmitBackward(w, layer.Activation);
            EmitBackwardCall(w, A(layer.Index - 1), batched);
        }

        private void EmitForwardCall(CodeWriter w, string input, string output, bool batched) =>
            w.Line(batched
                ? $"{ForwardBatch(layer.Name)}(parameters, {input}, {output}, batchSize{Sized().Extra.Replace("int ", "")});"
                : $"{Forward(layer.Name)}(parameters, {input}, {output}{Sized().Extra.Replace("int ", "")});");

        private void EmitBackwardCall(CodeWriter w, string input, bool batched)
        {
            int l = layer.Index;
            string inputDelta = layer.Propagates ? $", {Delta(l - 1)}" : "";
            string comment = layer.Propagates ? $" // ∂W{Sup(l)}, ∂b{Sup(l)}; ∂C/∂a{Sup(l - 1)} = W{Sup(l)}ᵀ δ{Sup(l)}" : $" // ∂W{Sup(l)}, ∂b{Sup(l)}; the layer's input needs no δ";
            w.Line(batched
                ? $"{BackwardBatch(layer.Name)}(parameters, gradients, {input}, {Delta(l)}{inputDelta}, batchSize{Sized().Extra.Replace("int ", "")});{comment}"
                : $"{Backward(layer.Name)}(parameters, gradients, {input}, {Delta(l)}{inputDelta}{Sized().Extra.Replace("int ", "")});{comment}");
        }

        public override void EmitMethods(CodeWriter w)
        {
            w.Line();
            EmitForwardMethod(w);
            w.Line();
            EmitBackwardMethod(w);
            w.Line();
            EmitForwardBatchMethod(w);
            w.Line();
            EmitBackwardBatchMethod(w);
        }

        private void EmitForwardMethod(CodeWriter w)
        {
            string n = layer.Name, sup = Sup(layer.Index), prev = Sup(layer.Index - 1);
            (string inputs, string weightOffset, string inText, string extra) = Sized();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), forward: z{sup} = W{sup} a{prev}{(layer.HasBias ? $" + b{sup}" : "")}. Shapes: [{layer.Units}] = [{layer.Units}×{inText}]·[{inText}].</summary>");
            w.Open($"private static void {Forward(n)}({ReadOnlySpan} parameters, {ReadOnlySpan} input, {Span} output{extra})");
            w.Line($"{ReadOnlySpan} weights = parameters.Slice({weightOffset}, {Units(n)} * {inputs});");
            if (layer.HasBias) w.Line($"{ReadOnlySpan} biases = parameters.Slice({BiasOffset(n)}, {Units(n)});");
            if (!layer.SizedByData && layer.WeightCount <= UnrollLimit)
            {
                for (int o = 0; o < layer.Units; o++)
                {
                    var terms = new StringBuilder();
                    for (int i = 0; i < layer.Inputs; i++)
                        terms.Append(i == 0 ? "" : " + ").Append($"weights[{Num(o * layer.Inputs + i)}] * input[{Num(i)}]");
                    if (layer.HasBias) terms.Append($" + biases[{Num(o)}]");
                    w.Line($"output[{Num(o)}] = {terms};");
                }
            }
            else if (!layer.SizedByData && layer.Inputs <= ShortRow)
            {
                w.Open($"for (int o = 0; o < {Units(n)}; o++)");
                w.Line($"{ReadOnlySpan} row = weights.Slice(o * {inputs}, {Num(layer.Inputs)});");
                var terms = new StringBuilder();
                for (int i = 0; i < layer.Inputs; i++)
                    terms.Append(i == 0 ? "" : " + ").Append($"row[{Num(i)}] * input[{Num(i)}]");
                if (layer.HasBias) terms.Append(" + biases[o]");
                w.Line($"output[o] = {terms};");
                w.Close();
            }
            else
            {
                w.Open($"for (int o = 0; o < {Units(n)}; o++)");
                w.Line($"output[o] = {Kernels}.Vectors.Dot(weights.Slice(o * {inputs}, {inputs}), input.Slice(0, {inputs})){(layer.HasBias ? " + biases[o]" : "")};");
                w.Close();
            }

            w.Close();
        }

        private void EmitBackwardMethod(CodeWriter w)
        {
            string n = layer.Name, sup = Sup(layer.Index), prev = Sup(layer.Index - 1);
            (string inputs, string weightOffset, string inText, string extra) = Sized();
            bool propagate = layer.Propagates;
            w.Line($"/// <summary>Layer {layer.Index} ({n}), backward: ∂W{sup} += δ{sup} a{prev}ᵀ [{layer.Units}×{inText}]{(layer.HasBias ? $"; ∂b{sup} += δ{sup} [{layer.Units}]" : "")}{(propagate ? $"; ∂C/∂a{prev} = W{sup}ᵀ δ{sup} [{inText}]" : "")}.</summary>");
            w.Open($"private static void {Backward(n)}({ReadOnlySpan} parameters, {Span} gradients, {ReadOnlySpan} input, {ReadOnlySpan} delta" + (propagate ? $", {Span} inputDelta" : "") + $"{extra})");
            if (propagate) w.Line($"{ReadOnlySpan} weights = parameters.Slice({weightOffset}, {Units(n)} * {inputs});");
            w.Line($"{Span} weightGradients = gradients.Slice({weightOffset}, {Units(n)} * {inputs});");
            if (layer.HasBias) w.Line($"{Span} biasGradients = gradients.Slice({BiasOffset(n)}, {Units(n)});");
            if (!layer.SizedByData && layer.WeightCount <= UnrollLimit)
            {
                for (int o = 0; o < layer.Units; o++)
                    for (int i = 0; i < layer.Inputs; i++)
                        w.Line($"weightGradients[{Num(o * layer.Inputs + i)}] += delta[{Num(o)}] * input[{Num(i)}];");
                if (layer.HasBias)
                    for (int o = 0; o < layer.Units; o++) w.Line($"biasGradients[{Num(o)}] += delta[{Num(o)}];");
                if (propagate)
                {
                    for (int i = 0; i < layer.Inputs; i++)
                    {
                        var terms = new StringBuilder();
                        for (int o = 0; o < layer.Units; o++)
                            terms.Append(o == 0 ? "" : " + ").Append($"weights[{Num(o * layer.Inputs + i)}] * delta[{Num(o)}]");
                        w.Line($"inputDelta[{Num(i)}] = {terms};");
                    }
                }
            }
            else
            {
                if (propagate) w.Line($"inputDelta.Slice(0, {inputs}).Clear();");
                w.Open($"for (int o = 0; o < {Units(n)}; o++)");
                w.Line("float d = delta[o];");
                w.Line($"{Kernels}.Vectors.Axpy(d, input.Slice(0, {inputs}), weightGradients.Slice(o * {inputs}, {inputs}));");
                if (layer.HasBias) w.Line("biasGradients[o] += d;");
                if (propagate) w.Line($"{Kernels}.Vectors.Axpy(d, weights.Slice(o * {inputs}, {inputs}), inputDelta.Slice(0, {inputs}));");
                w.Close();
            }

            w.Close();
        }

        private void EmitForwardBatchMethod(CodeWriter w)
        {
            string n = layer.Name, sup = Sup(layer.Index), prev = Sup(layer.Index - 1);
            (string inputs, string weightOffset, string inText, string extra) = Sized();
            w.Line($"/// <summary>Layer {layer.Index} ({n}), batched forward: Z{sup} = A{prev}·W{sup}ᵀ{(layer.HasBias ? $" + b{sup}" : "")}. Shapes: [batch×{layer.Units}] = [batch×{inText}]·[{inText}×{layer.Units}].</summary>");
            w.Open($"private static void {ForwardBatch(n)}({ReadOnlySpan} parameters, {ReadOnlySpan} input, {Span} output, int batchSize{extra})");
            string bias = layer.HasBias ? $"parameters.Slice({BiasOffset(n)}, {Units(n)})" : "default";
            w.Line($"{Kernels}.Gemm.MultiplyTransposedB(input, parameters.Slice({weightOffset}, {Units(n)} * {inputs}), {bias}, output, batchSize, {inputs}, {Units(n)});");
            w.Close();
        }

        private void EmitBackwardBatchMethod(CodeWriter w)
        {
            string n = layer.Name, sup = Sup(layer.Index), prev = Sup(layer.Index - 1);
            (string inputs, string weightOffset, string inText, string extra) = Sized();
            bool propagate = layer.Propagates;
            w.Line($"/// <summary>Layer {layer.Index} ({n}), batched backward: ∂W{sup} += Δ{sup}ᵀ·A{prev} [{layer.Units}×{inText}]{(layer.HasBias ? $"; ∂b{sup} += Σ rows of Δ{sup}" : "")}{(propagate ? $"; ∂C/∂A{prev} = Δ{sup}·W{sup} [batch×{inText}]" : "")}.</summary>");
            w.Open($"private static void {BackwardBatch(n)}({ReadOnlySpan} parameters, {Span} gradients, {ReadOnlySpan} input, {ReadOnlySpan} delta, " + (propagate ? $"{Span} inputDelta, " : "") + $"int batchSize{extra})");
            w.Line($"{Kernels}.Gemm.AccumulateTransposedA(delta, input, gradients.Slice({weightOffset}, {Units(n)} * {inputs}), {Units(n)}, batchSize, {inputs});");
            if (layer.HasBias) w.Line($"{Kernels}.Vectors.AddColumnSums(1f, delta, batchSize, gradients.Slice({BiasOffset(n)}, {Units(n)}));");
            if (propagate) w.Line($"{Kernels}.Gemm.Multiply(delta, parameters.Slice({weightOffset}, {Units(n)} * {inputs}), inputDelta, batchSize, {Units(n)}, {inputs});");
            w.Close();
        }

        public override string Describe() => $"{layer.Name}[{layer.Units}, {layer.Activation.Function}{(layer.HasBias ? "" : ", no bias")}]";

        public override string? InputSizedTensors() => $"{layer.Name}'s W[{layer.Units} × n]";

        public override IEnumerable<string> Members()
        {
            string n = layer.Name;
            var members = new List<string> { n, Units(n), Inputs(n), WeightOffset(n) };
            if (layer.HasBias) members.Add(BiasOffset(n));
            members.AddRange(Methods(n));
            return members;
        }

        /// <summary>The affine node zˡ, then the activation's node aˡ (none for the identity: aˡ = zˡ), and their error signals back.</summary>
        public override void AddToGraph(MermaidGraph graph)
        {
            ActivationSpec activation = layer.Activation;
            int l = layer.Index;
            string sup = Sup(l), input = l == 1 ? "x" : "a" + Sup(l - 1);
            var group = new List<(string Line, string? Value)>();
            bool identity = activation.Function == Activation.Identity;
            string zId = "z" + Num(l), aId = identity ? zId : "a" + Num(l);
            string parameters = $"W{sup} [{layer.Units}×{layer.Inputs}]" + (layer.HasBias ? $", b{sup} [{layer.Units}]" : ", no bias");
            graph.AddNode($"{zId}[\"{MermaidGraph.Text($"{layer.Name} · affine<br/>z{sup} = W{sup}{input}{(layer.HasBias ? $" + b{sup}" : "")}<br/>{parameters}")}\"]");
            graph.AddForward(graph.PreviousId, $"{graph.PreviousValue} [{layer.Inputs}]", zId, graph.PreviousRecipe);
            string zRecipe = graph.Buffers.TryGetValue(Z(l), out string? kept) ? kept : $"affine {Num(l - 1)} {graph.PreviousRecipe}";
            if (!identity)
            {
                ActivationInfoAttribute info = ActivationTable.Of(activation.Function);
                string rule = activation.Function == Activation.Softmax ? $"softmax(z{sup})" : info.Formula.Replace("z", "z" + sup);
                string derivative = activation.FusedWithLoss ? "f′ fused with the loss" : $"f′ = {Derivative(info.Derivative, sup)}";
                graph.AddNode($"{aId}(\"{MermaidGraph.Text($"{layer.Name} · {activation.Function}<br/>a{sup} = {rule}<br/>{derivative}")}\")");
                graph.AddForward(zId, $"z{sup} [{layer.Units}]", aId, zRecipe);
                string incoming = graph.Next?.CreateEmitter().GraphInputDelta ?? $"∂C/∂a{sup}";
                if (!activation.FusedWithLoss)
                    group.Add(MermaidGraph.BackwardEdge(aId, $"δ{sup} = {incoming} ⊙ f′(z{sup}) [{layer.Units}]", zId, graph.Buffers[Delta(l)]));
            }

            if (layer.Propagates)
            {
                bool afterIdentity = graph.Previous?.OutputActivation == Activation.Identity;
                string into = afterIdentity ? $"δ{Sup(l - 1)} = ∂C/∂a{Sup(l - 1)}" : "∂C/∂a" + Sup(l - 1);
                string back = $"{into} = W{sup}ᵀδ{sup} [{layer.Inputs}]";
                group.Add(MermaidGraph.BackwardEdge(zId, back, graph.PreviousId, $"transposed {Num(l - 1)} {graph.Buffers[Delta(l)]}"));
            }

            graph.Advance(aId, identity ? $"a{sup} = z{sup}" : "a" + sup, graph.Buffers[A(l)]);
            graph.PrependBackward(group.ToArray());
        }

        /// <summary>The error signal sent back to the input: Wˡᵀδˡ.</summary>
        public override string? GraphInputDelta => $"W{Sup(layer.Index)}ᵀδ{Sup(layer.Index)}";

        /// <summary>From the loss into the output: δᴸ = ∂C/∂zᴸ to the affine node when the loss includes f′ or f is the identity, else ∂C/∂aᴸ to the activation.</summary>
        public override void AddLossEdge(MermaidGraph graph, string lossId, string lossDerivative)
        {
            int l = layer.Index;
            string sup = Sup(l), affineId = "z" + Num(l);
            if (layer.Activation.FusedWithLoss)
                graph.PrependBackward(MermaidGraph.BackwardEdge(lossId, $"δ{sup} = ∂C/∂z{sup} = a{sup} − t [{layer.Units}]", affineId, graph.Buffers[Delta(l)]));
            else if (layer.Activation.Function == Activation.Identity)
                graph.PrependBackward(MermaidGraph.BackwardEdge(lossId, $"δ{sup} = ∂C/∂z{sup} = ∂C/∂a{sup} = {lossDerivative} [{layer.Units}]", affineId, graph.Buffers[Delta(l)]));
            else
                graph.PrependBackward(MermaidGraph.BackwardEdge(lossId, $"∂C/∂a{sup} = {lossDerivative} [{layer.Units}]", graph.PreviousId, $"lossgradient {graph.Buffers[A(l)]}"));
        }

        /// <summary>f′ with the layer's superscript on its variables: <c>1 − a²</c> becomes <c>1 − (a¹)²</c>.</summary>
        private static string Derivative(string derivative, string sup) =>
            derivative.Replace("a²", "(a)²").Replace("a", "a" + sup).Replace("z", "z" + sup);

        /// <summary>
        /// The input count, the weights' offset, the input count in comments and the extra parameter: the constants, or, for the
        /// first layer of a network sized by the data, the run-time count n and W's offset FixedParameterCount + k·n.
        /// </summary>
        private (string Inputs, string WeightOffset, string InText, string Extra) Sized() => layer.SizedByData
            ? (InputCountName, $"{MemberNames.WeightOffset(layer.Name)}({InputCountName})", "n", $", int {InputCountName}")
            : (MemberNames.Inputs(layer.Name), MemberNames.WeightOffset(layer.Name), Num(layer.Inputs), "");
    }
}
