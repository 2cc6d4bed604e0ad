using Backprop.Generators.Model;
using static Backprop.Generators.Parsing.AttributeArguments;

namespace Backprop.Generators.Parsing.Layers
{
    /// <summary><c>[LayerNorm(Epsilon = …)]</c>: γ then β, each of the layer's width (input-sized before the first dense layer).</summary>
    internal sealed class LayerNormParser : LayerParser
    {
        public override bool HasParameters => true;

        public override LayerSpec Parse(DeclaredLayer layer, LayerLayout layout)
        {
            double epsilon = NamedDouble(layer.Attribute, nameof(LayerNormAttribute.Epsilon), 1e-5);
            if (!IsPositiveFloat(epsilon))
                layout.Report(Diagnostics.InvalidLayerOption, NamedArgumentLocation(layer.Attribute, nameof(LayerNormAttribute.Epsilon)) ?? layer.Location, layer.Name, "Epsilon", epsilon, EpsilonRule);
            if (layout.SizedByData)
            {
                int gain = layout.InputSizedParameters(1), shift = layout.InputSizedParameters(1);
                return new LayerNormSpec(layer.Name, layer.Modifiers, layout.Index, 0, gain, shift, epsilon);
            }

            int width = layout.Width;
            int gainOffset = layout.Parameters(width), shiftOffset = layout.Parameters(width);
            layout.AddWorkspace(2L * width + 2);
            return new LayerNormSpec(layer.Name, layer.Modifiers, layout.Index, width, gainOffset, shiftOffset, epsilon);
        }
    }
}
