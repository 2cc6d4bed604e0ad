using Backprop.Generators.Model;
using static Backprop.Generators.Emit.Names;

namespace Backprop.Generators.Emit
{
    /// <summary>
    /// The per-sample forward and backward methods of one dense layer, side by side. Tiny layers are written out
    /// term by term; larger ones are constant-bound loops over the SIMD kernels in Backprop.Trainer.
    /// </summary>
    internal static class LayerEmitter
    {
        /// <summary>Layers with at most this many weights are unrolled; above it the SIMD kernels win (see notes/generators.md).</summary>
        public const int UnrollLimit = 32;

        /// <summary>
        /// Above <see cref="UnrollLimit"/>, rows of at most this many inputs (iris's 4) are still written out term by
        /// term inside a loop over the units: a SIMD dot product over 4 values costs more than it saves.
        /// </summary>
        public const int ShortRow = 8;

        public static void EmitForward(CodeWriter w, LayerSpec layer, int index)
        {
            string n = layer.Name, sup = Sup(index), prev = Sup(index - 1);
            w.Line($"/// <summary>Layer {index} ({n}), forward: z{sup} = W{sup} a{prev}{(layer.HasBias ? $" + b{sup}" : "")}; a{sup} = {Function(layer.Activation)}(z{sup}). Shapes: [{layer.Units}] = [{layer.Units}×{layer.Inputs}]·[{layer.Inputs}].</summary>");
            w.Open($"private static void Forward{n}(global::System.ReadOnlySpan<float> parameters, global::System.ReadOnlySpan<float> input, global::System.Span<float> output)");
            w.Line($"global::System.ReadOnlySpan<float> weights = parameters.Slice({n}WeightOffset, {n}Units * {n}Inputs);");
            if (layer.HasBias) w.Line($"global::System.ReadOnlySpan<float> biases = parameters.Slice({n}BiasOffset, {n}Units);");
            if (layer.WeightCount <= UnrollLimit)
            {
                for (int o = 0; o < layer.Units; o++)
                {
                    var terms = new System.Text.StringBuilder();
                    for (int i = 0; i < layer.Inputs; i++)
                        terms.Append(i == 0 ? "" : " + ").Append($"weights[{Num(o * layer.Inputs + i)}] * input[{Num(i)}]");
                    if (layer.HasBias) terms.Append($" + biases[{Num(o)}]");
                    w.Line($"output[{Num(o)}] = {terms};");
                }
            }
            else if (layer.Inputs <= ShortRow)
            {
                w.Open($"for (int o = 0; o < {n}Units; o++)");
                w.Line($"global::System.ReadOnlySpan<float> row = weights.Slice(o * {n}Inputs, {Num(layer.Inputs)});");
                var terms = new System.Text.StringBuilder();
                for (int i = 0; i < layer.Inputs; i++)
                    terms.Append(i == 0 ? "" : " + ").Append($"row[{Num(i)}] * input[{Num(i)}]");
                if (layer.HasBias) terms.Append(" + biases[o]");
                w.Line($"output[o] = {terms};");
                w.Close();
            }
            else
            {
                w.Open($"for (int o = 0; o < {n}Units; o++)");
                w.Line($"output[o] = {Kernels}.Vectors.Dot(weights.Slice(o * {n}Inputs, {n}Inputs), input.Slice(0, {n}Inputs)){(layer.HasBias ? " + biases[o]" : "")};");
                w.Close();
            }

            EmitActivation(w, layer, "output.Slice(0, " + n + "Units)");
            w.Close();
        }

        public static void EmitBackward(CodeWriter w, LayerSpec layer, int index)
        {
            string n = layer.Name, sup = Sup(index), prev = Sup(index - 1);
            bool propagate = index > 1;
            w.Line($"/// <summary>Layer {index} ({n}), backward: ∂W{sup} += δ{sup} a{prev}ᵀ [{layer.Units}×{layer.Inputs}]{(layer.HasBias ? $"; ∂b{sup} += δ{sup} [{layer.Units}]" : "")}{(propagate ? $"; δ{prev} = W{sup}ᵀ δ{sup} [{layer.Inputs}] (the caller multiplies by f′(z{prev}))" : "")}.</summary>");
            string signature = $"private static void Backward{n}(global::System.ReadOnlySpan<float> parameters, global::System.Span<float> gradients, global::System.ReadOnlySpan<float> input, global::System.ReadOnlySpan<float> delta";
            w.Open(signature + (propagate ? ", global::System.Span<float> inputDelta)" : ")"));
            if (propagate) w.Line($"global::System.ReadOnlySpan<float> weights = parameters.Slice({n}WeightOffset, {n}Units * {n}Inputs);");
            w.Line($"global::System.Span<float> weightGradients = gradients.Slice({n}WeightOffset, {n}Units * {n}Inputs);");
            if (layer.HasBias) w.Line($"global::System.Span<float> biasGradients = gradients.Slice({n}BiasOffset, {n}Units);");
            if (layer.WeightCount <= UnrollLimit)
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
                        var terms = new System.Text.StringBuilder();
                        for (int o = 0; o < layer.Units; o++)
                            terms.Append(o == 0 ? "" : " + ").Append($"weights[{Num(o * layer.Inputs + i)}] * delta[{Num(o)}]");
                        w.Line($"inputDelta[{Num(i)}] = {terms};");
                    }
                }
            }
            else
            {
                if (propagate) w.Line($"inputDelta.Slice(0, {n}Inputs).Clear();");
                w.Open($"for (int o = 0; o < {n}Units; o++)");
                w.Line("float d = delta[o];");
                w.Line($"{Kernels}.Vectors.Axpy(d, input.Slice(0, {n}Inputs), weightGradients.Slice(o * {n}Inputs, {n}Inputs));");
                if (layer.HasBias) w.Line("biasGradients[o] += d;");
                if (propagate) w.Line($"{Kernels}.Vectors.Axpy(d, weights.Slice(o * {n}Inputs, {n}Inputs), inputDelta.Slice(0, {n}Inputs));");
                w.Close();
            }

            w.Close();
        }

        /// <summary>Applies f in place to <paramref name="span"/> (rows of the layer's width for Softmax).</summary>
        public static void EmitActivation(CodeWriter w, LayerSpec layer, string span)
        {
            switch (layer.Activation)
            {
                case ActivationKind.Identity:
                    break;
                case ActivationKind.Softmax:
                    w.Line($"{Kernels}.ActivationKernels.Softmax({span}, {layer.Name}Units);");
                    break;
                default:
                    w.Line($"{Kernels}.ActivationKernels.{layer.Activation}({span});");
                    break;
            }
        }

        /// <summary>δ ⊙= f′(z), with f′ computed from the stored activations a = f(z).</summary>
        public static void EmitActivationDerivative(CodeWriter w, LayerSpec layer, int index, string activations, string delta)
        {
            if (layer.Activation == ActivationKind.Identity)
            {
                w.Line($"// δ{Sup(index)} ⊙= f′(z{Sup(index)}) = 1 (identity): nothing to do.");
                return;
            }

            w.Line($"{Kernels}.ActivationKernels.{layer.Activation}Backward({activations}, {delta}); // δ{Sup(index)} ⊙= {Derivative(layer.Activation)}");
        }
    }
}
