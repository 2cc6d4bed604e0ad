using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Backprop.Generators.Tests.Corpus;

/// <summary>
/// The generator over <see cref="DeclarationCorpus"/>: it never throws, never writes code that does not compile, and reports
/// exactly the expected BP diagnostics at the expected text, or none and a network that implements <c>INetwork</c>.
/// </summary>
public class CorpusTests
{
    public static TheoryData<string> Names() => [.. DeclarationCorpus.Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void Declaration_compiles_or_gets_exactly_its_diagnostics(string name)
    {
        CorpusCase corpusCase = DeclarationCorpus.Cases.Single(c => c.Name == name);
        CSharpCompilation input = Compile(corpusCase);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(input, out Compilation output, out _);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        // Never a crash (CS8785), never BP0000.
        Assert.Null(result.Exception);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id == "BP0000");

        // Exactly the expected BP diagnostics, each an error at the expected text of a user file.
        string[] actual = result.Diagnostics.Select(d => Describe(d, input)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(corpusCase.Expected.Order(StringComparer.Ordinal), actual);
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));

        // Nothing else: no compiler error but the user's own, and no error or warning at all in generated code.
        var generated = new HashSet<SyntaxTree>(result.GeneratedSources.Select(s => s.SyntaxTree));
        Diagnostic[] all = output.GetDiagnostics().ToArray();
        string[] inGenerated = all.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Location.SourceTree is { } t && generated.Contains(t)).Select(d => d.ToString()).ToArray();
        Assert.True(inGenerated.Length == 0, "In generated code:\n" + string.Join("\n", inGenerated));
        string[] errors = all.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.True(corpusCase.UserErrors.Order(StringComparer.Ordinal).SequenceEqual(errors),
            $"Expected the user's own errors [{string.Join(", ", corpusCase.UserErrors)}], got:\n" + string.Join("\n", all.Where(d => d.Severity == DiagnosticSeverity.Error)));

        // A clean declaration is implemented: some [Network] class of it is an INetwork.
        if (corpusCase.IsClean && !name.Contains("another library", StringComparison.Ordinal))
        {
            INamedTypeSymbol network = output.GetTypeByMetadataName("Backprop.INetwork")!;
            Assert.Contains(AllTypes(output.Assembly.GlobalNamespace), t => t.AllInterfaces.Contains(network, SymbolEqualityComparer.Default));
        }
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("tr-TR")]
    public void Output_does_not_depend_on_the_culture(string culture)
    {
        CorpusCase corpusCase = DeclarationCorpus.Cases.Single(c => c.Name == "every kind");
        string Generate() => string.Join("\n", GeneratorHarness.CreateDriver().RunGenerators(Compile(corpusCase)).GetRunResult().GeneratedTrees.Select(t => t.ToString()));
        string invariant = Generate();
        CultureInfo saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            Assert.Equal("0,5", 0.5.ToString()); // the culture is real (no invariant-globalization mode)
            Assert.Equal(invariant, Generate());
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = saved;
        }
    }

    [Fact]
    public void Corpus_has_at_least_sixty_distinct_cases()
    {
        Assert.True(DeclarationCorpus.Cases.Length >= 60, $"{DeclarationCorpus.Cases.Length} cases");
        Assert.Equal(DeclarationCorpus.Cases.Length, DeclarationCorpus.Cases.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public void Corpus_triggers_every_descriptor_but_the_internal_error()
    {
        string[] triggered = DeclarationCorpus.Cases.SelectMany(c => c.Expected).Select(e => e.Split(' ')[0]).Distinct().ToArray();
        string[] descriptors = DescriptorTests.All().Select(d => d.Id).Where(id => id != "BP0000").ToArray();
        Assert.Empty(descriptors.Except(triggered));
    }

    private static CSharpCompilation Compile(CorpusCase corpusCase)
    {
        CSharpCompilation compilation = GeneratorHarness.Compile(corpusCase.Sources.Select(s => "using Backprop;\n" + s).ToArray());
        return compilation.WithOptions(compilation.Options.WithAllowUnsafe(true));
    }

    /// <summary>The id and the squiggled text (the generator's locations are by path, so the tree is found by its path).</summary>
    private static string Describe(Diagnostic diagnostic, Compilation input)
    {
        string path = diagnostic.Location.GetLineSpan().Path;
        SyntaxTree? tree = input.SyntaxTrees.FirstOrDefault(t => t.FilePath == path);
        string squiggled = tree is null ? $"<not in a user file: '{path}'>" : tree.GetText().ToString(diagnostic.Location.SourceSpan);
        return $"{diagnostic.Id} {squiggled}";
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (INamedTypeSymbol type in ns.GetTypeMembers()) yield return type;
        foreach (INamespaceSymbol inner in ns.GetNamespaceMembers())
            foreach (INamedTypeSymbol type in AllTypes(inner)) yield return type;
    }
}
