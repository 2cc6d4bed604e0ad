using System.Linq;
using Backprop.Generators.Model;

namespace Backprop.Generators.Parsing.Layers
{
    /// <summary>
    /// The table of known layer kinds, the one list of them: the parser reads a property as a layer when it carries one of
    /// these attributes, and the generator reports a layer attribute outside a network for each. Adding a kind is one line here
    /// and its own files (Model/Layers, Parsing/Layers, Emit/Layers).
    /// </summary>
    internal static class LayerKinds
    {
        public static readonly LayerKindInfo[] All =
        {
            new(typeof(DenseAttribute).FullName!, DenseSpec.View, new DenseParser()),
            new(typeof(LayerNormAttribute).FullName!, LayerNormSpec.View, new LayerNormParser()),
            new(typeof(BatchNormAttribute).FullName!, BatchNormSpec.View, new BatchNormParser()),
            new(typeof(DropoutAttribute).FullName!, DropoutSpec.View, new DropoutParser()),
            new(typeof(NormalizeAttribute).FullName!, NormalizeSpec.View, new NormalizeParser()),
            new(typeof(RMSNormAttribute).FullName!, RMSNormSpec.View, new RMSNormParser()),
        };

        /// <summary>Every kind's attribute as declared, in table order: <c>[Dense], [LayerNorm], …</c> (BP0018 lists them).</summary>
        public static string AttributeList => string.Join(", ", All.Select(k => k.Declared));
    }
}
