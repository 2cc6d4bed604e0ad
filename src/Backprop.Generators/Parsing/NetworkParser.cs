using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Backprop.Generators.Model;
using Backprop.Generators.Parsing.Layers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Backprop.Generators.Parsing.AttributeArguments;

namespace Backprop.Generators.Parsing
{
    /// <summary>Turns one [Network] class into a <see cref="NetworkSpec"/> or the diagnostics that explain why it cannot be generated.</summary>
    internal static class NetworkParser
    {
        public static readonly string NetworkAttributeName = typeof(NetworkAttribute).FullName!;

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var type = (INamedTypeSymbol)context.TargetSymbol;
            if (type.Name.Length == 0) // half-typed 'partial class': the compiler reports it, nothing to write
                return new ParseResult(null, string.Empty, string.Empty, EquatableArray<StringValue>.Empty, EquatableArray<StubSpec>.Empty, EquatableArray<DiagnosticInfo>.Empty, string.Empty);
            string declaration = PartialDeclaration(type);
            var containers = new List<StringValue>();
            for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
                containers.Insert(0, new StringValue(PartialDeclaration(outer)));
            string ns = type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString();
            string hintName = HintName(type);
            var diagnostics = new List<DiagnosticInfo>();
            var stubs = new List<StubSpec>();

