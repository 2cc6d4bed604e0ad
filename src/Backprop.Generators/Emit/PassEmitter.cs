using System.Collections.Generic;
using System.Linq;
using Backprop.Generators.Emit.Layers;
using Backprop.Generators.Model;
using static Backprop.Generators.Emit.Names;

namespace Backprop.Generators.Emit
{
    /// <summary>
    /// The network's passes, written by walking the layers: per-sample <c>Forward</c> and <c>Backward</c> over stack buffers,
    /// and the mini-batch <c>ForwardBatch</c> and <c>BackwardBatch</c> over named slices of a caller-owned workspace.
    /// Forward passes are inference (running statistics, no dropout); backward passes are training.
    /// </summary>
    internal static class PassEmitter
    {
        /// <summary>Per-sample buffers up to this many floats in all live on the stack; larger ones on the heap.</summary>
        public const long StackLimit = 16 * 1024;

        /// <summary>A buffer of the run-time input count lives on the stack up to this many floats, on the heap beyond.</summary>
        public const int StackLimitPerInput = 1024;

        /// <summary>A layer's emitter and whether the layer's error signal is needed (it is the output, or the next layer propagates).</summary>
        internal readonly struct Step
        {
            public Step(LayerEmitter emitter, bool needsDelta)
            {
                Emitter = emitter;
                NeedsDelta = needsDelta;
            }

            public LayerEmitter Emitter { get; }
            public LayerSpec Layer => Emitter.Layer;
            public bool NeedsDelta { get; }
        }

        public static List<Step> Steps(NetworkSpec spec)
        {
            var steps = new List<Step>();
            for (int i = 0; i < spec.Layers.Count; i++)
                steps.Add(new Step(spec.Layers[i].CreateEmitter(), i == spec.Layers.Count - 1 || spec.Layers[i + 1].Propagates));
            return steps;
        }

        /// <summary>Floats per sample and fixed floats of the training workspace (the inference passes use a part of it).</summary>
        public static (long PerSample, long Fixed) WorkspaceSize(NetworkSpec spec)
        {
            long perSample = 0, fixedSize = 0;
            foreach (Step step in Steps(spec))
                foreach (Buffer buffer in step.Emitter.Workspace(training: true, step.NeedsDelta))
                {
                    if (buffer.AliasOf is not null) continue;
                    if (buffer.PerSample) perSample += buffer.Floats;
                    else fixedSize += buffer.Floats;
                }

            return (perSample, fixedSize);
        }

        public static void EmitForward(CodeWriter w, NetworkSpec spec)
        {
            List<Step> steps = Steps(spec);
            w.Line();
            w.Line("/// <summary>Runs the network on one input in inference mode: x → " + string.Join(" → ", steps.Select(s => "a" + Sup(s.Layer.Index))) + ".</summary>");
            w.Open($"public static void Forward({ReadOnlySpan} parameters, {ReadOnlySpan} state, {ReadOnlySpan} input, {Span} output)");
            w.Line(ParameterGuard(spec));
            w.Line(Guard(spec, "state", Count(spec, "StateCount")));
            w.Line(Guard(spec, "input", Count(spec, "InputCount")));
            w.Line(Guard(spec, "output", "OutputCount"));
            w.Line($"{ReadOnlySpan} x = input;");
            DeclareSampleBuffers(w, spec, steps, training: false);
            foreach (Step step in steps) step.Emitter.EmitForward(w, training: false, batched: false);
            w.Close();
        }

        public static void EmitBackward(CodeWriter w, NetworkSpec spec)
        {
            List<Step> steps = Steps(spec);
            string last = Sup(spec.LayerCount);
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// One sample forward and backward: adds <paramref name=\"gradientScale\"/>·∂C/∂θ to <paramref name=\"gradients\"/> and returns C.");
            w.Line($"/// Chain rule: δ{last} = ∂C/∂z{last}; δˡ = (Wˡ⁺¹ᵀ δˡ⁺¹) ⊙ f′(zˡ) through each layer's backward; ∂C/∂Wˡ = δˡ aˡ⁻¹ᵀ; ∂C/∂bˡ = δˡ.");
            w.Line("/// </summary>");
            w.Open($"public static float Backward({ReadOnlySpan} parameters, {Span} gradients, {ReadOnlySpan} input, {ReadOnlySpan} target, float gradientScale)");
            if (spec.HasTrainingMode)
            {
                string layer = spec.Layers.First(l => l.HasTrainingMode).Name;
                w.Line($"throw new global::System.NotSupportedException(\"{spec.ClassName} has a BatchNorm or Dropout layer ('{layer}'), which trains on mini-batches (batch statistics, dropout masks): use BackwardBatch, as NetworkTrainer does.\");");
                w.Close();
                return;
            }

            if (spec.DataStatistics is LayerSpec statistics)
            {
                w.Line($"throw new global::System.NotSupportedException(\"{spec.ClassName} keeps the statistics of its {statistics.Kind} layer ('{statistics.Name}') in its state, which this overload cannot carry: use BackwardBatch with the state, as NetworkTrainer does.\");");
                w.Close();
                return;
            }

            w.Line(ParameterGuard(spec));
            w.Line(Guard(spec, "gradients", Count(spec, "ParameterCount")));
            w.Line(Guard(spec, "input", Count(spec, "InputCount")));
            w.Line(Guard(spec, "target", "OutputCount"));
            w.Line();
            w.Line("// Forward, keeping what each layer's backward needs.");
            w.Line($"{ReadOnlySpan} x = input;");
            DeclareSampleBuffers(w, spec, steps, training: true);
            foreach (Step step in steps) step.Emitter.EmitForward(w, training: true, batched: false);
            w.Line();
            w.Line("// Backward, from the loss to the first layer.");
            LossEmitter.EmitOutputDelta(w, spec, A(spec.LayerCount), "target", "default", Delta(spec.LayerCount), "gradientScale");
            for (int i = steps.Count - 1; i >= 0; i--) steps[i].Emitter.EmitBackward(w, batched: false);
            w.Line("return loss;");
            w.Close();
        }

