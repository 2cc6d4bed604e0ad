using System.Globalization;
using Backprop.Kernels;

namespace Backprop.Inspection;

/// <summary>
/// Puts one sample's numbers on a generated network's computational graph (its <c>ComputationGraph</c> constant): the
/// forward values on the solid edges, the error signals δ on the dotted ones, and the loss in the loss node, as computed by
/// the network's own training pass (<c>BackwardBatch</c>, gradient scale 1, no sample weights).
/// </summary>
/// <remarks>
/// The generator writes, after each edge, a Mermaid comment saying where that edge's numbers are: a slice of the training
/// workspace, the input, the target, or one product away from those (zˡ = Wˡaˡ⁻¹ + bˡ, Wˡᵀδˡ, m ⊙ δ, the loss's ∂C/∂a).
/// The pass does not keep ∂C/∂aˡ into an activation after a normalisation layer (it turns it into δˡ in place): that edge
/// keeps its formula only.
/// </remarks>
public static class ComputationGraphValues
{
    private const string ValuePrefix = "%% value ";

    /// <summary>The graph with the numbers of sample <paramref name="row"/> of the batch on its edges, without the value comments.</summary>
    /// <typeparam name="TNet">The generated network whose graph <paramref name="graph"/> is.</typeparam>
    /// <param name="graph"><c>TNet.ComputationGraph</c>.</param>
    /// <param name="parameters">ParameterCount values.</param>
    /// <param name="state">StateCount values (running statistics; the pass updates a copy); empty for a network without state.</param>
    /// <param name="inputs">The batch, batchSize × InputCount values (BatchNorm uses its statistics).</param>
    /// <param name="targets">batchSize × OutputCount values.</param>
    /// <param name="row">The sample whose numbers are shown.</param>
    /// <param name="dropoutSeed">The dropout masks' key.</param>
    /// <param name="format">The number format (invariant culture).</param>
    /// <exception cref="ArgumentException"><paramref name="graph"/> is not <typeparamref name="TNet"/>'s, or a span has the wrong length.</exception>
    public static string Fill<TNet>(string graph, ReadOnlySpan<float> parameters, ReadOnlySpan<float> state, ReadOnlySpan<float> inputs,
        ReadOnlySpan<float> targets, int row = 0, ulong dropoutSeed = 0, string format = "0.####")
        where TNet : INetwork<TNet>
    {
        ArgumentNullException.ThrowIfNull(graph);
        NetworkShape shape = InspectedShape.For<TNet>(inputs, targets);
        string[] lines = graph.Split('\n');
        if (lines.Length < 2 || !lines[1].TrimStart().StartsWith($"%% {shape.Name}:", StringComparison.Ordinal))
            throw new ArgumentException($"This is not the computational graph of {shape.Name}: pass {shape.Name}.ComputationGraph.", nameof(graph));
        NetworkGuard.Length(parameters.Length, shape.ParameterCount, shape.Name, nameof(parameters));
        NetworkGuard.Length(state.Length, shape.StateCount, shape.Name, nameof(state));
        if (inputs.Length == 0 || inputs.Length % shape.InputCount != 0)
            throw new ArgumentException($"{shape.Name} takes {shape.InputCount} inputs per sample; {inputs.Length} values are not whole samples.", nameof(inputs));
        int batchSize = inputs.Length / shape.InputCount;
        NetworkGuard.Batch(targets.Length, batchSize, shape.OutputCount, shape.Name, nameof(targets));
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, batchSize);

        var workspace = new float[TNet.BatchWorkspaceSize(batchSize, shape.InputCount)];
        float loss = TNet.BackwardBatch(parameters, new float[shape.ParameterCount], state.ToArray(), inputs, targets, default, batchSize, 1f, dropoutSeed, workspace);
        var context = new Context(shape, parameters.ToArray(), inputs.Slice(row * shape.InputCount, shape.InputCount).ToArray(),
            targets.Slice(row * shape.OutputCount, shape.OutputCount).ToArray(), workspace, batchSize, row);

