using System.Linq;
using Backprop.Generators.Model;
using static Backprop.Generators.Emit.Names;

namespace Backprop.Generators.Emit
{
    /// <summary>
    /// The mini-batch passes: each layer's three matrix products (Z = A·Wᵀ + b, ∂W += Δᵀ·A, ΔA = Δ·W) through the
    /// shared GEMM kernels, over a caller-owned workspace holding every layer's activations and error signals.
    /// </summary>
    internal static class BatchEmitter
    {
        private const string Span = "global::System.Span<float>";
        private const string ReadOnlySpan = "global::System.ReadOnlySpan<float>";

        public static void Emit(CodeWriter w, NetworkSpec spec)
        {
            int count = spec.Layers.Count;
            w.Line();
            w.Line("/// <summary>Floats of workspace the batched passes need for <paramref name=\"batchSize\"/> samples.</summary>");
            w.Line("public static int BatchWorkspaceSize(int batchSize) => checked(batchSize * BatchWorkspacePerSample);");

            // ForwardBatch
            w.Line();
            w.Line("/// <summary>Runs <paramref name=\"batchSize\"/> samples (rows of <paramref name=\"inputs\"/>) forward into <paramref name=\"outputs\"/>.</summary>");
            w.Open($"public static void ForwardBatch({ReadOnlySpan} parameters, {ReadOnlySpan} inputs, {Span} outputs, int batchSize, {Span} workspace)");
            EmitBatchGuards(w, spec, "outputs");
            EmitWorkspaceSlices(w, spec, withDeltas: false);
            EmitForwardLayers(w, spec);
            w.Line($"{A(count)}.CopyTo(outputs);");
            w.Close();

            // BackwardBatch
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// A mini-batch forward and backward: adds <paramref name=\"gradientScale\"/>·Σₙ ∂Cₙ/∂θ to <paramref name=\"gradients\"/> and returns Σₙ Cₙ.");
            w.Line("/// Per layer, with one row per sample: Δˡ = (Δˡ⁺¹ Wˡ⁺¹) ⊙ f′(Zˡ); ∂Wˡ += Δˡᵀ Aˡ⁻¹; ∂bˡ += column sums of Δˡ.");
            w.Line("/// </summary>");
            w.Open($"public static float BackwardBatch({ReadOnlySpan} parameters, {Span} gradients, {ReadOnlySpan} inputs, {ReadOnlySpan} targets, int batchSize, float gradientScale, {Span} workspace)");
            EmitBatchGuards(w, spec, "targets");
            NetworkEmitter.EmitGuard(w, spec, "gradients", "ParameterCount");
            EmitWorkspaceSlices(w, spec, withDeltas: true);
            EmitForwardLayers(w, spec);
            w.Line();
            LossEmitter.EmitOutputDelta(w, spec, A(count), "targets.Slice(0, batchSize * OutputCount)", Delta(count), "gradientScale");
            for (int l = count; l >= 1; l--)
            {
                LayerSpec layer = spec.Layers[l - 1];
                if (l > 1)
                {
                    w.Line($"BackwardBatch{layer.Name}(parameters, gradients, {A(l - 1)}, {Delta(l)}, {Delta(l - 1)}, batchSize);");
                    LayerEmitter.EmitActivationDerivative(w, spec.Layers[l - 2], l - 1, A(l - 1), Delta(l - 1));
                }
                else
                {
                    w.Line($"BackwardBatch{layer.Name}(parameters, gradients, x, {Delta(1)}, batchSize);");
                }
            }

            w.Line("return loss;");
            w.Close();

            for (int l = 1; l <= count; l++)
            {
                w.Line();
                EmitLayerForward(w, spec.Layers[l - 1], l);
                w.Line();
                EmitLayerBackward(w, spec.Layers[l - 1], l);
            }
        }

        private static void EmitBatchGuards(CodeWriter w, NetworkSpec spec, string second)
        {
            NetworkEmitter.EmitGuard(w, spec, "parameters", "ParameterCount");
            w.Line($"global::Backprop.NetworkGuard.Batch(inputs.Length, batchSize, InputCount, \"{spec.ClassName}\", \"inputs\");");
            w.Line($"global::Backprop.NetworkGuard.Batch({second}.Length, batchSize, OutputCount, \"{spec.ClassName}\", \"{second}\");");
            w.Line($"global::Backprop.NetworkGuard.Batch(workspace.Length, batchSize, BatchWorkspacePerSample, \"{spec.ClassName}\", \"workspace\");");
        }

