using Backprop.Generators.Emit.Layers;

namespace Backprop.Generators.Model
{
    /// <summary>Batch normalisation per feature, with gain and shift (parameters) and running statistics (state).</summary>
    internal sealed record BatchNormSpec(string Name, string Modifiers, int Index, int Width, int GainOffset, int ShiftOffset,
        int MeanOffset, int VarianceOffset, double Epsilon, double Momentum) : LayerSpec(Name, Modifiers, Index, Width, Width)
    {
        /// <summary>The view type of the layer property.</summary>
        public const string View = "Backprop.BatchNormLayer";

        public override string Kind => "BatchNorm";

        /// <summary>Batch statistics in training, running statistics in inference.</summary>
        public override bool HasTrainingMode => true;

        public override LayerEmitter CreateEmitter() => new BatchNormEmitter(this);
    }
}
