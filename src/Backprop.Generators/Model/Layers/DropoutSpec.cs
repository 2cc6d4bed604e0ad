using Backprop.Generators.Emit.Layers;

namespace Backprop.Generators.Model
{
    /// <summary>Inverted dropout: a mask in training, the identity in inference.</summary>
    internal sealed record DropoutSpec(string Name, string Modifiers, int Index, int Width, double Rate)
        : LayerSpec(Name, Modifiers, Index, Width, Width)
    {
        /// <summary>The view type of the layer property.</summary>
        public const string View = "Backprop.DropoutLayer";

        public override string Kind => "Dropout";

        /// <summary>A mask in training, the identity in inference.</summary>
        public override bool HasTrainingMode => true;

        public override LayerEmitter CreateEmitter() => new DropoutEmitter(this);
    }
}
