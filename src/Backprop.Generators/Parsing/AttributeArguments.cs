using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Backprop.Generators.Parsing
{
    /// <summary>Reads an attribute's arguments and finds the text a diagnostic about one of them squiggles.</summary>
    internal static class AttributeArguments
    {
        /// <summary>The named argument <paramref name="name"/> as a double, or <paramref name="fallback"/> when it is not set.</summary>
        public static double NamedDouble(AttributeData attribute, string name, double fallback)
        {
            foreach (KeyValuePair<string, TypedConstant> named in attribute.NamedArguments)
                if (named.Key == name && named.Value.Value is double d) return d;
            return fallback;
        }

        /// <summary>The whole attribute, or <paramref name="fallback"/> when it has no syntax.</summary>
        public static Location AttributeLocation(AttributeData attribute, Location fallback) =>
            attribute.ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? fallback;

        /// <summary>The named argument <c>Name = value</c>; null when omitted.</summary>
        public static Location? NamedArgumentLocation(AttributeData attribute, string name) =>
            (attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax)?.ArgumentList?.Arguments
                .FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name)?.GetLocation();

        /// <summary>The argument of constructor parameter <paramref name="index"/>, positional or named (<c>units: 0</c>); null when omitted.</summary>
        public static Location? ConstructorArgumentLocation(AttributeData attribute, int index)
        {
            var arguments = (attribute.ApplicationSyntaxReference?.GetSyntax() as AttributeSyntax)?.ArgumentList?.Arguments
                .Where(a => a.NameEquals is null).ToList();
            if (arguments is null) return null;
            string? name = attribute.AttributeConstructor is { } constructor && index < constructor.Parameters.Length ? constructor.Parameters[index].Name : null;
            AttributeArgumentSyntax? named = arguments.FirstOrDefault(a => a.NameColon is not null && a.NameColon.Name.Identifier.ValueText == name);
            if (named is not null) return named.GetLocation();
            return index < arguments.Count && arguments[index].NameColon is null ? arguments[index].GetLocation() : null;
        }

        /// <summary>The generated code holds these options as floats: positive and finite there too (1e-60 would be 0, 1e300 ∞).</summary>
        public static bool IsPositiveFloat(double value) => (float)value > 0 && !float.IsInfinity((float)value);

        /// <summary>What BP0020 says about an ε out of range.</summary>
        public const string EpsilonRule = "ε must be positive and finite as a float, 1.4E-45 to 3.4E+38 (1e-5 by default)";
    }
}