        private static void EmitWorkspaceSlices(CodeWriter w, NetworkSpec spec, bool withDeltas)
        {
            w.Line($"{ReadOnlySpan} x = inputs.Slice(0, batchSize * InputCount);");
            int offset = 0;
            for (int l = 1; l <= spec.Layers.Count; l++)
            {
                string n = spec.Layers[l - 1].Name;
                w.Line($"{Span} {A(l)} = workspace.Slice(batchSize * {offset}, batchSize * {n}Units); // A{Sup(l)} [batch × {spec.Layers[l - 1].Units}]");
                offset += spec.Layers[l - 1].Units;
            }

            if (!withDeltas) return;
            for (int l = 1; l <= spec.Layers.Count; l++)
            {
                string n = spec.Layers[l - 1].Name;
                w.Line($"{Span} {Delta(l)} = workspace.Slice(batchSize * {offset}, batchSize * {n}Units); // Δ{Sup(l)} [batch × {spec.Layers[l - 1].Units}]");
                offset += spec.Layers[l - 1].Units;
            }
        }

        private static void EmitForwardLayers(CodeWriter w, NetworkSpec spec)
        {
            for (int l = 1; l <= spec.Layers.Count; l++)
                w.Line($"ForwardBatch{spec.Layers[l - 1].Name}(parameters, {A(l - 1)}, {A(l)}, batchSize);");
        }

        private static void EmitLayerForward(CodeWriter w, LayerSpec layer, int index)
        {
            string n = layer.Name, sup = Sup(index), prev = Sup(index - 1);
            w.Line($"/// <summary>Layer {index} ({n}), batched forward: Z{sup} = A{prev}·W{sup}ᵀ{(layer.HasBias ? $" + b{sup}" : "")}; A{sup} = {Function(layer.Activation)}(Z{sup}). Shapes: [batch×{layer.Units}] = [batch×{layer.Inputs}]·[{layer.Inputs}×{layer.Units}].</summary>");
            w.Open($"private static void ForwardBatch{n}({ReadOnlySpan} parameters, {ReadOnlySpan} input, {Span} output, int batchSize)");
            string bias = layer.HasBias ? $"parameters.Slice({n}BiasOffset, {n}Units)" : "default";
            w.Line($"{Kernels}.Gemm.MultiplyTransposedB(input, parameters.Slice({n}WeightOffset, {n}Units * {n}Inputs), {bias}, output, batchSize, {n}Inputs, {n}Units);");
            LayerEmitter.EmitActivation(w, layer, "output");
            w.Close();
        }

        private static void EmitLayerBackward(CodeWriter w, LayerSpec layer, int index)
        {
            string n = layer.Name, sup = Sup(index), prev = Sup(index - 1);
            bool propagate = index > 1;
            w.Line($"/// <summary>Layer {index} ({n}), batched backward: ∂W{sup} += Δ{sup}ᵀ·A{prev} [{layer.Units}×{layer.Inputs}]{(layer.HasBias ? $"; ∂b{sup} += Σ rows of Δ{sup}" : "")}{(propagate ? $"; Δ{prev} = Δ{sup}·W{sup} [batch×{layer.Inputs}] (the caller multiplies by f′(Z{prev}))" : "")}.</summary>");
            w.Open($"private static void BackwardBatch{n}({ReadOnlySpan} parameters, {Span} gradients, {ReadOnlySpan} input, {ReadOnlySpan} delta, " + (propagate ? $"{Span} inputDelta, " : "") + "int batchSize)");
            w.Line($"{Kernels}.Gemm.AccumulateTransposedA(delta, input, gradients.Slice({n}WeightOffset, {n}Units * {n}Inputs), {n}Units, batchSize, {n}Inputs);");
            if (layer.HasBias) w.Line($"{Kernels}.Vectors.AddColumnSums(1f, delta, batchSize, gradients.Slice({n}BiasOffset, {n}Units));");
            if (propagate) w.Line($"{Kernels}.Gemm.Multiply(delta, parameters.Slice({n}WeightOffset, {n}Units * {n}Inputs), inputDelta, batchSize, {n}Units, {n}Inputs);");
            w.Close();
        }
    }
}
