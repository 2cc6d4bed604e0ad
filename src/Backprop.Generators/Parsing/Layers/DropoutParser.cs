using Backprop.Generators.Model;
using static Backprop.Generators.Parsing.AttributeArguments;

namespace Backprop.Generators.Parsing.Layers
{
    /// <summary><c>[Dropout(rate)]</c>: no tensors; its mask is workspace.</summary>
    internal sealed class DropoutParser : LayerParser
    {
        public override bool HasParameters => false;

        public override LayerSpec Parse(DeclaredLayer layer, LayerLayout layout)
        {
            double rate = layer.Attribute.ConstructorArguments.Length > 0 && layer.Attribute.ConstructorArguments[0].Value is double r ? r : 0;
            if (!(rate >= 0 && (float)rate < 1)) // 1 − 1e-12 is 1 as a float: every unit dropped
                layout.Report(Diagnostics.InvalidLayerOption, ConstructorArgumentLocation(layer.Attribute, 0) ?? layer.Location, layer.Name, "rate", rate, "the dropout rate is a probability in [0, 1)");
            layout.AddWorkspace(3L * layout.Width);
            return new DropoutSpec(layer.Name, layer.Modifiers, layout.Index, layout.Width, rate);
        }
    }
}
