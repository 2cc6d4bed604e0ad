using Backprop.Generators.Model;

namespace Backprop.Generators.Parsing.Layers
{
    /// <summary><c>[Normalize]</c>, the first layer: the mean then the variance of the training data in the state (input-sized when the input count comes from the data).</summary>
    internal sealed class NormalizeParser : LayerParser
    {
        public override bool HasParameters => false;

        public override LayerSpec Parse(DeclaredLayer layer, LayerLayout layout)
        {
            if (!layout.IsFirst)
                layout.Report(Diagnostics.NormalizeNotFirst, layer.Location, layer.Name, layout.Network, layout.Declared[0].Name);
            if (layout.SizedByData)
            {
                int mean = layout.InputSizedState(1), variance = layout.InputSizedState(1);
                return new NormalizeSpec(layer.Name, layer.Modifiers, layout.Index, 0, mean, variance);
            }

            int width = layout.Width;
            int meanOffset = layout.State(width), varianceOffset = layout.State(width);
            layout.AddWorkspace(width);
            return new NormalizeSpec(layer.Name, layer.Modifiers, layout.Index, width, meanOffset, varianceOffset);
        }
    }
}
