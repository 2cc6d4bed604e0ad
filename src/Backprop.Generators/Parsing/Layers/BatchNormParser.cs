using Backprop.Generators.Model;
using static Backprop.Generators.Parsing.AttributeArguments;

namespace Backprop.Generators.Parsing.Layers
{
    /// <summary>
    /// <c>[BatchNorm(Epsilon = …, Momentum = …)]</c>: γ then β in the parameters, the running mean then variance in the state,
    /// each of the layer's width (input-sized before the first dense layer).
    /// </summary>
    internal sealed class BatchNormParser : LayerParser
    {
        public override bool HasParameters => true;

        public override LayerSpec Parse(DeclaredLayer layer, LayerLayout layout)
        {
            double epsilon = NamedDouble(layer.Attribute, nameof(BatchNormAttribute.Epsilon), 1e-5);
            double momentum = NamedDouble(layer.Attribute, nameof(BatchNormAttribute.Momentum), 0.1);
            if (!IsPositiveFloat(epsilon))
                layout.Report(Diagnostics.InvalidLayerOption, NamedArgumentLocation(layer.Attribute, nameof(BatchNormAttribute.Epsilon)) ?? layer.Location, layer.Name, "Epsilon", epsilon, EpsilonRule);
            if (!(IsPositiveFloat(momentum) && momentum <= 1))
                layout.Report(Diagnostics.InvalidLayerOption, NamedArgumentLocation(layer.Attribute, nameof(BatchNormAttribute.Momentum)) ?? layer.Location, layer.Name, "Momentum", momentum, "the momentum of the running statistics must be in (0, 1] (0.1 by default)");
            if (layout.SizedByData)
            {
                int gain = layout.InputSizedParameters(1), shift = layout.InputSizedParameters(1);
                int mean = layout.InputSizedState(1), variance = layout.InputSizedState(1);
                return new BatchNormSpec(layer.Name, layer.Modifiers, layout.Index, 0, gain, shift, mean, variance, epsilon, momentum);
            }

            int width = layout.Width;
            int gainOffset = layout.Parameters(width), shiftOffset = layout.Parameters(width);
            int meanOffset = layout.State(width), varianceOffset = layout.State(width);
            layout.AddWorkspace(2L * width);
            return new BatchNormSpec(layer.Name, layer.Modifiers, layout.Index, width, gainOffset, shiftOffset, meanOffset, varianceOffset, epsilon, momentum);
        }
    }
}
