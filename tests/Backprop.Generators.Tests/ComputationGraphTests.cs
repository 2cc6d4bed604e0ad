using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Backprop.Generators.Tests;

/// <summary>
/// The generated <c>ComputationGraph</c> constant is well-formed Mermaid: one <c>flowchart</c> header, node ids declared
/// once, every edge between declared nodes with a quoted label, a node per operation, the forward edges before the
/// backward ones, and a <c>%% value</c> line only after an edge or the loss node.
/// </summary>
public partial class ComputationGraphTests
{
    public static TheoryData<string, string> Networks() => new()
    {
        { "Samples.WorkedExampleNet", SnapshotTests.WorkedExample },
        { "Samples.XorNet", SnapshotTests.Xor },
        { "Samples.IrisNet", SnapshotTests.Iris },
        { "MnistNet", SnapshotTests.Wide },
        { "Samples.CancerNet", SnapshotTests.Cancer },
        { "DropFirst", DropoutFirst },
        { "NormAfterIdentity", NormAfterIdentity },
        { "RmsNormFirst", RmsNormFirst },
    };

    private const string DropoutFirst = """
        using Backprop;
        [Network(Inputs = 3, Loss = Loss.Huber)]
        public partial class DropFirst
        {
            [Dropout(0.5)] public partial DropoutLayer Drop { get; }
            [BatchNorm] public partial BatchNormLayer Norm { get; }
            [Dense(4, Activation.ReLU, Bias = false)] public partial DenseLayer Hidden { get; }
            [Dense(2, Activation.Tanh)] public partial DenseLayer Output { get; }
        }
        """;

    private const string NormAfterIdentity = """
        using Backprop;
        [Network(Inputs = 3, Loss = Loss.MeanAbsoluteError)]
        public partial class NormAfterIdentity
        {
            [Dense(4, Activation.Identity)] public partial DenseLayer Hidden { get; }
            [LayerNorm] public partial LayerNormLayer Norm { get; }
            [Dense(2, Activation.Identity)] public partial DenseLayer Output { get; }
        }
        """;

    private const string RmsNormFirst = """
        using Backprop;
        [Network(Inputs = 3, Loss = Loss.SquaredError)]
        public partial class RmsNormFirst
        {
            [RMSNorm] public partial RMSNormLayer InputNorm { get; }
            [Dense(4, Activation.Tanh)] public partial DenseLayer Hidden { get; }
            [RMSNorm(Epsilon = 1e-3)] public partial RMSNormLayer Norm { get; }
            [Dense(2, Activation.Identity)] public partial DenseLayer Output { get; }
        }
        """;

