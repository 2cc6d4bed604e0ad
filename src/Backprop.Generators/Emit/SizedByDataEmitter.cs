using Backprop.Generators.Model;
using static Backprop.Generators.Emit.Names;

namespace Backprop.Generators.Emit
{
    /// <summary>
    /// The members that differ for a network declared without <c>Inputs</c>, whose input count n comes from the data when it
    /// is created for it: the sizes as constants plus per-input terms, the shape at n, the buffers allocated at n, and the
    /// constructors. The layout puts the tensors whose size depends on n (the first dense layer's weights, and the tensors
    /// of any normalisation before it) last in their buffers, so every other offset stays a compile-time constant and every
    /// layer after the first keeps its constant-bound code; the passes read n from the parameter buffer's length.
    /// </summary>
    internal static class SizedByDataEmitter
    {
        public static void EmitConstants(CodeWriter w, NetworkSpec spec)
        {
            (long perSample, long fixedSize) = PassEmitter.WorkspaceSize(spec);
            (long perSampleAndInput, long perInput) = PassEmitter.WorkspacePerInput(spec);
            w.Line("// The input count n is not declared: it comes from the data when the network is created for it (new " + spec.ClassName + "(n),");
            w.Line("// NetworkTrainer.Train of a new " + spec.ClassName + "(), an ML.NET trainer's Fit, NetworkFile.Load). Layout: the tensors whose size");
            w.Line("// depends on n (" + InputSizedTensors(spec) + ") are placed LAST in their buffer, after every constant-size tensor,");
            w.Line("// so that every other offset below is a compile-time constant and the layers after the first keep their constant-bound");
            w.Line("// code; the input-sized tensors start at FixedParameterCount (FixedStateCount) and their offsets are methods of n.");
            w.Line("// The static passes read n from the parameter buffer's length: FixedParameterCount + ParametersPerInput·n.");
            w.Line("/// <summary>Size of the output vector (the last layer's units).</summary>");
            w.Line($"public const int OutputCount = {spec.OutputCount};");
            w.Line("/// <summary>Parameters whose number does not depend on the input count: every tensor but the input-sized ones, which follow them.</summary>");
            w.Line($"public const int FixedParameterCount = {spec.ParameterCount};");
            w.Line("/// <summary>Parameters per input: a network of n inputs has FixedParameterCount + ParametersPerInput·n.</summary>");
            w.Line($"public const int ParametersPerInput = {spec.ParametersPerInput};");
            w.Line("/// <summary>State values whose number does not depend on the input count.</summary>");
            w.Line($"public const int FixedStateCount = {spec.StateCount};");
            w.Line("/// <summary>State values per input: a network of n inputs has FixedStateCount + StatePerInput·n.</summary>");
            w.Line($"public const int StatePerInput = {spec.StatePerInput};");
            w.Line("/// <summary>Floats of batched workspace per sample that do not depend on the input count.</summary>");
            w.Line($"public const int BatchWorkspacePerSample = {Num(perSample)};");
            w.Line("/// <summary>Floats of batched workspace per sample and input (the buffers of the layers before the first dense one).</summary>");
            w.Line($"public const int BatchWorkspacePerSampleAndInput = {Num(perSampleAndInput)};");
            w.Line("/// <summary>Floats of batched workspace whatever the batch size, that do not depend on the input count.</summary>");
            w.Line($"public const int BatchWorkspaceFixed = {Num(fixedSize)};");
            w.Line("/// <summary>Floats of batched workspace per input whatever the batch size.</summary>");
            w.Line($"public const int BatchWorkspacePerInput = {Num(perInput)};");
            foreach (LayerSpec layer in spec.Layers)
            {
                w.Line();
                layer.CreateEmitter().EmitConstants(w);
            }
        }

