using Backprop.Generators.Emit.Layers;

namespace Backprop.Generators.Model
{
    /// <summary>Root-mean-square normalisation over each sample's features, with a gain and no shift.</summary>
    internal sealed record RMSNormSpec(string Name, string Modifiers, int Index, int Width, int GainOffset, double Epsilon)
        : LayerSpec(Name, Modifiers, Index, Width, Width)
    {
        /// <summary>The view type of the layer property.</summary>
        public const string View = "Backprop.RMSNormLayer";

        public override string Kind => "RMSNorm";

        public override LayerEmitter CreateEmitter() => new RMSNormEmitter(this);
    }
}
