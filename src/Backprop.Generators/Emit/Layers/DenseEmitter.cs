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
    /// Its activation is the next node (<see cref="ActivationEmitter"/>).
    /// </summary>
    internal static class DenseEmitter
    {
        /// <summary>Layers with at most this many weights are unrolled; above it the SIMD kernels win (see notes/generators.md).</summary>
        public const int UnrollLimit = 32;

        /// <summary>Above <see cref="UnrollLimit"/>, rows of at most this many inputs are still written out term by term inside a loop over the units.</summary>
        public const int ShortRow = 8;

        public static void EmitConstants(CodeWriter w, DenseSpec layer)
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

        public static string Description(DenseSpec layer)
        {
            string n = layer.Name;
            (string inputs, string weightOffset, _, _) = Sized(layer);
            return $"global::Backprop.LayerDescription.Dense(\"{n}\", {inputs}, {Units(n)}, {EnumMember(layer.Activation)}, {(layer.HasBias ? "true" : "false")}, {weightOffset}, {(layer.HasBias ? BiasOffset(n) : "-1")})";
        }

        public static string Summary(DenseSpec layer) =>
            $"{layer.Units} {layer.Activation} unit(s) over {(layer.SizedByData ? "the network's" : Num(layer.Inputs))} input(s){(layer.HasBias ? "" : ", no bias")}; a view of its weights, biases and gradients";

        public static string View(DenseSpec layer, int position, string shape) => $"new global::Backprop.DenseLayer({shape}.Layers[{position}], Parameters, Gradients)";

        /// <summary>aˡ (zˡ in place, when the activation needs only a), zˡ apart when it needs z in training, and δˡ.</summary>
        public static IEnumerable<Buffer> Workspace(DenseSpec layer, ActivationSpec activation, bool training, bool needsDelta)
        {
            int l = layer.Index;
            string units = Units(layer.Name);
            if (training && activation.NeedsInput) yield return Buffer.Rows(Z(l), units, layer.Units, $"Z{Sup(l)} [batch × {layer.Units}]");
            yield return Buffer.Rows(A(l), units, layer.Units, $"A{Sup(l)} [batch × {layer.Units}]");
            if (training && needsDelta) yield return Buffer.Rows(Delta(l), units, layer.Units, $"Δ{Sup(l)} [batch × {layer.Units}]");
        }

        /// <summary>The buffer zˡ is written to: apart from aˡ only when the activation needs z in training.</summary>
        public static string Output(DenseSpec layer, ActivationSpec activation, bool training) => training && activation.NeedsInput ? Z(layer.Index) : A(layer.Index);

        public static void EmitForwardCall(CodeWriter w, DenseSpec layer, string input, string output, bool batched) =>
            w.Line(batched
                ? $"{ForwardBatch(layer.Name)}(parameters, {input}, {output}, batchSize{Sized(layer).Extra.Replace("int ", "")});"
                : $"{Forward(layer.Name)}(parameters, {input}, {output}{Sized(layer).Extra.Replace("int ", "")});");

        public static void EmitBackwardCall(CodeWriter w, DenseSpec layer, string input, bool batched)
        {
            int l = layer.Index;
            string inputDelta = layer.Propagates ? $", {Delta(l - 1)}" : "";
            string comment = layer.Propagates ? $" // ∂W{Sup(l)}, ∂b{Sup(l)}; ∂C/∂a{Sup(l - 1)} = W{Sup(l)}ᵀ δ{Sup(l)}" : $" // ∂W{Sup(l)}, ∂b{Sup(l)}; the layer's input needs no δ";
            w.Line(batched
                ? $"{BackwardBatch(layer.Name)}(parameters, gradients, {input}, {Delta(l)}{inputDelta}, batchSize{Sized(layer).Extra.Replace("int ", "")});{comment}"
                : $"{Backward(layer.Name)}(parameters, gradients, {input}, {Delta(l)}{inputDelta}{Sized(layer).Extra.Replace("int ", "")});{comment}");
        }

        public static void EmitMethods(CodeWriter w, DenseSpec layer)
        {
            w.Line();
            EmitForward(w, layer);
            w.Line();
            EmitBackward(w, layer);
            w.Line();
            EmitForwardBatch(w, layer);
            w.Line();
            EmitBackwardBatch(w, layer);
        }

        private static void EmitForward(CodeWriter w, DenseSpec layer)
        {
            string n = layer.Name, sup = Sup(layer.Index), prev = Sup(layer.Index - 1);
            (string inputs, string weightOffset, string inText, string extra) = Sized(layer);
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

        private static void EmitBackward(CodeWriter w, DenseSpec layer)
        {
            string n = layer.Name, sup = Sup(layer.Index), prev = Sup(layer.Index - 1);
            (string inputs, string weightOffset, string inText, string extra) = Sized(layer);
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

        private static void EmitForwardBatch(CodeWriter w, DenseSpec layer)
        {
            string n = layer.Name, sup = Sup(layer.Index), prev = Sup(layer.Index - 1);
            (string inputs, string weightOffset, string inText, string extra) = Sized(layer);
            w.Line($"/// <summary>Layer {layer.Index} ({n}), batched forward: Z{sup} = A{prev}·W{sup}ᵀ{(layer.HasBias ? $" + b{sup}" : "")}. Shapes: [batch×{layer.Units}] = [batch×{inText}]·[{inText}×{layer.Units}].</summary>");
            w.Open($"private static void {ForwardBatch(n)}({ReadOnlySpan} parameters, {ReadOnlySpan} input, {Span} output, int batchSize{extra})");
            string bias = layer.HasBias ? $"parameters.Slice({BiasOffset(n)}, {Units(n)})" : "default";
            w.Line($"{Kernels}.Gemm.MultiplyTransposedB(input, parameters.Slice({weightOffset}, {Units(n)} * {inputs}), {bias}, output, batchSize, {inputs}, {Units(n)});");
            w.Close();
        }

        private static void EmitBackwardBatch(CodeWriter w, DenseSpec layer)
        {
            string n = layer.Name, sup = Sup(layer.Index), prev = Sup(layer.Index - 1);
            (string inputs, string weightOffset, string inText, string extra) = Sized(layer);
            bool propagate = layer.Propagates;
            w.Line($"/// <summary>Layer {layer.Index} ({n}), batched backward: ∂W{sup} += Δ{sup}ᵀ·A{prev} [{layer.Units}×{inText}]{(layer.HasBias ? $"; ∂b{sup} += Σ rows of Δ{sup}" : "")}{(propagate ? $"; ∂C/∂A{prev} = Δ{sup}·W{sup} [batch×{inText}]" : "")}.</summary>");
            w.Open($"private static void {BackwardBatch(n)}({ReadOnlySpan} parameters, {Span} gradients, {ReadOnlySpan} input, {ReadOnlySpan} delta, " + (propagate ? $"{Span} inputDelta, " : "") + $"int batchSize{extra})");
            w.Line($"{Kernels}.Gemm.AccumulateTransposedA(delta, input, gradients.Slice({weightOffset}, {Units(n)} * {inputs}), {Units(n)}, batchSize, {inputs});");
            if (layer.HasBias) w.Line($"{Kernels}.Vectors.AddColumnSums(1f, delta, batchSize, gradients.Slice({BiasOffset(n)}, {Units(n)}));");
            if (propagate) w.Line($"{Kernels}.Gemm.Multiply(delta, parameters.Slice({weightOffset}, {Units(n)} * {inputs}), inputDelta, batchSize, {Units(n)}, {inputs});");
            w.Close();
        }

        /// <summary>
        /// The input count, the weights' offset, the input count in comments and the extra parameter: the constants, or, for the
        /// first layer of a network sized by the data, the run-time count n and W's offset FixedParameterCount + k·n.
        /// </summary>
        private static (string Inputs, string WeightOffset, string InText, string Extra) Sized(DenseSpec layer) => layer.SizedByData
            ? (InputCountName, $"{MemberNames.WeightOffset(layer.Name)}({InputCountName})", "n", $", int {InputCountName}")
            : (MemberNames.Inputs(layer.Name), MemberNames.WeightOffset(layer.Name), Num(layer.Inputs), "");
    }
}