        public static void EmitForwardBatch(CodeWriter w, NetworkSpec spec)
        {
            List<Step> steps = Steps(spec);
            w.Line();
            w.Line("/// <summary>Runs <paramref name=\"batchSize\"/> samples (rows of <paramref name=\"inputs\"/>) forward in inference mode into <paramref name=\"outputs\"/>.</summary>");
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
            w.Open($"public static void ForwardBatch({ReadOnlySpan} parameters, {ReadOnlySpan} state, {ReadOnlySpan} inputs, {Span} outputs, int batchSize, {Span} workspace)");
            EmitBatchGuards(w, spec, "outputs");
            w.Line(Guard(spec, "state", Count(spec, "StateCount")));
            w.Line($"{ReadOnlySpan} x = inputs.Slice(0, batchSize * {Count(spec, "InputCount")});");
            DeclareBatchBuffers(w, spec, steps, training: false);
            foreach (Step step in steps) step.Emitter.EmitForward(w, training: false, batched: true);
            w.Close();
        }

        public static void EmitBackwardBatch(CodeWriter w, NetworkSpec spec)
        {
            List<Step> steps = Steps(spec);
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// A mini-batch forward and backward in training mode: adds <paramref name=\"gradientScale\"/>·Σₙ wₙ ∂Cₙ/∂θ to <paramref name=\"gradients\"/>,");
            w.Line("/// updates the running statistics in <paramref name=\"state\"/>, and returns Σₙ wₙ Cₙ (wₙ = 1 when <paramref name=\"sampleWeights\"/> is empty).");
            w.Line("/// Per layer, with one row per sample: Δˡ = (Δˡ⁺¹ Wˡ⁺¹) ⊙ f′(Zˡ); ∂Wˡ += Δˡᵀ Aˡ⁻¹; ∂bˡ += column sums of Δˡ.");
            w.Line("/// </summary>");
            w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]");
            w.Open($"public static float BackwardBatch({ReadOnlySpan} parameters, {Span} gradients, {Span} state, {ReadOnlySpan} inputs, {ReadOnlySpan} targets, {ReadOnlySpan} sampleWeights, int batchSize, float gradientScale, ulong dropoutSeed, {Span} workspace)");
            EmitBatchGuards(w, spec, "targets");
            w.Line(Guard(spec, "gradients", Count(spec, "ParameterCount")));
            w.Line(Guard(spec, "state", Count(spec, "StateCount")));
            w.Line($"if (!sampleWeights.IsEmpty) global::Backprop.NetworkGuard.Batch(sampleWeights.Length, batchSize, 1, \"{spec.ClassName}\", \"sampleWeights\");");
            w.Line($"{ReadOnlySpan} x = inputs.Slice(0, batchSize * {Count(spec, "InputCount")});");
            DeclareBatchBuffers(w, spec, steps, training: true);
            foreach (Step step in steps) step.Emitter.EmitForward(w, training: true, batched: true);
            w.Line();
            LossEmitter.EmitOutputDelta(w, spec, A(spec.LayerCount), "targets.Slice(0, batchSize * OutputCount)",
                "sampleWeights.IsEmpty ? sampleWeights : sampleWeights.Slice(0, batchSize)", Delta(spec.LayerCount), "gradientScale");
            for (int i = steps.Count - 1; i >= 0; i--) steps[i].Emitter.EmitBackward(w, batched: true);
            w.Line("return loss;");
            w.Close();
        }

