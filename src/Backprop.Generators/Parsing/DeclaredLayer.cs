using System.Linq;
using Backprop.Generators.Parsing.Layers;
using Microsoft.CodeAnalysis;

namespace Backprop.Generators.Parsing
{
    /// <summary>A layer property as declared: its kind's attribute and where it is.</summary>
    internal sealed class DeclaredLayer
    {
        public DeclaredLayer(IPropertySymbol property, AttributeData attribute, LayerKindInfo kind, string modifiers)
        {
            Property = property;
            Attribute = attribute;
            Kind = kind;
            Modifiers = modifiers;
        }

        public IPropertySymbol Property { get; }

        public AttributeData Attribute { get; }

        /// <summary>The kind, from the table of known kinds (<see cref="LayerKinds"/>).</summary>
        public LayerKindInfo Kind { get; }

        /// <summary>The property's declared modifiers, <c>partial</c> last.</summary>
        public string Modifiers { get; }

        public string Name => Property.Name;

        public Location Location => Property.Locations.FirstOrDefault() ?? Location.None;
    }
}