        public static void EmitShapeAndBuffers(CodeWriter w, NetworkSpec spec)
        {
            string cls = spec.ClassIdentifier, name = spec.ClassName;
            string unsized = $"new global::System.InvalidOperationException(\"{name} has no input count yet: create it with new {name}(inputCount), or let NetworkTrainer.Train, NetworkFile.Load or an ML.NET trainer size it from the data.\")";
            w.Line();
            w.Line("/// <summary>Always true: the input count comes from the data.</summary>");
            w.Line("public static bool InputCountFromData => true;");
            w.Line();
            w.Line("/// <summary>Parameters of a network of <paramref name=\"inputCount\"/> inputs.</summary>");
            w.Line($"public static int ParameterCountFor(int {InputCountName}) => checked(FixedParameterCount + ParametersPerInput * {InputCountName});");
            w.Line();
            w.Line("/// <summary>State values of a network of <paramref name=\"inputCount\"/> inputs.</summary>");
            w.Line($"public static int StateCountFor(int {InputCountName}) => checked(FixedStateCount + StatePerInput * {InputCountName});");
            w.Line();
            w.Line("/// <summary>The input count n whose parameter buffer has <paramref name=\"parameterCount\"/> values (FixedParameterCount + ParametersPerInput·n).</summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\">No positive n gives that many parameters.</exception>");
            w.Open("public static int InputCountFor(int parameterCount)");
            w.Line("int perInput = parameterCount - FixedParameterCount;");
            w.Line("if (perInput <= 0 || perInput % ParametersPerInput != 0)");
            w.Line($"    throw new global::System.ArgumentException($\"{name}: parameters has {{parameterCount}} values; a network of n inputs has {{FixedParameterCount}} + {{ParametersPerInput}}·n.\", \"parameters\");");
            w.Line("return perInput / ParametersPerInput;");
            w.Close();
            w.Line();
            w.Line($"private static global::Backprop.NetworkShape? _lastShape;");
            w.Line();
            w.Line("/// <summary>The shape and the layout of the buffers at <paramref name=\"inputCount\"/> inputs.</summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The count is not positive.</exception>");
            w.Line("/// <exception cref=\"global::System.OverflowException\">The buffers would not fit in an array.</exception>");
            w.Open($"public static global::Backprop.NetworkShape ShapeFor(int {InputCountName})");
            w.Line($"if ({InputCountName} <= 0) throw new global::System.ArgumentOutOfRangeException(nameof({InputCountName}), {InputCountName}, \"{name} needs a positive input count.\");");
            w.Line("global::Backprop.NetworkShape? last = _lastShape;");
            w.Line($"if (last is not null && last.InputCount == {InputCountName}) return last;");
            w.Line($"_ = ParameterCountFor({InputCountName}); // OverflowException when the buffers could not exist");
            w.Line($"_ = StateCountFor({InputCountName});");
            w.Line($"return _lastShape = new global::Backprop.NetworkShape(\"{name}\", {InputCountName}, {EnumMember(spec.Loss)}, new global::Backprop.LayerDescription[]");
            w.Line("{");
            foreach (LayerSpec layer in spec.Layers) w.Line($"    {layer.CreateEmitter().Description()},");
            w.Line($"}}, {Double(spec.HuberDelta)}, inputCountFromData: true);");
            w.Close();
            w.Line();
            w.Line($"/// <summary>Not available: {name} takes its input count from the data, so its shape is an instance's (<c>net.Shape</c>) or <see cref=\"ShapeFor\"/>.</summary>");
            w.Line($"public static global::Backprop.NetworkShape Shape => throw new global::System.NotSupportedException(\"{name} is declared without Inputs and takes its input count from the data: use an instance's Shape, or {name}.ShapeFor(inputCount).\");");
            w.Line();
            w.Line("private global::Backprop.NetworkShape? _shape;");
            w.Line();
            w.Line($"/// <summary>The shape at this instance's input count.</summary>");
            w.Line($"private global::Backprop.NetworkShape SizedShape => _shape ?? throw {unsized};");
            w.Line();
            w.Line("global::Backprop.NetworkShape global::Backprop.INetwork.Shape => SizedShape;");
            w.Line();
            w.Line("/// <summary>Size of the input vector, from the data.</summary>");
            w.Line("/// <exception cref=\"global::System.InvalidOperationException\">The network has no input count yet.</exception>");
            w.Line("public int InputCount => SizedShape.InputCount;");
            w.Line();
            w.Line("/// <summary>All parameters in one flat buffer: the constant-size tensors layer by layer, then the input-sized ones (empty until the network has its input count).</summary>");
            w.Line("public float[] Parameters { get; private set; }");
            w.Line();
            w.Line("/// <summary>Accumulated gradients ∂C/∂θ, same layout as <see cref=\"Parameters\"/>.</summary>");
            w.Line("public float[] Gradients { get; private set; }");
            w.Line();
            w.Line("/// <summary>Non-trainable state (running statistics), updated by training, read by inference; empty when the network has none.</summary>");
            w.Line("public float[] State { get; private set; }");
            w.Line();
            w.Line("/// <summary>Creates the network without an input count: <see cref=\"EnsureInputCount\"/> gives it one (NetworkTrainer.Train, NetworkFile.Load and the ML.NET trainers call it with the data's).</summary>");
            w.Open($"public {cls}()");
            w.Line("Parameters = global::System.Array.Empty<float>();");
            w.Line("Gradients = global::System.Array.Empty<float>();");
            w.Line("State = global::System.Array.Empty<float>();");
            w.Close();
            w.Line();
            w.Line("/// <summary>Creates the network for <paramref name=\"inputCount\"/> inputs with every parameter zero (initialise before training) and the state at its initial values.</summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">The count is not positive.</exception>");
            w.Line($"public {cls}(int {InputCountName}) : this() => EnsureInputCount({InputCountName});");
            w.Line();
            w.Line("/// <summary>Creates the network with a copy of <paramref name=\"parameters\"/>, whose length gives the input count.</summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\">No input count gives that many parameters.</exception>");
            w.Open($"public {cls}({ReadOnlySpan} parameters) : this(InputCountFor(parameters.Length))");
            w.Line("parameters.CopyTo(Parameters);");
            w.Close();
            if (spec.HasState)
            {
                w.Line();
                w.Line("/// <summary>Creates the network with copies of <paramref name=\"parameters\"/> (whose length gives the input count) and <paramref name=\"state\"/>.</summary>");
                w.Line("/// <exception cref=\"global::System.ArgumentException\">A span has the wrong length.</exception>");
                w.Open($"public {cls}({ReadOnlySpan} parameters, {ReadOnlySpan} state) : this(parameters)");
                w.Line($"global::Backprop.NetworkGuard.Length(state.Length, State.Length, \"{name}\", \"state\");");
                w.Line("state.CopyTo(State);");
                w.Close();
            }

            w.Line();
            w.Line("/// <summary>Gives the network its input count and allocates its buffers; once it has one, only checks that <paramref name=\"inputCount\"/> is that count.</summary>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\">The network already has another input count (the message names both), or the count is not positive.</exception>");
            w.Open($"public void EnsureInputCount(int {InputCountName})");
            w.Open("if (_shape is not null)");
            w.Line($"if ({InputCountName} != _shape.InputCount)");
            w.Line($"    throw new global::System.ArgumentException($\"Network '{name}' was created for {{_shape.InputCount}} inputs; it cannot take {{{InputCountName}}}.\", nameof({InputCountName}));");
            w.Line("return;");
            w.Close();
            w.Line();
            w.Line($"global::Backprop.NetworkShape shape = ShapeFor({InputCountName});");
            w.Line("Parameters = new float[shape.ParameterCount];");
            w.Line("Gradients = new float[shape.ParameterCount];");
            if (spec.HasState)
            {
                w.Line("State = new float[shape.StateCount];");
                w.Line("global::Backprop.Initialization.ParameterInitializer.ResetState(shape, State);");
            }

            w.Line("_shape = shape;");
            w.Close();

            NetworkEmitter.EmitLayerProperties(w, spec, "SizedShape");
        }

        public static void EmitWorkspaceSize(CodeWriter w, NetworkSpec spec)
        {
            w.Line($"/// <summary>Floats of workspace the batched passes need for <paramref name=\"batchSize\"/> samples of <paramref name=\"inputCount\"/> inputs.</summary>");
            w.Line($"public static int BatchWorkspaceSize(int batchSize, int {InputCountName}) => checked(batchSize * ({PassEmitter.Count(spec, "BatchWorkspacePerSample")}) + {PassEmitter.Count(spec, "BatchWorkspaceFixed")});");
            w.Line();
            w.Line($"/// <summary>Not available: the workspace depends on the input count; call <see cref=\"BatchWorkspaceSize(int, int)\"/>.</summary>");
            w.Line($"public static int BatchWorkspaceSize(int batchSize) => throw new global::System.NotSupportedException(\"{spec.ClassName} takes its input count from the data: call BatchWorkspaceSize(batchSize, inputCount).\");");
        }

        /// <summary>The input-sized tensors in words, for the layout comment.</summary>
        private static string InputSizedTensors(NetworkSpec spec)
        {
            var names = new System.Collections.Generic.List<string>();
            foreach (LayerSpec layer in spec.Layers)
                if (layer.SizedByData && layer.CreateEmitter().InputSizedTensors() is string tensors) names.Add(tensors);

            return string.Join(", ", names);
        }
    }
}
