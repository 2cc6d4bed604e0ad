using Backprop.Generators.Emit.Layers;

namespace Backprop.Generators.Model
{
    /// <summary>Input normalisation with the mean and variance of the training data (state; no parameters). Always the first layer.</summary>
    internal sealed record NormalizeSpec(string Name, string Modifiers, int Index, int Width, int MeanOffset, int VarianceOffset)
        : LayerSpec(Name, Modifiers, Index, Width, Width)
    {
        /// <summary>The view type of the layer property.</summary>
        public const string View = "Backprop.NormalizeLayer";

        public override string Kind => "Normalize";

        public override bool KeepsDataStatistics => true;

        public override LayerEmitter CreateEmitter() => new NormalizeEmitter(this);
    }
}
