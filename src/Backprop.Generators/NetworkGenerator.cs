using System;
using System.Linq;
using Backprop.Generators.Emit;
using Backprop.Generators.Model;
using Backprop.Generators.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Backprop.Generators
{
    /// <summary>
    /// Implements every <c>[Network]</c> partial class: parse the declaration into an equatable <see cref="NetworkSpec"/>,
    /// report <see cref="Diagnostics"/> for anything malformed, and emit the forward/backward code for the rest.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class NetworkGenerator : IIncrementalGenerator
    {
        /// <summary>Tracking name of the parse step (used by the incremental-cache tests).</summary>
        public const string ParseStep = "Backprop.Parse";

        /// <summary>Tracking name of the orphan-layer check.</summary>
        public const string OrphanStep = "Backprop.OrphanLayers";

        /// <inheritdoc />
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValuesProvider<ParseResult> networks = context.SyntaxProvider
                .ForAttributeWithMetadataName(NetworkParser.NetworkAttributeName,
                    static (node, _) => node is TypeDeclarationSyntax,
                    NetworkParser.Parse)
                .WithTrackingName(ParseStep);

            // Diagnostics and source are separate outputs (dotnet/runtime#92509).
            context.RegisterSourceOutput(networks.Select(static (r, _) => r.Diagnostics), static (output, diagnostics) =>
            {
                foreach (DiagnosticInfo diagnostic in diagnostics) output.ReportDiagnostic(diagnostic.ToDiagnostic());
            });
            context.RegisterSourceOutput(networks.Select(static (r, _) => r with { Diagnostics = EquatableArray<DiagnosticInfo>.Empty }), static (output, result) =>
            {
                if (result.HintName.Length == 0) return;
                try
                {
                    if (result.Network is not null) output.AddSource(result.HintName, NetworkEmitter.Emit(result.Network));
                    else if (result.Stubs.Count > 0) output.AddSource(result.HintName, NetworkEmitter.EmitStubs(result));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // As the parser does: never throw to Roslyn (CS8785); an emitter's unreachable case is reported as BP0000.
                    output.ReportDiagnostic(Diagnostic.Create(Diagnostics.InternalError, Location.None, result.Network?.ClassName ?? result.Declaration, exception.Message));
                }
            });

            // A layer attribute on a property of a class without [Network]: nothing would implement it.
            foreach (string attribute in NetworkParser.LayerAttributeNames)
            {
                IncrementalValuesProvider<DiagnosticInfo?> orphans = context.SyntaxProvider
                    .ForAttributeWithMetadataName(attribute,
                        static (node, _) => node is PropertyDeclarationSyntax,
                        static (ctx, _) =>
                        {
                            INamedTypeSymbol? owner = ctx.TargetSymbol.ContainingType;
                            if (owner is null || owner.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == NetworkParser.NetworkAttributeName))
                                return null;
                            return DiagnosticInfo.Create(Diagnostics.LayerOutsideNetwork, ctx.TargetSymbol.Locations.FirstOrDefault(), ctx.TargetSymbol.Name, owner.Name);
                        })
                    .WithTrackingName(OrphanStep);

                context.RegisterSourceOutput(orphans, static (output, diagnostic) =>
                {
                    if (diagnostic is not null) output.ReportDiagnostic(diagnostic.ToDiagnostic());
                });
            }
        }
    }
}
