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

        /// <summary>The layer property's type, the view over the buffers: <c>Backprop.DenseLayer</c>.</summary>
        public string View { get; }

        public LayerParser Parser { get; }
    }
}