        private static void EmitBatchGuards(CodeWriter w, NetworkSpec spec, string second)
        {
            w.Line(ParameterGuard(spec));
            w.Line($"global::Backprop.NetworkGuard.Batch(inputs.Length, batchSize, {Count(spec, "InputCount")}, \"{spec.ClassName}\", \"inputs\");");
            w.Line($"global::Backprop.NetworkGuard.Batch({second}.Length, batchSize, OutputCount, \"{spec.ClassName}\", \"{second}\");");
            w.Line($"global::Backprop.NetworkGuard.Batch(workspace.Length, batchSize, {Count(spec, "BatchWorkspacePerSample")}, \"{spec.ClassName}\", \"workspace\", {Count(spec, "BatchWorkspaceFixed")});");
        }

        /// <summary>
        /// The check of the parameter buffer: its length is ParameterCount, or, for a network sized by the data, the length gives
        /// the input count n of the pass (ParameterCount = FixedParameterCount + ParametersPerInput·n), checked by InputCountFor.
        /// </summary>
        private static string ParameterGuard(NetworkSpec spec) => spec.InputsFromData
            ? $"int {InputCountName} = InputCountFor(parameters.Length); // the input count of this pass, from the parameters' length"
            : Guard(spec, "parameters", "ParameterCount");

        /// <summary>A size in a pass: the generated constant, or, for a network sized by the data, its expression in the pass's input count.</summary>
        public static string Count(NetworkSpec spec, string constant)
        {
            if (!spec.InputsFromData) return constant;
            return constant switch
            {
                "ParameterCount" => $"ParameterCountFor({InputCountName})",
                "StateCount" => $"StateCountFor({InputCountName})",
                "InputCount" => InputCountName,
                "BatchWorkspacePerSample" => $"BatchWorkspacePerSample + BatchWorkspacePerSampleAndInput * {InputCountName}",
                "BatchWorkspaceFixed" => $"BatchWorkspaceFixed + BatchWorkspacePerInput * {InputCountName}",
                _ => throw new System.ArgumentOutOfRangeException(nameof(constant), constant, "Not a size."),
            };
        }

        /// <summary>Per-sample and fixed buffers of the training workspace whose size is the input count (a network sized by the data).</summary>
        public static (long PerSampleAndInput, long PerInput) WorkspacePerInput(NetworkSpec spec)
        {
            long perSample = 0, fixedSize = 0;
            foreach (Step step in Steps(spec))
                foreach (Buffer buffer in step.Emitter.Workspace(training: true, step.NeedsDelta))
                {
                    if (buffer.AliasOf is not null || !buffer.PerInput) continue;
                    if (buffer.PerSample) perSample++;
                    else fixedSize++;
                }

            return (perSample, fixedSize);
        }

        private static void DeclareSampleBuffers(CodeWriter w, NetworkSpec spec, List<Step> steps, bool training)
        {
            var buffers = new List<Buffer>();
            foreach (Step step in steps) buffers.AddRange(step.Emitter.Workspace(training, step.NeedsDelta));
            bool onStack = buffers.Where(b => b.AliasOf is null).Sum(b => b.Floats) <= StackLimit;
            foreach (Buffer buffer in buffers)
            {
                if (buffer.AliasOf is not null)
                    w.Line($"{ReadOnlySpan} {buffer.Name} = {buffer.AliasOf}; // {buffer.Comment}");
                else if (!training && buffer.Name == A(spec.LayerCount))
                    w.Line($"{Span} {buffer.Name} = output; // the last layer writes the output");
                else if (buffer.PerInput && onStack)
                    w.Line($"{Span} {buffer.Name} = {buffer.Size} <= {Num(StackLimitPerInput)} ? stackalloc float[{buffer.Size}] : new float[{buffer.Size}];");
                else
                    w.Line($"{Span} {buffer.Name} = {(onStack ? "stackalloc" : "new")} float[{buffer.Size}];");
            }
        }

        private static void DeclareBatchBuffers(CodeWriter w, NetworkSpec spec, List<Step> steps, bool training)
        {
            var buffers = new List<Buffer>();
            foreach (Step step in steps) buffers.AddRange(step.Emitter.Workspace(training, step.NeedsDelta));
            if (buffers.Any(b => b.AliasOf is null && (training || b.Name != A(spec.LayerCount)))) w.Line("int offset = 0;");
            foreach (Buffer buffer in buffers)
                {
                    if (buffer.AliasOf is not null)
                        w.Line($"{ReadOnlySpan} {buffer.Name} = {buffer.AliasOf}; // {buffer.Comment}");
                    else if (!training && buffer.Name == A(spec.LayerCount))
                        w.Line($"{Span} {buffer.Name} = outputs.Slice(0, batchSize * OutputCount); // {buffer.Comment}: the last layer writes the outputs");
                    else
                        w.Line($"{Span} {buffer.Name} = workspace.Slice(offset, {(buffer.PerSample ? $"batchSize * {buffer.Size}" : buffer.Size)}); offset += {buffer.Name}.Length; // {buffer.Comment}");
                }
        }
    }
}
