using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Backprop.Generators.Tests;

/// <summary>
/// The examples of docs/diagnostics.md are true: each "// Triggers BPxxxx" block gets that diagnostic and no other, each
/// "// Fixed" block compiles with no diagnostic and no error.
/// </summary>
public class DocumentationTests
{
    public static TheoryData<string, string, string> Examples()
    {
        var data = new TheoryData<string, string, string>();
        foreach ((string id, string kind, string code) in ReadExamples()) data.Add(id, kind, code);
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_does_what_the_documentation_says(string id, string kind, string code)
    {
        var (result, output) = GeneratorHarness.Run(code);
        Assert.Null(result.Exception);
        string[] ids = result.Diagnostics.Select(d => d.Id).Distinct().ToArray();
        string[] errors = GeneratorHarness.CompileErrors(output).Select(d => d.ToString()).ToArray();
        if (kind == "Triggers")
        {
            Assert.Equal([id], ids);
            // BP0014's property has no network to implement it: the compiler's missing implementation stays (documented).
            Assert.DoesNotContain(errors, e => !(id == "BP0014" && e.Contains("CS9248", StringComparison.Ordinal)));
        }
        else
        {
            Assert.Empty(ids);
            Assert.Empty(errors);
        }
    }

    [Fact]
    public void Every_diagnostic_but_the_internal_error_has_an_example_and_its_fix()
    {
        var examples = ReadExamples().ToList();
        foreach (DiagnosticDescriptor descriptor in DescriptorTests.All().Where(d => d.Id != "BP0000"))
        {
            Assert.Single(examples, e => e.Id == descriptor.Id && e.Kind == "Triggers");
            Assert.Single(examples, e => e.Id == descriptor.Id && e.Kind == "Fixed");
        }
    }

    private static IEnumerable<(string Id, string Kind, string Code)> ReadExamples()
    {
        string docs = File.ReadAllText(RepositoryPaths.DiagnosticsDocs).Replace("\r\n", "\n");
        string[] sections = Regex.Split(docs, @"^## ", RegexOptions.Multiline);
        foreach (string section in sections.Skip(1))
        {
            string id = section[..section.IndexOf('\n')].Trim();
            foreach (Match block in Regex.Matches(section, @"^```csharp\n(.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline))
            {
                string code = block.Groups[1].Value;
                Match header = Regex.Match(code, @"^// (Triggers (BP\d{4})|Fixed)\n");
                Assert.True(header.Success, $"{id}: an example starts with '// Triggers {id}' or '// Fixed'");
                if (header.Groups[2].Success) Assert.Equal(id, header.Groups[2].Value);
                yield return (id, header.Groups[2].Success ? "Triggers" : "Fixed", code);
            }
        }
    }
}
