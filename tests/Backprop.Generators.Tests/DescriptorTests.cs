using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Backprop.Generators.Tests;

/// <summary>Every descriptor in <c>Diagnostics.cs</c>: a unique id, an error, and a help link to its section of docs/diagnostics.md.</summary>
public class DescriptorTests
{
    public static DiagnosticDescriptor[] All() =>
        typeof(NetworkGenerator).Assembly.GetType("Backprop.Generators.Diagnostics", throwOnError: true)!
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .ToArray();

    [Fact]
    public void Ids_are_unique_and_consecutive()
    {
        string[] ids = All().Select(d => d.Id).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, ids.Length).Select(i => $"BP{i:0000}"), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_descriptor_links_to_its_section_of_docs_diagnostics_md()
    {
        string docs = File.ReadAllText(RepositoryPaths.DiagnosticsDocs);
        var anchors = new HashSet<string>(Regex.Matches(docs, @"^## (BP\d{4})\s*$", RegexOptions.Multiline).Select(m => m.Groups[1].Value.ToLowerInvariant()));
        foreach (DiagnosticDescriptor descriptor in All())
        {
            Assert.False(string.IsNullOrEmpty(descriptor.HelpLinkUri), descriptor.Id);
            int hash = descriptor.HelpLinkUri.IndexOf('#');
            Assert.True(hash > 0, $"{descriptor.Id}: {descriptor.HelpLinkUri} has no anchor");
            Assert.EndsWith("docs/diagnostics.md", descriptor.HelpLinkUri[..hash], StringComparison.Ordinal);
            string anchor = descriptor.HelpLinkUri[(hash + 1)..];
            Assert.Equal(descriptor.Id.ToLowerInvariant(), anchor);
            Assert.True(anchors.Contains(anchor), $"{descriptor.Id}: docs/diagnostics.md has no '## {descriptor.Id}' section");
        }

        // And no section for an id that does not exist.
        Assert.Empty(anchors.Except(All().Select(d => d.Id.ToLowerInvariant())));
    }

    [Fact]
    public void Every_descriptor_is_an_enabled_error_in_the_Backprop_category()
    {
        Assert.All(All(), d =>
        {
            Assert.Equal(DiagnosticSeverity.Error, d.DefaultSeverity);
            Assert.True(d.IsEnabledByDefault);
            Assert.Equal("Backprop", d.Category);
        });
    }
}
