namespace Backprop.Generators.Tests.Corpus;

/// <summary>
/// One odd declaration and what the generator must make of it: either it compiles with no diagnostics at all, or it gets exactly
/// the <see cref="Expected"/> BP diagnostics, each written <c>"BP0012 HiddenUnits"</c> (the id, a space, the squiggled text).
/// </summary>
/// <param name="Name">The case's name in the test explorer.</param>
/// <param name="Expected">The BP diagnostics, id and squiggled text; empty for "compiles, no diagnostics".</param>
/// <param name="Sources">The source files (each gets <c>using Backprop;</c> in front).</param>
/// <param name="UserErrors">
/// Compiler errors the user's own code has whatever the generator does (a duplicate attribute, a syntax error); they must be
/// reported in the user's files, never in generated ones. Empty for nearly every case.
/// </param>
public sealed record CorpusCase(string Name, string[] Expected, string[] Sources, string[] UserErrors)
{
    public bool IsClean => Expected.Length == 0 && UserErrors.Length == 0;

    public override string ToString() => Name;
}