            // [Network] on several parts of one class: the compiler reports the duplicate attribute; only the first part is parsed.
            SyntaxReference? first = type.DeclaringSyntaxReferences.FirstOrDefault(r => HasNetworkAttribute(r.GetSyntax(cancellationToken), context.SemanticModel.Compilation, cancellationToken));
            if (first is not null && first.GetSyntax(cancellationToken) != context.TargetNode)
                return new ParseResult(null, declaration, ns, ToArray(containers), EquatableArray<StubSpec>.Empty, EquatableArray<DiagnosticInfo>.Empty, string.Empty);
            try
            {
                NetworkSpec? spec = ParseNetwork(type, context.Attributes[0], (TypeDeclarationSyntax)context.TargetNode, diagnostics, stubs, cancellationToken);
                if (type.IsFileLocal) stubs.Clear(); // another file cannot add to a file-local class (BP0016 says so)
                return new ParseResult(diagnostics.Count == 0 ? spec : null, declaration, ns, ToArray(containers), ToArray(stubs), ToArray(diagnostics), hintName);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The generator must never throw: report the failure where the user can see it.
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InternalError, type.Locations.FirstOrDefault(), type.Name, exception.Message));
                return new ParseResult(null, declaration, ns, ToArray(containers), ToArray(stubs), ToArray(diagnostics), hintName);
            }
        }

        private static NetworkSpec? ParseNetwork(INamedTypeSymbol type, AttributeData attribute, TypeDeclarationSyntax node,
            List<DiagnosticInfo> diagnostics, List<StubSpec> stubs, CancellationToken cancellationToken)
        {
            Location classLocation = node.Identifier.GetLocation();
            bool declaresInputs = attribute.NamedArguments.Any(a => a.Key == nameof(NetworkAttribute.Inputs));
            if (!CheckClass(type, node, classLocation, !declaresInputs, diagnostics, cancellationToken))
            {
                // Not a network, but its layer properties still need an implementation part, so that only the BP diagnostic shows.
                if (type.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is TypeDeclarationSyntax t && t.Modifiers.Any(SyntaxKind.PartialKeyword)))
                    ReadLayers(type, new List<DiagnosticInfo>(), stubs, cancellationToken);
                return null;
            }

            // [Network(Inputs = n, Loss = ..., HuberDelta = ...)]
            int inputs = 0;
            Loss loss = Loss.SquaredError;
            double huberDelta = 1.0;
            Location inputsLocation = AttributeLocation(attribute, classLocation);
            bool inputsRead = false;
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
            {
                Location argumentLocation = NamedArgumentLocation(attribute, named.Key) ?? inputsLocation;
                switch (named.Key)
                {
                    case nameof(NetworkAttribute.Inputs) when named.Value.Value is int n:
                        inputs = n;
                        inputsRead = true;
                        inputsLocation = argumentLocation;
                        break;
                    case nameof(NetworkAttribute.Loss) when named.Value.Value is int l:
                        if (Enum.IsDefined(typeof(Loss), l)) loss = (Loss)l;
                        else diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnknownEnumValue, argumentLocation, l, nameof(Loss), string.Join(", ", Enum.GetNames(typeof(Loss)))));
                        break;
                    case nameof(NetworkAttribute.HuberDelta) when named.Value.Value is double d:
                        huberDelta = d;
                        if (!IsPositiveFloat(d))
                            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidHuberDelta, argumentLocation, type.Name, d));
                        break;
                }
            }

            // Inputs left out: the input count comes from the data. Written, it must be positive.
            bool inputsInError = !inputsRead && NamedArgumentLocation(attribute, nameof(NetworkAttribute.Inputs)) is not null; // the compiler reports it
            if (declaresInputs && inputs <= 0 && !inputsInError)
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidInputs, inputsLocation, type.Name, inputs));
            bool fromData = !declaresInputs;

            List<DeclaredLayer>? declared = ReadLayers(type, diagnostics, stubs, cancellationToken);
            if (declared is null) return null;
            if (declared.Count == 0)
            {
                bool rejected = diagnostics.Any(d => d.Descriptor == Diagnostics.SeveralLayerAttributes);
                bool halfTyped = type.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken).ContainsDiagnostics);
                if (!rejected && !halfTyped) diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NoLayers, classLocation, type.Name));
                return null;
            }

            List<LayerSpec> layers = BuildLayers(type.Name, fromData ? 0 : Math.Max(inputs, 1), loss, declared, diagnostics,
                out long parameters, out long state, out long parametersPerInput, out long statePerInput);
            CheckOutput(type.Name, loss, declared, layers, attribute, classLocation, diagnostics);
            CheckNames(type, layers, declared, fromData, diagnostics, cancellationToken);
            if (diagnostics.Count > 0) return null;
            return new NetworkSpec(type.ContainingNamespace.IsGlobalNamespace ? string.Empty : type.ContainingNamespace.ToDisplayString(),
                type.Name, Identifier(type.Name), fromData ? 0 : inputs, loss, huberDelta, new EquatableArray<LayerSpec>(layers.ToImmutableArray()), (int)parameters, (int)state)
            {
                InputsFromData = fromData,
                ParametersPerInput = (int)parametersPerInput,
                StatePerInput = (int)statePerInput,
            };
        }

        /// <summary>Class-level rules; false when the class cannot be read further.</summary>
        private static bool CheckClass(INamedTypeSymbol type, TypeDeclarationSyntax node, Location location, bool fromData, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            if (node is not ClassDeclarationSyntax || type.IsRecord)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NotAClass, location, type.Name, type.IsRecord ? (type.IsValueType ? "a record struct" : "a record") : type.TypeKind == TypeKind.Interface ? "an interface" : "a " + type.TypeKind.ToString().ToLowerInvariant()));
                return false;
            }

            if (!type.DeclaringSyntaxReferences.All(r => r.GetSyntax(cancellationToken) is ClassDeclarationSyntax c && c.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NotPartial, location, type.Name));
                return false; // nothing can be generated into it, so nothing more to say
            }

            if (type.ContainingType is not null)
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.Nested, location, type.Name, type.ContainingType.Name));
            if (type.TypeParameters.Length > 0)
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.Generic, location, type.Name));
            if (type.IsStatic)
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedClass, location, type.Name, "is static; a network is an instance with its own parameters"));
            if (type.IsFileLocal)
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedClass, location, type.Name, "is file-local; the generated part lives in another file, so declare it without 'file'"));
            if (type.BaseType is { } baseType && IsNetwork(baseType))
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedClass, BaseTypeLocation(type, cancellationToken) ?? location, type.Name,
                    $"derives from the network '{baseType.Name}'; both would write the same members, so a network's base class is not a network"));
            if (type.IsAbstract)
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedClass, location, type.Name, "is abstract; trainers and loaders create networks with new()"));
            if (type.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellationToken) is ClassDeclarationSyntax { ParameterList: not null }))
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedClass, location, type.Name, "has a primary constructor; the generator writes the constructors (new() and new(parameters))"));
            foreach (IMethodSymbol constructor in type.InstanceConstructors.Where(c => !c.IsImplicitlyDeclared))
                if (constructor.Parameters.Length == 0 || (constructor.Parameters.Length == 1 && constructor.Parameters[0].Type.ToDisplayString() == "System.ReadOnlySpan<float>")
                    || (fromData && constructor.Parameters.Length == 1 && constructor.Parameters[0].Type.SpecialType == SpecialType.System_Int32))
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedClass, constructor.Locations.FirstOrDefault() ?? location, type.Name,
                        $"declares the constructor {type.Name}({string.Join(", ", constructor.Parameters.Select(p => p.Type.ToDisplayString()))}), which the generator writes; remove it"));
            return true;
        }

        public static IEnumerable<string> LayerAttributeNames => LayerKinds.All.Select(k => k.Attribute);

        /// <summary>The layer properties in declaration order; null when one could not be read at all (the compiler reports it).</summary>
        private static List<DeclaredLayer>? ReadLayers(INamedTypeSymbol type, List<DiagnosticInfo> diagnostics, List<StubSpec> stubs, CancellationToken cancellationToken)
        {
            var layers = new List<DeclaredLayer>();
            bool unreadable = false;
            foreach (IPropertySymbol property in type.GetMembers().OfType<IPropertySymbol>())
            {
                cancellationToken.ThrowIfCancellationRequested();
                var found = property.GetAttributes()
                    .Select(a => (Attribute: a, Kind: LayerKinds.All.FirstOrDefault(k => k.Attribute == a.AttributeClass?.ToDisplayString())))
                    .Where(f => f.Kind is not null).ToList();
                if (found.Count == 0) continue;
                var syntax = property.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<BasePropertyDeclarationSyntax>().FirstOrDefault();
                string modifiers = syntax is null ? "partial" : string.Join(" ", syntax.Modifiers.Where(m => !m.IsKind(SyntaxKind.PartialKeyword)).Select(m => m.Text).Concat(new[] { "partial" }));
                if (property.IsPartialDefinition && property.PartialImplementationPart is null && property.Type.TypeKind != TypeKind.Error)
                    stubs.Add(Stub(property, modifiers));
                if (found.Count > 1)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.SeveralLayerAttributes, property.Locations.FirstOrDefault(), property.Name, found.Count, LayerKinds.AttributeList));
                    continue;
                }

                AttributeData attribute = found[0].Attribute;
                if (attribute.AttributeConstructor is null || property.Type.TypeKind == TypeKind.Error)
                {
                    unreadable = true; // half-typed: the compiler reports it
                    continue;
                }

                var layer = new DeclaredLayer(property, attribute, found[0].Kind!, modifiers);
                string? problem = LayerPropertyProblem(property, syntax as PropertyDeclarationSyntax, found[0].Kind!.View);
                if (problem is not null)
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.InvalidLayerProperty, layer.Location, property.Name, found[0].Kind!.View.Substring("Backprop.".Length), problem));
                layers.Add(layer);
            }

            if (unreadable) return null;

            // Partial parts in several files have no defined order: all layers in one part.
            for (int i = 1; i < layers.Count; i++)
            {
                SyntaxNode? firstPart = layers[0].Property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken).Parent;
                SyntaxNode? part = layers[i].Property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken).Parent;
                if (firstPart != part)
                {
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.LayersSplit, layers[i].Location, layers[i].Property.Name, type.Name, layers[0].Property.Name));
                    break;
                }
            }

            return layers;
        }

        /// <summary>
        /// The layers with their offsets, each read by its kind's parser over one <see cref="LayerLayout"/>. With
        /// <paramref name="inputs"/> 0 the input count comes from the data: the layers up to the first dense one are
        /// <see cref="LayerSpec.SizedByData"/>, their constant-size tensors are laid out in layer order as usual and their
        /// input-sized ones get coefficients k (offset FixedParameterCount + k·n) counted in <paramref name="parametersPerInput"/>
        /// and <paramref name="statePerInput"/>.
        /// </summary>
        private static List<LayerSpec> BuildLayers(string network, int inputs, Loss loss, List<DeclaredLayer> declared, List<DiagnosticInfo> diagnostics,
            out long parameters, out long state, out long parametersPerInput, out long statePerInput)
        {
            var layers = new List<LayerSpec>();
            var layout = new LayerLayout(network, inputs, loss, declared, diagnostics);
            DeclaredLayer? parametersOver = null, workspaceOver = null; // the layers where the totals pass their limits
            for (int i = 0; i < declared.Count; i++)
            {
                DeclaredLayer layer = declared[i];
                layout.MoveTo(i);
                bool propagates = layout.Propagates, sized = layout.SizedByData;
                LayerParser parser = layer.Kind.Parser;
                layers.Add(parser.Parse(layer, layout) with { Propagates = propagates, SizedByData = sized });

                // Layers without parameters leave the error signal unneeded before them.
                layout.Completed(parser.HasParameters);
                if (layout.ParameterCount > LayerLayout.MaxBuffer) parametersOver ??= layer;
                if (layout.Workspace > int.MaxValue) workspaceOver ??= layer;
            }

            parameters = layout.ParameterCount;
            state = layout.StateCount;
            parametersPerInput = layout.ParametersPerInput;
            statePerInput = layout.StatePerInput;

            // One diagnostic, at the attribute of the layer where the total passes the limit (a layer's weights are part of the parameters).
            if (parametersOver is not null)
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.TooLarge, AttributeLocation(parametersOver.Attribute, parametersOver.Location), network, parameters,
                    $"its parameters (the total passes the limit at layer '{parametersOver.Property.Name}')", LayerLayout.MaxBuffer));
            else if (workspaceOver is not null)
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.TooLarge, AttributeLocation(workspaceOver.Attribute, workspaceOver.Location), network, layout.Workspace,
                    $"the batched workspace of one sample (the total passes the limit at layer '{workspaceOver.Property.Name}')", int.MaxValue));
            DeclaredLayer output = declared[declared.Count - 1];
            if (!output.Kind.Parser.MayBeOutput)
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.OutputNotDense, output.Location, network, output.Property.Name, layers[layers.Count - 1].Kind));
            return layers;
        }

        /// <summary>The output layer against the loss, by its kind (none when the kind may not be the output: BP0019 already).</summary>
        private static void CheckOutput(string network, Loss loss, List<DeclaredLayer> declared, List<LayerSpec> layers, AttributeData attribute, Location fallback, List<DiagnosticInfo> diagnostics)
        {
            DeclaredLayer output = declared[declared.Count - 1];
            if (!output.Kind.Parser.MayBeOutput) return;
            Location lossLocation = NamedArgumentLocation(attribute, nameof(NetworkAttribute.Loss)) ?? AttributeLocation(attribute, fallback);
            output.Kind.Parser.CheckOutput(layers[layers.Count - 1], output, network, loss, lossLocation, diagnostics);
        }

        /// <summary>No layer, user member or the class itself may take a name the generator writes.</summary>
        private static void CheckNames(INamedTypeSymbol type, List<LayerSpec> layers, List<DeclaredLayer> declared, bool fromData, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
        {
            // Every member the generator writes besides the layer properties themselves.
            var generated = new HashSet<string>(MemberNames.Network, StringComparer.Ordinal);
            if (fromData) generated.UnionWith(MemberNames.SizedByData);
            foreach (LayerSpec layer in layers)
                foreach (string name in layer.CreateEmitter().Members())
                    if (name != layer.Name) generated.Add(name);

            var layerNames = new HashSet<string>(declared.Select(d => d.Property.Name), StringComparer.Ordinal);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (DeclaredLayer layer in declared)
            {
                string name = layer.Property.Name;
                if ((generated.Contains(name) || name == type.Name) && reported.Add(name))
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ReservedName, layer.Location, name, type.Name));
            }

            foreach (ISymbol member in type.GetMembers())
            {
                if (member.IsImplicitlyDeclared || layerNames.Contains(member.Name) || member is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor }) continue;
                if (member.DeclaringSyntaxReferences.Length == 0) continue;
                if (generated.Contains(member.Name) && reported.Add(member.Name))
                    diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ReservedName, member.Locations.FirstOrDefault(), member.Name, type.Name));
            }

            if ((generated.Contains(type.Name) || layerNames.Contains(type.Name)) && reported.Add(type.Name))
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ReservedName, type.Locations.FirstOrDefault(), type.Name, type.Name));

            // Inherited members the generated ones would hide (CS0108 in generated code); a base network is BP0016 already.
            if (type.BaseType is { } baseType && IsNetwork(baseType)) return;
            Location? baseLocation = null;
            for (INamedTypeSymbol? b = type.BaseType; b is not null && b.SpecialType != SpecialType.System_Object; b = b.BaseType)
                foreach (ISymbol member in b.GetMembers())
                {
                    if (member.IsImplicitlyDeclared || member.DeclaredAccessibility == Accessibility.Private || member is IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor or MethodKind.Destructor }) continue;
                    if (member.DeclaredAccessibility is Accessibility.Internal or Accessibility.ProtectedAndInternal && !SymbolEqualityComparer.Default.Equals(member.ContainingAssembly, type.ContainingAssembly)) continue;
                    if (generated.Contains(member.Name) && reported.Add(member.Name))
                        diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ReservedName, baseLocation ??= BaseTypeLocation(type, cancellationToken) ?? type.Locations.FirstOrDefault(), member.Name, type.Name));
                }
        }

        private static bool IsNetwork(INamedTypeSymbol type) =>
            type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == NetworkAttributeName)
            || type.AllInterfaces.Any(i => i.ToDisplayString() == "Backprop.INetwork");

        /// <summary>The base class in the class's base list (<c>: Base</c>), where an inherited collision is squiggled.</summary>
        private static Location? BaseTypeLocation(INamedTypeSymbol type, CancellationToken cancellationToken)
        {
            foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
                if (reference.GetSyntax(cancellationToken) is ClassDeclarationSyntax { BaseList: { } list } && list.Types.Count > 0)
                {
                    TypeSyntax first = list.Types[0].Type;
                    string name = first is QualifiedNameSyntax q ? q.Right.Identifier.ValueText : first is AliasQualifiedNameSyntax a ? a.Name.Identifier.ValueText
                        : first is SimpleNameSyntax n ? n.Identifier.ValueText : string.Empty;
                    if (name == type.BaseType?.Name) return first.GetLocation();
                }

            return null;
        }

        /// <summary>The implementation part of a layer property in error: its signature and accessors as declared, each throwing.</summary>
        private static StubSpec Stub(IPropertySymbol property, string modifiers)
        {
            string name = !property.IsIndexer ? Identifier(property.Name)
                : "this[" + string.Join(", ", property.Parameters.Select(p =>
                    (p.RefKind == RefKind.In ? "in " : p.RefKind == RefKind.Ref ? "ref " : p.RefKind == RefKind.Out ? "out " : "")
                    + (p.IsParams ? "params " : "") + p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + " " + Identifier(p.Name))) + "]";
            var accessors = new List<string>();
            if (property.GetMethod is not null) accessors.Add("get");
            if (property.SetMethod is not null) accessors.Add(property.SetMethod.IsInitOnly ? "init" : "set");
            return new StubSpec(name, modifiers, property.Type.ToDisplayString(StubTypeFormat), string.Join(" ", accessors));
        }

        /// <summary>Fully qualified, with the nullable annotation, so the stub's signature is the declaration's.</summary>
        private static readonly SymbolDisplayFormat StubTypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        private static string? LayerPropertyProblem(IPropertySymbol property, PropertyDeclarationSyntax? syntax, string view)
        {
            if (property.Type.ToDisplayString() != view) return $"its type is '{property.Type.ToDisplayString()}'";
            if (property.IsStatic) return "it is static";
            if (property.IsIndexer) return "it is an indexer";
            bool partialKeyword = syntax?.Modifiers.Any(SyntaxKind.PartialKeyword) == true;
            if (!property.IsPartialDefinition)
                return partialKeyword ? "it has a body; declare it without one ('{ get; }') and the generator writes it" : "it is not declared 'partial'";
            if (property.PartialImplementationPart is not null) return "it already has an implementation part; remove it, the generator writes it";
            if (property.SetMethod is not null) return "it has a setter";
            if (property.GetMethod is null) return "it has no getter";
            if (property.IsAbstract || property.IsVirtual || property.IsOverride || property.IsExtern) return "it is abstract, virtual, override or extern";
            return null;
        }

        private static bool HasNetworkAttribute(SyntaxNode node, Compilation compilation, CancellationToken cancellationToken)
        {
            if (node is not TypeDeclarationSyntax declaration) return false;
            SemanticModel model = compilation.GetSemanticModel(declaration.SyntaxTree);
            foreach (AttributeListSyntax list in declaration.AttributeLists)
                foreach (AttributeSyntax attribute in list.Attributes)
                    if (model.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType?.ToDisplayString() == NetworkAttributeName) return true;
            return false;
        }

        /// <summary>A type's partial declaration as another part repeats it: <c>partial record struct Outer&lt;T&gt;</c>.</summary>
        private static string PartialDeclaration(INamedTypeSymbol type)
        {
            string kind = type.TypeKind switch
            {
                TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
                TypeKind.Interface => "interface",
                TypeKind.Class => type.IsRecord ? "record" : "class",
                _ => throw new ArgumentOutOfRangeException(nameof(type), type.TypeKind, "Only classes, structs and interfaces contain types."),
            };
            return $"partial {kind} {Identifier(type.Name)}"
                + (type.TypeParameters.Length == 0 ? "" : "<" + string.Join(", ", type.TypeParameters.Select(t => Identifier(t.Name))) + ">");
        }

        /// <summary>The name as an identifier: <c>@class</c> for a keyword.</summary>
        public static string Identifier(string name) =>
            SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

        /// <summary>
        /// A hint name made only of characters every file system and Roslyn accept, and distinct for distinct types: the namespace
        /// with dots, then the containing types and the type joined by '-', each with '-' and its arity when generic
        /// (<c>App.Outer-Inner.g.cs</c>, <c>Net-1.g.cs</c> for <c>Net&lt;T&gt;</c>, so neither meets <c>Outer.Inner</c> or <c>Net_T_</c>).
        /// </summary>
        private static string HintName(INamedTypeSymbol type)
        {
            var types = new List<string>();
            for (INamedTypeSymbol? t = type; t is not null; t = t.ContainingType)
                types.Insert(0, t.Name + (t.Arity > 0 ? "-" + t.Arity.ToString(System.Globalization.CultureInfo.InvariantCulture) : ""));
            string full = (type.ContainingNamespace.IsGlobalNamespace ? "" : type.ContainingNamespace.ToDisplayString() + ".") + string.Join("-", types);
            var text = new System.Text.StringBuilder();
            foreach (char c in full) text.Append(char.IsLetterOrDigit(c) || c == '.' || c == '_' || c == '-' ? c : '_');
            return text + ".g.cs";
        }

        private static EquatableArray<T> ToArray<T>(List<T> items) where T : IEquatable<T> => new(items.ToImmutableArray());
    }
}
