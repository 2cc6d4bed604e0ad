using Microsoft.CodeAnalysis;

namespace Backprop.Generators
{
    /// <summary>Every diagnostic the generator reports: one id per kind of bad declaration.</summary>
    internal static class Diagnostics
    {
        private const string Category = "Backprop";

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
            "Network '{0}' declares Inputs = {1}; set [Network(Inputs = n)] with n > 0");

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
            "Layer must be a partial get-only DenseLayer property",
            "Layer '{0}' must be declared as an instance 'partial DenseLayer {0} {{ get; }}' property: {1}");

        public static readonly DiagnosticDescriptor SoftmaxNotLast = Error("BP0009",
            "Softmax is only allowed on the last layer",
            "Layer '{0}' uses Softmax but is not the last layer; use another activation for hidden layers");

        public static readonly DiagnosticDescriptor SoftmaxLossMismatch = Error("BP0010",
            "Softmax output and SoftmaxCrossEntropy go together",
            "Network '{0}' has a {1} output layer with loss {2}; a Softmax output layer needs Loss.SoftmaxCrossEntropy and SoftmaxCrossEntropy needs a Softmax output layer");

        public static readonly DiagnosticDescriptor BinaryCrossEntropyOutput = Error("BP0011",
            "BinaryCrossEntropy needs one sigmoid output",
            "Network '{0}' uses Loss.BinaryCrossEntropy, which needs an output layer of 1 unit with Activation.Sigmoid, but '{1}' has {2} unit(s) with {3}");

        public static readonly DiagnosticDescriptor ReservedName = Error("BP0012",
            "Layer name collides with a generated member",
            "Layer name '{0}' collides with the generated member '{0}' of network '{1}'; rename the layer");

        public static readonly DiagnosticDescriptor TooLarge = Error("BP0013",
            "Network is too large",
            "Network '{0}' has {1} parameters; at most {2} fit in one parameter buffer");

        public static readonly DiagnosticDescriptor LayerOutsideNetwork = Error("BP0014",
            "Layer declared outside a network",
            "Property '{0}' has [Dense] but its class '{1}' has no [Network] attribute; add [Network(Inputs = n)] to the class");

        public static DiagnosticDescriptor ById(string id) => id switch
        {
            "BP0001" => NotPartial,
            "BP0002" => Nested,
            "BP0003" => Generic,
            "BP0004" => InvalidInputs,
            "BP0005" => UnknownEnumValue,
            "BP0006" => NoLayers,
            "BP0007" => InvalidUnits,
            "BP0008" => InvalidLayerProperty,
            "BP0009" => SoftmaxNotLast,
            "BP0010" => SoftmaxLossMismatch,
            "BP0011" => BinaryCrossEntropyOutput,
            "BP0012" => ReservedName,
            "BP0013" => TooLarge,
            "BP0014" => LayerOutsideNetwork,
            _ => InternalError,
        };

        private static DiagnosticDescriptor Error(string id, string title, string message) =>
            new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true);
    }
}
