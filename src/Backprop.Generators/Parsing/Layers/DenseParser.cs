using System;
using System.Collections.Generic;
using Backprop.Generators.Model;
using Microsoft.CodeAnalysis;
using static Backprop.Generators.Parsing.AttributeArguments;

namespace Backprop.Generators.Parsing.Layers
{
    /// <summary>
    /// <c>[Dense(units, activation, Bias = …)]</c>: W [units × inputs] then b [units] in layer order; with the input count
    /// from the data, W [units × n] goes after every constant-size tensor (coefficient k) and b stays in layer order.
    /// </summary>
    internal sealed class DenseParser : LayerParser
    {
        public override bool HasParameters => true;

        public override bool MayBeOutput => true;

        public override LayerSpec Parse(DeclaredLayer layer, LayerLayout layout)
        {
            AttributeData attribute = layer.Attribute;
            string name = layer.Name;
            int units = attribute.ConstructorArguments.Length > 0 && attribute.ConstructorArguments[0].Value is int u ? u : 0;
            if (units <= 0)
                layout.Report(Diagnostics.InvalidUnits, ConstructorArgumentLocation(attribute, 0) ?? layer.Location, name, units);
            Activation activation = Activation.Identity;
            if (attribute.ConstructorArguments.Length > 1 && attribute.ConstructorArguments[1].Value is int a)
            {
                if (ActivationTable.IsKnown((Activation)a)) activation = (Activation)a;
                else layout.Report(Diagnostics.UnknownEnumValue, ConstructorArgumentLocation(attribute, 1) ?? layer.Location, a, nameof(Activation), string.Join(", ", ActivationTable.All));
            }

            bool bias = true;
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
                if (named.Key == nameof(DenseAttribute.Bias) && named.Value.Value is bool b) bias = b;
            units = Math.Max(units, 1);

            ActivationInfoAttribute info = ActivationTable.Of(activation);
            bool fused = layout.IsLast && ((activation == Activation.Softmax && layout.Loss == Loss.SoftmaxCrossEntropy) || (activation == Activation.Sigmoid && layout.Loss == Loss.BinaryCrossEntropy));
            var function = new ActivationSpec(name, layout.Index, units, activation, info.DerivativeNeedsInput, fused);
            DenseSpec spec;
            if (layout.SizedByData)
            {
                int weights = layout.InputSizedParameters(units);
                int biases = bias ? layout.Parameters(units) : -1;
                spec = new DenseSpec(name, layer.Modifiers, layout.Index, 0, units, function, bias, weights, biases);
            }
            else
            {
                int width = layout.Width;
                int weights = layout.Parameters((long)units * width);
                int biases = bias ? layout.Parameters(units) : -1;
                spec = new DenseSpec(name, layer.Modifiers, layout.Index, width, units, function, bias, weights, biases);
            }

            if (info.OutputOnly && !layout.IsLast)
                layout.Report(Diagnostics.SoftmaxNotLast, layer.Location, name);
            layout.AddWorkspace((info.DerivativeNeedsInput ? 3L : 2L) * units);
            layout.Outputs(units);
            return spec;
        }

        /// <summary>Softmax goes with SoftmaxCrossEntropy and only with it; BinaryCrossEntropy needs a Sigmoid output.</summary>
        public override void CheckOutput(LayerSpec output, DeclaredLayer layer, string network, Loss loss, Location lossLocation, List<DiagnosticInfo> diagnostics)
        {
            Activation activation = ((DenseSpec)output).Activation.Function;
            Location activationLocation = ConstructorArgumentLocation(layer.Attribute, 1) ?? AttributeLocation(layer.Attribute, layer.Location);
            bool softmaxOutput = activation == Activation.Softmax;
            if (softmaxOutput != (loss == Loss.SoftmaxCrossEntropy))
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.SoftmaxLossMismatch, softmaxOutput ? lossLocation : activationLocation, network, activation, loss));
            else if (loss == Loss.BinaryCrossEntropy && activation != Activation.Sigmoid)
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.BinaryCrossEntropyOutput, activationLocation, network, output.Name, activation));
        }
    }
}
