namespace Backprop.Generators.Model
{
    /// <summary>
    /// One node of a network, input to output: a declared layer, or the activation that follows a dense layer. Each kind
    /// is a record of its own with one emitter (Emit/Layers); nothing from the compilation is kept, so specs compare by value.
    /// </summary>
    /// <param name="Name">The declared layer's property name (a dense layer and its activation share it).</param>
    /// <param name="Index">The declared layer's position, 1-based: the superscript in comments and the suffix of buffer names.</param>
    /// <param name="Inputs">Values in per sample.</param>
    /// <param name="Units">Values out per sample.</param>
    internal abstract record LayerSpec(string Name, int Index, int Inputs, int Units)
    {
        /// <summary>Whether backward must compute the error signal of this node's input (some earlier layer has parameters).</summary>
        public bool Propagates { get; init; }

        /// <summary>
        /// The network takes its input count from the data and this node's input is that count: the first dense layer, and
        /// any layer before it (whose width is then the input count; <see cref="Inputs"/> and <see cref="Units"/> are 0 for
        /// those). The offsets of its input-sized tensors are then coefficients k of the input count n: the tensor starts
        /// at FixedParameterCount + k·n (FixedStateCount + k·n in the state buffer), after every constant-size tensor.
        /// </summary>
        public bool SizedByData { get; init; }

        /// <summary>Whether the node's width (in and out) is the run-time input count: a layer before the first dense layer of such a network.</summary>
        public bool WidthFromData => SizedByData && this is not DenseSpec;
    }

    /// <summary>A dense layer's affine map z = W·a + b; its activation is the next node.</summary>
    internal sealed record DenseSpec(string Name, string Modifiers, int Index, int Inputs, int Units, Activation Activation, bool HasBias,
        int WeightOffset, int BiasOffset) : LayerSpec(Name, Index, Inputs, Units)
    {
        public long WeightCount => (long)Units * Inputs;
    }

    /// <summary>The activation a = f(z) of the dense layer <see cref="LayerSpec.Name"/>, a node of its own.</summary>
    /// <param name="Name">The dense layer's name.</param>
    /// <param name="Index">The dense layer's position.</param>
    /// <param name="Width">Values in and out per sample.</param>
    /// <param name="Activation">The activation.</param>
    /// <param name="NeedsInput">f′ is computed from z, so z is kept beside a in training.</param>
    /// <param name="FusedWithLoss">The output's Softmax or Sigmoid whose derivative the loss already includes (δ = p − t).</param>
    internal sealed record ActivationSpec(string Name, int Index, int Width, Activation Activation, bool NeedsInput, bool FusedWithLoss)
        : LayerSpec(Name, Index, Width, Width);

    /// <summary>Layer normalisation over each sample's features, with gain and shift.</summary>
    internal sealed record LayerNormSpec(string Name, string Modifiers, int Index, int Width, int GainOffset, int ShiftOffset, double Epsilon)
        : LayerSpec(Name, Index, Width, Width);

    /// <summary>Batch normalisation per feature, with gain and shift (parameters) and running statistics (state).</summary>
    internal sealed record BatchNormSpec(string Name, string Modifiers, int Index, int Width, int GainOffset, int ShiftOffset,
        int MeanOffset, int VarianceOffset, double Epsilon, double Momentum) : LayerSpec(Name, Index, Width, Width);

    /// <summary>Input normalisation with the mean and variance of the training data (state; no parameters). Always the first layer.</summary>
    internal sealed record NormalizeSpec(string Name, string Modifiers, int Index, int Width, int MeanOffset, int VarianceOffset)
        : LayerSpec(Name, Index, Width, Width);

    /// <summary>Inverted dropout: a mask in training, the identity in inference.</summary>
    internal sealed record DropoutSpec(string Name, string Modifiers, int Index, int Width, double Rate) : LayerSpec(Name, Index, Width, Width);
}