        var text = new List<string>(lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimStart().StartsWith(ValuePrefix, StringComparison.Ordinal)) continue;
            string line = lines[i];
            if (i + 1 < lines.Length && lines[i + 1].TrimStart() is var next && next.StartsWith(ValuePrefix, StringComparison.Ordinal))
            {
                var recipe = new Queue<string>(next[ValuePrefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
                string values = recipe.Peek() == "loss"
                    ? loss.ToString(format, CultureInfo.InvariantCulture) + (batchSize > 1 ? $" (Σ over {batchSize} samples)" : "")
                    : Format(context.Evaluate(recipe), format);
                int quote = line.LastIndexOf('"');
                line = string.Concat(line.AsSpan(0, quote), " = ", values, line.AsSpan(quote));
            }

            text.Add(line);
        }

        return string.Join('\n', text);
    }

    private static string Format(double[] values, string format)
    {
        const int Shown = 6;
        IEnumerable<string> shown = values.Take(values.Length > Shown ? Shown - 1 : Shown).Select(v => v.ToString(format, CultureInfo.InvariantCulture));
        return "(" + string.Join(", ", shown) + (values.Length > Shown ? $", … {values.Length} values" : "") + ")";
    }

    /// <summary>Evaluates the value comments' small language over one sample of a finished training pass.</summary>
    private sealed class Context(NetworkShape shape, float[] parameters, float[] input, float[] target, float[] workspace, int batchSize, int row)
    {
        public double[] Evaluate(Queue<string> recipe)
        {
            string kind = recipe.Dequeue();
            switch (kind)
            {
                case "input": return Array.ConvertAll(input, v => (double)v);
                case "target": return Array.ConvertAll(target, v => (double)v);
                case "buffer":
                {
                    int perSample = Number(recipe), fixedSize = Number(recipe), width = Number(recipe);
                    return Array.ConvertAll(workspace.AsSpan(batchSize * perSample + fixedSize + row * width, width).ToArray(), v => (double)v);
                }

                case "affine":
                {
                    LayerDescription layer = shape.Layers[Number(recipe)];
                    double[] a = Evaluate(recipe);
                    var z = new double[layer.Units];
                    for (int o = 0; o < layer.Units; o++)
                    {
                        double sum = layer.HasBias ? parameters[layer.BiasOffset + o] : 0;
                        for (int i = 0; i < layer.Inputs; i++) sum += parameters[layer.WeightOffset + o * layer.Inputs + i] * a[i];
                        z[o] = sum;
                    }

                    return z;
                }

                case "transposed":
                {
                    LayerDescription layer = shape.Layers[Number(recipe)];
                    double[] delta = Evaluate(recipe);
                    var result = new double[layer.Inputs];
                    for (int o = 0; o < layer.Units; o++)
                        for (int i = 0; i < layer.Inputs; i++) result[i] += parameters[layer.WeightOffset + o * layer.Inputs + i] * delta[o];
                    return result;
                }

                case "product":
                {
                    double[] left = Evaluate(recipe), right = Evaluate(recipe);
                    return left.Select((v, i) => v * right[i]).ToArray();
                }

                case "lossgradient":
                {
                    float[] output = Array.ConvertAll(Evaluate(recipe), v => (float)v);
                    var delta = new float[output.Length];
                    _ = shape.Loss switch
                    {
                        Loss.SquaredError => LossKernels.SquaredError(output, target, default, delta, 1f, output.Length),
                        Loss.MeanSquaredError => LossKernels.MeanSquaredError(output, target, default, delta, 1f, output.Length),
                        Loss.Huber => LossKernels.Huber(output, target, default, delta, 1f, output.Length, (float)shape.HuberDelta),
                        Loss.MeanAbsoluteError => LossKernels.MeanAbsoluteError(output, target, default, delta, 1f, output.Length),
                        Loss.BinaryCrossEntropy or Loss.SoftmaxCrossEntropy => throw new InvalidOperationException($"{shape.Loss} is fused with its output activation: its graph has no ∂C/∂a edge."),
                        _ => throw new InvalidOperationException($"Unknown loss {shape.Loss}."),
                    };
                    return Array.ConvertAll(delta, v => (double)v);
                }

                default:
                    throw new InvalidOperationException($"Unknown value '{kind}' in the graph of {shape.Name}: was it generated by another version of Backprop?");
            }
        }

        private static int Number(Queue<string> recipe) => int.Parse(recipe.Dequeue(), NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
