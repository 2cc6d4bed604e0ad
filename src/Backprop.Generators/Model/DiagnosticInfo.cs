using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Backprop.Generators.Model
{
    /// <summary>A diagnostic captured as plain values and its descriptor (no syntax tree held), so the pipeline stays cacheable.</summary>
    internal sealed record DiagnosticInfo(DiagnosticDescriptor Descriptor, string FilePath, TextSpan Span, LinePositionSpan LineSpan, EquatableArray<StringValue> Arguments)
    {
        public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params object[] arguments)
        {
            Location where = location ?? Location.None;
            FileLinePositionSpan line = where.GetLineSpan();
            return new DiagnosticInfo(descriptor, where.SourceTree?.FilePath ?? line.Path ?? string.Empty, where.SourceSpan, line.Span,
                new EquatableArray<StringValue>(arguments.Select(a => new StringValue(Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)).ToImmutableArray()));
        }

        public Diagnostic ToDiagnostic()
        {
            Location location = FilePath.Length == 0 ? Location.None : Location.Create(FilePath, Span, LineSpan);
            return Diagnostic.Create(Descriptor, location, Arguments.Select(a => (object)a.Value).ToArray());
        }
    }

    /// <summary>A string wrapper that is <see cref="IEquatable{T}"/> (for <see cref="EquatableArray{T}"/>).</summary>
    internal readonly record struct StringValue(string Value);
}
