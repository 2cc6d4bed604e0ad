using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Backprop.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Backprop.Generators.Parsing
{
    /// <summary>Turns one [Network] class into a <see cref="NetworkSpec"/> or the diagnostics that explain why it cannot be generated.</summary>
    internal static class NetworkParser
    {
        public const string NetworkAttributeName = "Backprop.NetworkAttribute";
        public const string DenseAttributeName = "Backprop.DenseAttribute";
        private const string DenseLayerTypeName = "Backprop.DenseLayer";

        /// <summary>Names the generator emits on every network; a layer may not take one.</summary>
        private static readonly HashSet<string> ReservedMembers = new(StringComparer.Ordinal)
        {
            "InputCount", "OutputCount", "ParameterCount", "BatchWorkspacePerSample", "Shape", "Parameters", "Gradients",
            "Forward", "Backward", "ForwardBatch", "BackwardBatch", "BatchWorkspaceSize", "GetLayer", "Name",
        };

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            string hintName = HintName(type);
            var diagnostics = new List<DiagnosticInfo>();
            try
            {
                NetworkSpec? spec = ParseNetwork(type, context.Attributes[0], (ClassDeclarationSyntax)context.TargetNode, diagnostics, cancellationToken);
                return new ParseResult(diagnostics.Count == 0 ? spec : null, ToArray(diagnostics), hintName);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The generator must never throw: report the failure where the user can see it.
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InternalError, type.Locations.FirstOrDefault(), type.Name, exception.Message));
                return new ParseResult(null, ToArray(diagnostics), hintName);
            }
        }

        private static NetworkSpec? ParseNetwork(INamedTypeSymbol type, AttributeData attribute, ClassDeclarationSyntax node,
            List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            Location classLocation = node.Identifier.GetLocation();
            if (!type.DeclaringSyntaxReferences.All(r => r.GetSyntax(cancellationToken) is ClassDeclarationSyntax c && c.Modifiers.Any(SyntaxKind.PartialKeyword)))
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NotPartial, classLocation, type.Name));
            if (type.ContainingType is not null)
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.Nested, classLocation, type.Name, type.ContainingType.Name));
            if (type.TypeParameters.Length > 0)
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.Generic, classLocation, type.Name));

            // [Network(Inputs = n, Loss = ...)]
            int inputs = 0;
            LossKind loss = LossKind.SquaredError;
            Location inputsLocation = AttributeLocation(attribute, classLocation);
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                Location argumentLocation = NamedArgumentLocation(attribute, named.Key) ?? inputsLocation;
                if (named.Key == "Inputs" && named.Value.Value is int n)
                {
                    inputs = n;
                    inputsLocation = argumentLocation;
                }
                else if (named.Key == "Loss" && named.Value.Value is int l)
                {
                    if (Enum.IsDefined(typeof(LossKind), l)) loss = (LossKind)l;
                    else diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnknownEnumValue, argumentLocation, l, "Loss", string.Join(", ", Enum.GetNames(typeof(LossKind)))));
                }
            }

            if (inputs <= 0)
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidInputs, inputsLocation, type.Name, inputs));

            List<LayerSpec>? layers = ParseLayers(type, Math.Max(inputs, 1), diagnostics, cancellationToken);
            if (layers is null) return null;
            if (layers.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NoLayers, classLocation, type.Name));
                return null;
            }

            CheckLoss(type.Name, loss, layers, attribute, classLocation, diagnostics);

            long parameterCount = layers.Sum(l => (long)l.Units * l.Inputs + (l.HasBias ? l.Units : 0));
            const int maxParameters = 0x7FFFFFC7; // Array.MaxLength
            if (parameterCount > maxParameters || layers.Any(l => (long)l.Units * l.Inputs > maxParameters))
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.TooLarge, classLocation, type.Name, parameterCount, maxParameters));

            if (diagnostics.Count > 0) return null;
            string ns = type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString();
            return new NetworkSpec(ns, type.Name, AccessibilityText(type.DeclaredAccessibility), type.IsSealed, inputs, loss,
                new EquatableArray<LayerSpec>(layers.ToImmutableArray()));
        }

        /// <summary>The [Dense] properties in declaration order, with offsets; null when a layer could not be read at all.</summary>
        private static List<LayerSpec>? ParseLayers(INamedTypeSymbol type, int inputs, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            var layers = new List<LayerSpec>();
            int previousUnits = inputs;
            long offset = 0;
            foreach (IPropertySymbol property in type.GetMembers().OfType<IPropertySymbol>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                AttributeData? dense = property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == DenseAttributeName);
                if (dense is null) continue;
                Location location = property.Locations.FirstOrDefault() ?? Location.None;
                if (dense.AttributeConstructor is null || dense.ConstructorArguments.Length == 0) return null; // half-typed: the compiler reports it

                string? problem = LayerPropertyProblem(property);
                if (problem is not null)
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidLayerProperty, location, property.Name, problem));
                if (ReservedMembers.Contains(property.Name) || property.Name == type.Name)
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ReservedName, location, property.Name, type.Name));

                int units = dense.ConstructorArguments[0].Value is int u ? u : 0;
                if (units <= 0)
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidUnits, ConstructorArgumentLocation(dense, 0) ?? location, property.Name, units));

                ActivationKind activation = ActivationKind.Identity;
                if (dense.ConstructorArguments.Length > 1 && dense.ConstructorArguments[1].Value is int a)
                {
                    if (Enum.IsDefined(typeof(ActivationKind), a)) activation = (ActivationKind)a;
                    else diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnknownEnumValue, ConstructorArgumentLocation(dense, 1) ?? location, a, "Activation",
                        string.Join(", ", Enum.GetNames(typeof(ActivationKind)))));
                }

                bool bias = true;
                foreach (KeyValuePair<string, TypedConstant> named in dense.NamedArguments)
                    if (named.Key == "Bias" && named.Value.Value is bool b) bias = b;

                int safeUnits = Math.Max(units, 1);
                long weightCount = (long)safeUnits * previousUnits;
                int weightOffset = (int)Math.Min(offset, int.MaxValue);
                int biasOffset = bias ? (int)Math.Min(offset + weightCount, int.MaxValue) : -1;
                layers.Add(new LayerSpec(property.Name, AccessibilityText(property.DeclaredAccessibility), previousUnits, safeUnits, activation, bias, weightOffset, biasOffset));
                offset += weightCount + (bias ? safeUnits : 0);
                previousUnits = safeUnits;
            }

            for (int i = 0; i < layers.Count - 1; i++)
                if (layers[i].Activation == ActivationKind.Softmax)
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.SoftmaxNotLast, LayerLocation(type, layers[i].Name), layers[i].Name));
            return layers;
        }

        private static void CheckLoss(string network, LossKind loss, List<LayerSpec> layers, AttributeData attribute, Location fallback, List<DiagnosticInfo> diagnostics)
        {
            LayerSpec output = layers[layers.Count - 1];
            Location lossLocation = NamedArgumentLocation(attribute, "Loss") ?? AttributeLocation(attribute, fallback);
            bool softmaxOutput = output.Activation == ActivationKind.Softmax;
            if (softmaxOutput != (loss == LossKind.SoftmaxCrossEntropy))
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.SoftmaxLossMismatch, lossLocation, network, output.Activation, loss));
            if (loss == LossKind.BinaryCrossEntropy && (output.Units != 1 || output.Activation != ActivationKind.Sigmoid))
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.BinaryCrossEntropyOutput, lossLocation, network, output.Name, output.Units, output.Activation));
        }

        private static string? LayerPropertyProblem(IPropertySymbol property)
        {
            if (property.Type.ToDisplayString() != DenseLayerTypeName) return $"its type is '{property.Type.ToDisplayString()}'";
            if (property.IsStatic) return "it is static";
            if (!property.IsPartialDefinition) return "it is not declared 'partial'";
            if (property.SetMethod is not null) return "it has a setter";
            if (property.GetMethod is null) return "it has no getter";
            if (property.IsIndexer) return "it is an indexer";
            return null;
        }

        private static Location LayerLocation(INamedTypeSymbol type, string name) =>
            type.GetMembers(name).FirstOrDefault()?.Locations.FirstOrDefault() ?? Location.None;

        private static Location AttributeLocation(AttributeData attribute, Location fallback) =>
            attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? fallback;

        private static Location? NamedArgumentLocation(AttributeData attribute, string name) =>
            (attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax)?.ArgumentList?.Arguments
                .FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.GetLocation();

        private static Location? ConstructorArgumentLocation(AttributeData attribute, int index)
        {
            var arguments = (attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax)?.ArgumentList?.Arguments
                .Where(a => a.NameEquals is null).ToList();
            return arguments is not null && index < arguments.Count ? arguments[index].GetLocation() : null;
        }

        private static string AccessibilityText(Accessibility accessibility) => accessibility switch
        {
            Accessibility.Public => "public",
            Accessibility.Internal => "internal",
            Accessibility.Private => "private",
            Accessibility.Protected => "protected",
            Accessibility.ProtectedOrInternal => "protected internal",
            Accessibility.ProtectedAndInternal => "private protected",
            _ => string.Empty,
        };

        private static string HintName(INamedTypeSymbol type) =>
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat).Replace("global::", string.Empty).Replace('<', '{').Replace('>', '}') + ".g.cs";

        private static EquatableArray<DiagnosticInfo> ToArray(List<DiagnosticInfo> diagnostics) => new(diagnostics.ToImmutableArray());
    }
}
