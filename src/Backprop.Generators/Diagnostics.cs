using Microsoft.CodeAnalysis;

namespace Backprop.Generators
{
    /// <summary>Every diagnostic the generator reports: one id per kind of bad declaration, each with a help page.</summary>
    internal static class Diagnostics
    {
        private const string Category = "Backprop";

        /// <summary>
        /// The help page: docs/diagnostics.md of this repository, one section per id (anchor <c>bp0001</c>). The link is relative to
        /// the repository root because the repository has no published address; it names the file exactly, and never a site
        /// that does not exist. Once the repository has a public home, this is the one line to make absolute.
        /// </summary>
        private const string HelpBase = "docs/diagnostics.md#";

        public static readonly DiagnosticDescriptor InternalError = Error("BP0000",
            "Backprop generator failed",
            "The Backprop generator failed on '{0}': {1}. Please report this with the declaration that caused it.");

        public static readonly DiagnosticDescriptor NotPartial = Error("BP0001",
            "Network class must be partial",
            "Network class '{0}' must be declared 'partial' so that the generator can implement it");

        public static readonly DiagnosticDescriptor Nested = Error("BP0002",
            "Network class cannot be nested",
            "Network class '{0}' is nested in '{1}'; declare networks as top-level classes");

        public static readonly DiagnosticDescriptor Generic = Error("BP0003",
            "Network class cannot be generic",
            "Network class '{0}' has type parameters; the layer sizes must be fixed, so networks cannot be generic");

        public static readonly DiagnosticDescriptor InvalidInputs = Error("BP0004",
            "Network needs a positive input count",
            "Network '{0}' declares Inputs = {1}; set [Network(Inputs = n)] with n > 0, or leave Inputs out to take the input count from the data");

        public static readonly DiagnosticDescriptor UnknownEnumValue = Error("BP0005",
            "Unknown enum value",
            "'{0}' is not a defined {1} value; use one of: {2}");

        public static readonly DiagnosticDescriptor NoLayers = Error("BP0006",
            "Network has no layers",
            "Network '{0}' declares no layers; add at least one '[Dense(units, activation)] public partial DenseLayer Name {{ get; }}'");

        public static readonly DiagnosticDescriptor InvalidUnits = Error("BP0007",
            "Layer needs a positive number of units",
            "Layer '{0}' declares {1} units; a dense layer needs at least 1");

        public static readonly DiagnosticDescriptor InvalidLayerProperty = Error("BP0008",
            "Layer must be a partial get-only property of its layer type",
            "Layer '{0}' must be declared as an instance 'partial {1} {0} {{ get; }}' property: {2}");

        public static readonly DiagnosticDescriptor SoftmaxNotLast = Error("BP0009",
            "Softmax is only allowed on the last layer",
            "Layer '{0}' uses Softmax but is not the last layer; use another activation for hidden layers");

        public static readonly DiagnosticDescriptor SoftmaxLossMismatch = Error("BP0010",
            "Softmax output and SoftmaxCrossEntropy go together",
            "Network '{0}' has a {1} output layer with loss {2}; a Softmax output layer needs Loss.SoftmaxCrossEntropy and SoftmaxCrossEntropy needs a Softmax output layer");

        public static readonly DiagnosticDescriptor BinaryCrossEntropyOutput = Error("BP0011",
            "BinaryCrossEntropy needs sigmoid outputs",
            "Network '{0}' uses Loss.BinaryCrossEntropy, which needs an output layer with Activation.Sigmoid (one unit per label), but '{1}' uses {2}");

        public static readonly DiagnosticDescriptor ReservedName = Error("BP0012",
            "Name collides with a generated member",
            "'{0}' collides with the member '{0}' the generator writes for network '{1}'; rename it");

        public static readonly DiagnosticDescriptor TooLarge = Error("BP0013",
            "Network is too large",
            "Network '{0}' needs {1} floats for {2}; at most {3} fit in one buffer");

        public static readonly DiagnosticDescriptor LayerOutsideNetwork = Error("BP0014",
            "Layer declared outside a network",
            "Property '{0}' has a layer attribute but its class '{1}' has no [Network] attribute; add [Network(Inputs = n)] to the class");

        public static readonly DiagnosticDescriptor NotAClass = Error("BP0015",
            "Network must be a class",
            "'{0}' is {1}; [Network] goes on a partial class");

        public static readonly DiagnosticDescriptor UnsupportedClass = Error("BP0016",
            "Network class shape not supported",
            "Network class '{0}' {1}");

        public static readonly DiagnosticDescriptor LayersSplit = Error("BP0017",
            "Layers must be declared in one part of the class",
            "Layer '{0}' of network '{1}' is in another partial declaration than layer '{2}'; the order of layers across files is not defined, so declare all layers in one part");

        public static readonly DiagnosticDescriptor SeveralLayerAttributes = Error("BP0018",
            "A property declares one layer",
            "Property '{0}' has {1} layer attributes; a layer property carries exactly one of {2}");

        public static readonly DiagnosticDescriptor OutputNotDense = Error("BP0019",
            "The last layer must be dense",
            "The last layer of network '{0}' is '{1}', a {2} layer; the output layer must be [Dense] (normalisation or dropout of the outputs would change what the loss sees)");

        public static readonly DiagnosticDescriptor InvalidLayerOption = Error("BP0020",
            "Layer option out of range",
            "Layer '{0}' sets {1} = {2}; {3}");

        public static readonly DiagnosticDescriptor InvalidHuberDelta = Error("BP0021",
            "Huber δ must be positive",
            "Network '{0}' sets HuberDelta = {1}; the Huber loss needs a δ that is positive and finite as a float, 1.4E-45 to 3.4E+38");

        public static readonly DiagnosticDescriptor NormalizeNotFirst = Error("BP0022",
            "[Normalize] must be the first layer",
            "Layer '{0}' of network '{1}' is [Normalize] but '{2}' comes before it; the normalisation adapted from the data standardises the network's inputs, so declare it first");

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + id.ToLowerInvariant());
    }
}
