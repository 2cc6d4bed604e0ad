namespace Backprop.Generators.Parsing.Layers
{
    /// <summary>One known layer kind: the attribute that declares it, the type of its property, and its parser.</summary>
    internal sealed class LayerKindInfo
    {
        public LayerKindInfo(string attribute, string view, LayerParser parser)
        {
            Attribute = attribute;
            View = view;
            Parser = parser;
        }

        /// <summary>The attribute's full name: <c>Backprop.DenseAttribute</c>.</summary>
        public string Attribute { get; }

        /// <summary>The attribute as written on a property: <c>[Dense]</c>.</summary>
        public string Declared
        {
            get
            {
                string name = Attribute.Substring(Attribute.LastIndexOf('.') + 1);
                return "[" + (name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name) + "]";
            }
        }

        /// <summary>The layer property's type, the view over the buffers: <c>Backprop.DenseLayer</c>.</summary>
        public string View { get; }

        public LayerParser Parser { get; }
    }
}
