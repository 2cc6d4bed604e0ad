using Backprop.Generators.Emit.Layers;

namespace Backprop.Generators.Model
{
    /// <summary>A dense layer's affine map z = W·a + b, followed by its activation a = f(z).</summary>
    /// <param name="Name">The layer's property name.</param>
    /// <param name="Modifiers">The property's declared modifiers.</param>
    /// <param name="Index">The layer's position, 1-based.</param>
    /// <param name="Inputs">Values in per sample (0 when they are the input count from the data).</param>
    /// <param name="Units">Values out per sample.</param>
    /// <param name="Activation">The activation that follows the affine map.</param>
    /// <param name="HasBias">Whether the layer adds b.</param>
    /// <param name="WeightOffset">Offset of W in the parameter buffer (the coefficient k when <see cref="LayerSpec.SizedByData"/>).</param>
    /// <param name="BiasOffset">Offset of b in the parameter buffer, or -1 without a bias.</param>
    internal sealed record DenseSpec(string Name, string Modifiers, int Index, int Inputs, int Units, ActivationSpec Activation, bool HasBias,
        int WeightOffset, int BiasOffset) : LayerSpec(Name, Modifiers, Index, Inputs, Units)
    {
        /// <summary>The view type of the layer property.</summary>
        public const string View = "Backprop.DenseLayer";

        public long WeightCount => (long)Units * Inputs;

        /// <summary>Never: a dense layer's output has its units, whatever its input.</summary>
        public override bool WidthFromData => false;

        public override string Kind => "Dense";

        public override Activation? OutputActivation => Activation.Function;

        public override LayerEmitter CreateEmitter() => new DenseEmitter(this);
    }
}
