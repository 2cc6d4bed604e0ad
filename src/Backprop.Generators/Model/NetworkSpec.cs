using System.Linq;

namespace Backprop.Generators.Model
{
    /// <summary>One validated network declaration, ready to emit.</summary>
    /// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
    /// <param name="ClassName">The declared class name (as text, without @).</param>
    /// <param name="ClassIdentifier">The class name as an identifier (with @ for a keyword).</param>
    /// <param name="Inputs">Input vector size; 0 when the network takes it from the data (<see cref="InputsFromData"/>).</param>
    /// <param name="Loss">The training loss.</param>
    /// <param name="HuberDelta">The δ of the Huber loss.</param>
    /// <param name="Layers">The declared layers in order.</param>
    /// <param name="ParameterCount">Floats in the parameter buffer (from the data: those that do not depend on the input count).</param>
    /// <param name="StateCount">Floats in the state buffer (from the data: those that do not depend on the input count).</param>
    internal sealed record NetworkSpec(string Namespace, string ClassName, string ClassIdentifier, int Inputs, Loss Loss, double HuberDelta,
        EquatableArray<LayerSpec> Layers, int ParameterCount, int StateCount)
    {
        public int OutputCount => Layers[Layers.Count - 1].Units;

        /// <summary>Declared without Inputs: the input count comes from the data when the network is created for it.</summary>
        public bool InputsFromData { get; init; }

        /// <summary>From the data: parameters per input (the input-sized tensors); the buffer holds ParameterCount + n × this.</summary>
        public int ParametersPerInput { get; init; }

        /// <summary>From the data: state values per input.</summary>
        public int StatePerInput { get; init; }

        /// <summary>Whether the network has a state buffer.</summary>
        public bool HasState => StateCount > 0 || StatePerInput > 0;

        /// <summary>The first layer that keeps statistics of the training data in the state (a Normalize layer), or null.</summary>
        public LayerSpec? DataStatistics => Layers.FirstOrDefault(l => l.KeepsDataStatistics);

        /// <summary>The number of declared layers (the last index).</summary>
        public int LayerCount => Layers[Layers.Count - 1].Index;

        /// <summary>True when training differs from inference (BatchNorm, Dropout): the per-sample Backward is not available.</summary>
        public bool HasTrainingMode => Layers.Any(l => l.HasTrainingMode);
    }

    /// <summary>A layer property the generator must implement even when the declaration is in error (a throwing stub).</summary>
    /// <param name="Name">The property's name as an identifier, or <c>this[...]</c> with the parameters for an indexer.</param>
    /// <param name="Modifiers">The declared modifiers, <c>partial</c> last.</param>
    /// <param name="Type">The fully qualified type.</param>
    /// <param name="Accessors">The declared accessors, space-separated: <c>get</c>, <c>get set</c>, <c>get init</c>, <c>set</c>.</param>
    internal sealed record StubSpec(string Name, string Modifiers, string Type, string Accessors);

    /// <summary>What the parser found for one [Network] class: a spec to emit (when valid), stubs otherwise, and diagnostics.</summary>
    /// <param name="Network">The spec to emit, or null when the declaration is in error.</param>
    /// <param name="Declaration">The type's partial declaration as the stubs repeat it (<c>partial class GenericNet&lt;T&gt;</c>, <c>partial record Net</c>).</param>
    /// <param name="Namespace">The containing namespace, or empty.</param>
    /// <param name="Containers">The declarations of the containing types, outermost first (<c>partial class Outer</c>).</param>
    /// <param name="Stubs">Layer properties to implement as throwing stubs when the declaration is in error.</param>
    /// <param name="Diagnostics">What is wrong.</param>
    /// <param name="HintName">The generated file's name, or empty when nothing is generated for this part.</param>
    internal sealed record ParseResult(NetworkSpec? Network, string Declaration, string Namespace, EquatableArray<StringValue> Containers,
        EquatableArray<StubSpec> Stubs, EquatableArray<DiagnosticInfo> Diagnostics, string HintName);
}
