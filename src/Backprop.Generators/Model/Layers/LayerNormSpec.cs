using Backprop.Generators.Emit.Layers;

namespace Backprop.Generators.Model
{
    /// <summary>Layer normalisation over each sample's features, with gain and shift.</summary>
    internal sealed record LayerNormSpec(string Name, string Modifiers, int Index, int Width, int GainOffset, int ShiftOffset, double Epsilon)
        : LayerSpec(Name, Modifiers, Index, Width, Width)
    {
        /// <summary>The view type of the layer property.</summary>
        public const string View = "Backprop.LayerNormLayer";

        public override string Kind => "LayerNorm";

        public override LayerEmitter CreateEmitter() => new LayerNormEmitter(this);
    }
}