    [Theory]
    [MemberData(nameof(Networks))]
    public void The_graph_is_well_formed_mermaid(string type, string source)
    {
        string graph = Graph(type, source);
        string[] lines = graph.Split('\n');
        Assert.Equal("flowchart LR", lines[0]);

        var nodes = new HashSet<string>();
        var edges = new List<(string From, string Arrow, string Label, string To)>();
        string previous = lines[0];
        foreach (string line in lines.Skip(1))
        {
            Assert.StartsWith("    ", line);
            string text = line.Trim();
            if (text.StartsWith("%% value ", StringComparison.Ordinal))
                Assert.True(EdgeLine().IsMatch(previous.Trim()) || previous.Trim().StartsWith("loss{{", StringComparison.Ordinal), $"'{text}' follows '{previous}'");
            else if (text.StartsWith("%%", StringComparison.Ordinal)) { }
            else if (EdgeLine().Match(text) is { Success: true } edge)
                edges.Add((edge.Groups["from"].Value, edge.Groups["arrow"].Value, edge.Groups["label"].Value, edge.Groups["to"].Value));
            else if (NodeLine().Match(text) is { Success: true } node)
            {
                Assert.True(nodes.Add(node.Groups["id"].Value), $"node '{node.Groups["id"].Value}' is declared twice in {type}");
                Assert.DoesNotContain('"', node.Groups["label"].Value);
            }
            else
                Assert.Fail($"{type}: '{line}' is neither a node, an edge nor a comment");
            previous = line;
        }

        Assert.Contains("input", nodes);
        Assert.Contains("target", nodes);
        Assert.Contains("loss", nodes);
        foreach ((string from, _, string label, string to) in edges)
        {
            Assert.True(nodes.Contains(from), $"{type}: edge from undeclared node '{from}'");
            Assert.True(nodes.Contains(to), $"{type}: edge to undeclared node '{to}'");
            Assert.DoesNotContain('"', label);
            Assert.Matches(@"\[\d+\]$", label); // the shape per sample
        }

        // Forward edges first (solid, every node reached), then the backward ones (dotted), starting at the loss.
        int firstBackward = edges.FindIndex(e => e.Arrow == "-.->");
        Assert.True(firstBackward > 0);
        Assert.All(edges.Take(firstBackward), e => Assert.Equal("-->", e.Arrow));
        Assert.All(edges.Skip(firstBackward), e => Assert.Equal("-.->", e.Arrow));
        Assert.Equal("loss", edges[firstBackward].From);
        Assert.Equal(nodes.Count - 2, edges.Take(firstBackward).Select(e => e.To).Distinct().Count()); // all but input and target
        Assert.Contains(edges.Skip(firstBackward), e => e.Label.StartsWith("δ", StringComparison.Ordinal));
    }

    [Fact]
    public void The_iris_graph_labels_the_error_signals_as_the_textbook_does()
    {
        string graph = Graph("Samples.IrisNet", SnapshotTests.Iris);
        Assert.Contains("loss -.->|\"δ² = ∂C/∂z² = a² − t [3]\"| z2", graph);
        Assert.Contains("z2 -.->|\"∂C/∂a¹ = W²ᵀδ² [16]\"| a1", graph);
        Assert.Contains("a1 -.->|\"δ¹ = W²ᵀδ² ⊙ f′(z¹) [16]\"| z1", graph);
        Assert.Contains("z1 -->|\"z¹ [16]\"| a1", graph);
    }

    [Fact]
    public void The_graph_is_in_the_class_doc_comment()
    {
        var (result, _) = GeneratorHarness.Run(SnapshotTests.Iris);
        string text = result.GeneratedSources.Single().SourceText.ToString();
        Assert.Contains("/// <code>\n/// flowchart LR\n", text);
        Assert.Contains("///     a1 -.-&gt;|\"δ¹ = W²ᵀδ² ⊙ f′(z¹) [16]\"| z1\n", text);
        Assert.DoesNotContain("///     %% value", text);
    }

    /// <summary>The constant's value, read from the compiled generated code.</summary>
    private static string Graph(string type, string source)
    {
        var (result, output) = GeneratorHarness.Run(source);
        Assert.Null(result.Exception);
        Assert.Empty(GeneratorHarness.CompileErrors(output));
        var field = (IFieldSymbol)output.GetTypeByMetadataName(type)!.GetMembers("ComputationGraph").Single();
        Assert.True(field.IsConst);
        return Assert.IsType<string>(field.ConstantValue);
    }

    [GeneratedRegex("""^(?<from>[A-Za-z][A-Za-z0-9]*) (?<arrow>-->|-\.->)\|"(?<label>[^"]*)"\| (?<to>[A-Za-z][A-Za-z0-9]*)$""")]
    private static partial Regex EdgeLine();

    // id then one of the shapes the emitter writes: (["…"]) ["…"] ("…") [["…"]] [/"…"\] {{"…"}}
    [GeneratedRegex("""^(?<id>[A-Za-z][A-Za-z0-9]*)(\(\[|\[\[|\[/|\{\{|\[|\()"(?<label>[^"]*)"(\]\)|\]\]|\\\]|\}\}|\]|\))$""")]
    private static partial Regex NodeLine();
}
