using Backprop.Generators.Emit.Layers;

namespace Backprop.Generators.Model
{
    /// <summary>
    /// One declared layer of a network, input to output. Each kind is a record of its own (Model/Layers) with one parser
    /// (Parsing/Layers) and one emitter (Emit/Layers); nothing from the compilation is kept, so specs compare by value.
    /// </summary>
    /// <param name="Name">The layer's property name.</param>
    /// <param name="Modifiers">The property's declared modifiers, <c>partial</c> last.</param>
    /// <param name="Index">The layer's position, 1-based: the superscript in comments and the suffix of buffer names.</param>
    /// <param name="Inputs">Values in per sample.</param>
    /// <param name="Units">Values out per sample.</param>
    internal abstract record LayerSpec(string Name, string Modifiers, int Index, int Inputs, int Units)
    {
        /// <summary>Whether backward must compute the error signal of this layer's input (some earlier layer has parameters).</summary>
        public bool Propagates { get; init; }

        /// <summary>
        /// The network takes its input count from the data and this layer's input is that count: the first dense layer, and
        /// any layer before it (whose width is then the input count; <see cref="Inputs"/> and <see cref="Units"/> are 0 for
        /// those). The offsets of its input-sized tensors are then coefficients k of the input count n: the tensor starts
        /// at FixedParameterCount + k·n (FixedStateCount + k·n in the state buffer), after every constant-size tensor.
        /// </summary>
        public bool SizedByData { get; init; }

        /// <summary>
        /// Whether the layer's width (in and out) is the run-time input count: a layer sized by the data whose output has the
        /// width of its input. A kind that sets its own output width (dense) overrides this.
        /// </summary>
        public virtual bool WidthFromData => SizedByData;

        /// <summary>The kind as declared, the attribute's name without "Attribute": <c>Dense</c>, <c>LayerNorm</c>, ….</summary>
        public abstract string Kind { get; }

        /// <summary>Whether training differs from inference (batch statistics, dropout masks): the per-sample Backward is not available.</summary>
        public virtual bool HasTrainingMode => false;

        /// <summary>Whether the layer keeps statistics of the training data in the state buffer, which every pass reads.</summary>
        public virtual bool KeepsDataStatistics => false;

        /// <summary>The activation applied to the layer's output, or null when the layer has none (only a dense layer has one).</summary>
        public virtual Activation? OutputActivation => null;

        /// <summary>The emitter that writes this layer's code.</summary>
        public abstract LayerEmitter CreateEmitter();
    }
}
