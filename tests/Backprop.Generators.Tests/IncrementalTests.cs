using System.Collections;
using System.Reflection;
using Backprop.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Backprop.Generators.Tests;

/// <summary>The pipeline caches: an unrelated edit regenerates nothing, and no step holds on to Roslyn objects.</summary>
public class IncrementalTests
{
    [Fact]
    public void An_unrelated_edit_regenerates_nothing()
    {
        CSharpCompilation first = GeneratorHarness.Compile(SnapshotTests.Iris, "class Unrelated { int X => 1; }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(first);

        SyntaxTree unrelated = first.SyntaxTrees.Last();
        CSharpCompilation second = first.ReplaceSyntaxTree(unrelated,
            CSharpSyntaxTree.ParseText("class Unrelated { int X => 2; int Y => 3; }", GeneratorHarness.ParseOptions, unrelated.FilePath));
        GeneratorRunResult result = driver.RunGenerators(second).GetRunResult().Results.Single();

        IncrementalGeneratorRunStep parse = Assert.Single(result.TrackedSteps[NetworkGenerator.ParseStep]);
        Assert.All(parse.Outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"parse step was {o.Reason}"));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void Editing_the_network_regenerates_it()
    {
        CSharpCompilation first = GeneratorHarness.Compile(SnapshotTests.Iris);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(first);
        SyntaxTree tree = first.SyntaxTrees.Single();
        CSharpCompilation second = first.ReplaceSyntaxTree(tree,
            CSharpSyntaxTree.ParseText(SnapshotTests.Iris.Replace("Dense(16", "Dense(12"), GeneratorHarness.ParseOptions, tree.FilePath));
        GeneratorRunResult result = driver.RunGenerators(second).GetRunResult().Results.Single();
        Assert.Contains(result.TrackedSteps[NetworkGenerator.ParseStep].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("public const int HiddenUnits = 12;", result.GeneratedSources.Single().SourceText.ToString());
    }

    [Fact]
    public void Pipeline_models_hold_no_roslyn_objects()
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(SnapshotTests.Iris, SnapshotTests.Xor));
        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        foreach (IncrementalGeneratorRunStep step in result.TrackedSteps[NetworkGenerator.ParseStep])
            foreach ((object value, _) in step.Outputs)
                AssertNoRoslynObjects(value, "parse output", new HashSet<object>(ReferenceEqualityComparer.Instance));
    }

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value)) return;
        Assert.False(value is ISymbol or SyntaxNode or Compilation or SemanticModel or SyntaxTree, $"{path} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            int i = 0;
            foreach (object? item in items) AssertNoRoslynObjects(item, $"{path}[{i++}]", seen);
            return;
        }

        foreach (FieldInfo field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            AssertNoRoslynObjects(field.GetValue(value), $"{path}.{field.Name}", seen);
    }
}
