using System.Globalization;
using System.Text.RegularExpressions;
using Backprop.Inspection;
using Backprop.Tests.GradientChecks;
using Backprop.Tests.Networks;
using Xunit;

namespace Backprop.Tests.Inspection;

/// <summary>The numbers put on the generated graph are the chain rule's: checked edge by edge on XOR, and on every layer kind.</summary>
public partial class ComputationGraphValuesTests
{
    [Fact]
    public void The_worked_example_graph_carries_the_textbook_numbers()
    {
        var net = new WorkedExampleNet();
        net.Hidden.Weights[0, 0] = 1.5f; net.Hidden.Weights[1, 0] = 2f; net.Hidden.Weights[0, 1] = 2f; net.Hidden.Weights[1, 1] = 2.5f;
        net.Output.Weights[0, 0] = 1.2f; net.Output.Weights[1, 0] = 2.5f; net.Output.Weights[0, 1] = 0.5f; net.Output.Weights[1, 1] = 1f;
        string graph = ComputationGraphValues.Fill<WorkedExampleNet>(WorkedExampleNet.ComputationGraph, net.Parameters, [], [1f, 1.5f], [2.5f, 3f]);
        Assert.Contains("input -->|\"x [2] = (1, 1.5)\"| z1", graph);
        Assert.Contains("z1 -->|\"a¹ = z¹ [2] = (4.5, 5.75)\"| z2", graph);
        Assert.Contains("z2 -->|\"a² [2] = (8.275, 17)\"| loss", graph);
        Assert.Contains("C = ½ Σ (t − a²)² = 114.6753\"}}", graph);
        Assert.Contains("loss -.->|\"δ² = ∂C/∂z² = ∂C/∂a² = a² − t [2] = (5.775, 14)\"| z2", graph);
        Assert.Contains("z2 -.->|\"δ¹ = ∂C/∂a¹ = W²ᵀδ² [2] = (41.93, 16.8875)\"| z1", graph);
        Assert.DoesNotContain("%% value", graph);
    }

    [Fact]
    public void The_xor_graph_numbers_follow_the_chain_rule_edge_by_edge()
    {
        var random = new Random(7);
        float[] parameters = Enumerable.Range(0, XorNet.ParameterCount).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] x = [0.3f, -0.8f], t = [1f];
        Dictionary<string, double[]> edges = Edges(ComputationGraphValues.Fill<XorNet>(XorNet.ComputationGraph, parameters, [], x, t, format: "R"));

        double[] z1 = Affine(parameters, XorNet.Shape.Layers[0], x.Select(v => (double)v).ToArray());
        double[] a1 = z1.Select(Sigmoid).ToArray();
        double[] z2 = Affine(parameters, XorNet.Shape.Layers[1], a1);
        double[] a2 = z2.Select(Sigmoid).ToArray();
        double[] dA2 = [a2[0] - t[0]];
        double[] delta2 = [dA2[0] * a2[0] * (1 - a2[0])];
        double[] dA1 = Enumerable.Range(0, 3).Select(i => parameters[XorNet.OutputWeightOffset + i] * delta2[0]).ToArray();
        double[] delta1 = dA1.Select((d, i) => d * a1[i] * (1 - a1[i])).ToArray();

        Close(z1, edges["z1→a1"]);
        Close(a1, edges["a1→z2"]);
        Close(z2, edges["z2→a2"]);
        Close(a2, edges["a2→loss"]);
        Close(dA2, edges["loss⇢a2"]);
        Close(delta2, edges["a2⇢z2"]);
        Close(dA1, edges["z2⇢a1"]);
        Close(delta1, edges["a1⇢z1"]);
    }

    [Fact]
    public void Every_layer_kind_gets_its_numbers_from_a_batch()
    {
        var random = new Random(11);
        float[] parameters = Enumerable.Range(0, CheckEveryKind.ParameterCount).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        float[] inputs = Enumerable.Range(0, 3 * CheckEveryKind.InputCount).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] targets = [1f, 0f, 1f];
        var net = new CheckEveryKind(parameters);
        string graph = ComputationGraphValues.Fill<CheckEveryKind>(CheckEveryKind.ComputationGraph, parameters, net.State, inputs, targets, row: 2);
        int valued = CheckEveryKind.ComputationGraph.Split('\n').Count(l => l.TrimStart().StartsWith("%% value ", StringComparison.Ordinal));
        Assert.Equal(valued - 1, graph.Split('\n').Count(l => l.Contains("] = (", StringComparison.Ordinal))); // every value line but the loss node's
        Assert.Contains("(Σ over 3 samples)", graph);
        Assert.Equal(inputs.Skip(8).Select(v => (double)v), Edges(graph)["input→z1"], (a, b) => Math.Abs(a - b) < 1e-4);
    }

    [Fact]
    public void Another_networks_graph_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => ComputationGraphValues.Fill<XorNet>(IrisNet.ComputationGraph, new float[XorNet.ParameterCount], [], [0f, 0f], [0f]));
        Assert.Contains("XorNet.ComputationGraph", error.Message);
    }

    /// <summary>The numbers on each edge that shows all of them, keyed "from→to" (forward) or "from⇢to" (backward).</summary>
    private static Dictionary<string, double[]> Edges(string graph)
    {
        var edges = new Dictionary<string, double[]>();
        foreach (Match m in FilledEdge().Matches(graph))
            edges[m.Groups["from"].Value + (m.Groups["arrow"].Value == "-->" ? "→" : "⇢") + m.Groups["to"].Value] =
                m.Groups["values"].Value.Split(", ").Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        return edges;
    }

    private static double[] Affine(float[] parameters, LayerDescription layer, double[] a) =>
        Enumerable.Range(0, layer.Units).Select(o => parameters[layer.BiasOffset + o] + Enumerable.Range(0, layer.Inputs).Sum(i => parameters[layer.WeightOffset + o * layer.Inputs + i] * a[i])).ToArray();

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static void Close(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-5 * Math.Max(1, Math.Abs(expected[i])), $"value {i}: {actual[i]}, expected {expected[i]}");
    }

    [GeneratedRegex("""(?<from>\w+) (?<arrow>-->|-\.->)\|"[^"]* = \((?<values>[^)…]*)\)"\| (?<to>\w+)""")]
    private static partial Regex FilledEdge();
}
