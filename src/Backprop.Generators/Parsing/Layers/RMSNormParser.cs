using Backprop.Generators.Model;
using static Backprop.Generators.Parsing.AttributeArguments;

namespace Backprop.Generators.Parsing.Layers
{
    /// <summary><c>[RMSNorm(Epsilon = …)]</c>: γ of the layer's width (input-sized before the first dense layer).</summary>
    internal sealed class RMSNormParser : LayerParser
    {
        public override bool HasParameters => true;

        public override LayerSpec Parse(DeclaredLayer layer, LayerLayout layout)
        {
            double epsilon = NamedDouble(layer.Attribute, nameof(RMSNormAttribute.Epsilon), 1e-5);
            if (!IsPositiveFloat(epsilon))
                layout.Report(Diagnostics.InvalidLayerOption, NamedArgumentLocation(layer.Attribute, nameof(RMSNormAttribute.Epsilon)) ?? layer.Location, layer.Name, "Epsilon", epsilon, EpsilonRule);
            if (layout.SizedByData)
                return new RMSNormSpec(layer.Name, layer.Modifiers, layout.Index, 0, layout.InputSizedParameters(1), epsilon);

            int width = layout.Width;
            int gainOffset = layout.Parameters(width);
            layout.AddWorkspace(2L * width + 1); // a, δ and r per sample
            return new RMSNormSpec(layer.Name, layer.Modifiers, layout.Index, width, gainOffset, epsilon);
        }
    }
}
