using System.Reflection;
using Backprop.Inspection;
using Xunit;

namespace Backprop.Tests.GradientChecks;

/// <summary>
/// The public <see cref="Inspection.GradientCheck"/>: run by <see cref="GradientCheck"/> and <see cref="LayerGradientCheck"/> on
/// every network here (so on every activation, loss and layer kind), it must also catch a wrong gradient and say where.
/// </summary>
public class GradientCheckApiTests
{
    [Fact]
    public void The_checked_networks_cover_every_activation_and_every_loss()
    {
        NetworkShape[] shapes = typeof(GradientCheckApiTests).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(GradientCheckApiTests).Namespace && t.GetCustomAttribute<NetworkAttribute>() is not null)
            .Select(ShapeOf)
            .ToArray();
        Assert.Empty(Enum.GetValues<Activation>().Except(shapes.SelectMany(s => s.Layers).Where(l => l.Kind == LayerKind.Dense).Select(l => l.Activation)));
        Assert.Empty(Enum.GetValues<Loss>().Except(shapes.Select(s => s.Loss)));
        Assert.Empty(Enum.GetValues<LayerKind>().Except(shapes.SelectMany(s => s.Layers).Select(l => l.Kind)));
    }

    [Fact]
    public void A_wrong_gradient_fails_the_check_and_is_named()
    {
        (float[] parameters, float[] inputs, float[] targets) = Batch(CheckEveryKind.Shape, rows: 6, seed: 3);
        GradientCheckResult right = Backprop.Inspection.GradientCheck.Run<CheckEveryKind>(parameters, inputs, targets);
        Assert.True(right.Passed, right.ToString());

        GradientCheckResult wrong = Backprop.Inspection.GradientCheck.Run<WrongGradientNet>(parameters, inputs, targets);
        Assert.False(wrong.Passed);
        TensorGradientError worst = wrong.Tensors.MaxBy(t => t.WorstRelativeError)!;
        Assert.Equal("Norm1.gain", worst.Tensor);
        Assert.Equal(WrongGradientNet.Index - CheckEveryKind.Norm1GainOffset, worst.WorstIndex);
        Assert.InRange(worst.WorstRelativeError, 0.05, 0.2); // the gradient is 10 % off
        Assert.All(wrong.Tensors.Where(t => t.Tensor != "Norm1.gain"), t => Assert.True(t.WorstRelativeError <= wrong.Tolerance));
        Assert.Contains("FAILS", wrong.ToString());
    }

    [Fact]
    public void The_result_lists_the_layers_with_parameters_and_their_tensors()
    {
        (float[] parameters, float[] inputs, float[] targets) = Batch(CheckEveryKind.Shape, rows: 4, seed: 4);
        GradientCheckResult result = Backprop.Inspection.GradientCheck.Run<CheckEveryKind>(parameters, inputs, targets, new GradientCheckOptions { MaxValuesPerTensor = 3 });
        Assert.Equal(["Hidden1", "Norm1", "Hidden2", "Norm2", "Norm3", "Output"], result.Layers.Select(l => l.Layer)); // Drop1 has no parameters
        Assert.Equal(CheckEveryKind.Shape.Tensors.Where(t => !t.IsState).Select(t => t.Name), result.Tensors.Select(t => t.Tensor));
        Assert.All(result.Tensors, t => Assert.Equal(Math.Min(3, CheckEveryKind.Shape.Tensors.Single(d => d.Name == t.Tensor).Length), t.Checked));
        Assert.Equal(4, result.BatchSize);
        Assert.True(result.Loss > 0);
    }

    [Fact]
    public void Wrong_lengths_and_options_are_refused()
    {
        (float[] parameters, float[] inputs, float[] targets) = Batch(CheckGelu.Shape, rows: 2, seed: 5);
        Assert.Throws<ArgumentException>(() => Backprop.Inspection.GradientCheck.Run<CheckGelu>(parameters.AsSpan(1), inputs, targets));
        Assert.Throws<ArgumentException>(() => Backprop.Inspection.GradientCheck.Run<CheckGelu>(parameters, inputs.AsSpan(1), targets));
        Assert.Throws<ArgumentException>(() => Backprop.Inspection.GradientCheck.Run<CheckGelu>(parameters, inputs, targets.AsSpan(1)));
        Assert.Throws<ArgumentException>(() => Backprop.Inspection.GradientCheck.Run<CheckGelu>(parameters, inputs, targets, new GradientCheckOptions { Step = 0 }));
        Assert.Throws<ArgumentException>(() => Backprop.Inspection.GradientCheck.Run<CheckGelu>(parameters, inputs, targets, new GradientCheckOptions { SampleWeights = [1f] }));
    }

    /// <summary>A network type's shape; one declared without Inputs is sized at 5 inputs.</summary>
    private static NetworkShape ShapeOf(Type type)
    {
        var network = (INetwork)Activator.CreateInstance(type)!;
        if (type.GetCustomAttribute<NetworkAttribute>()!.Inputs == 0) network.EnsureInputCount(5);
        return network.Shape;
    }

    private static (float[] Parameters, float[] Inputs, float[] Targets) Batch(NetworkShape shape, int rows, int seed)
    {
        var random = new Random(seed);
        float[] parameters = Enumerable.Range(0, shape.ParameterCount).Select(_ => (float)(random.NextDouble() * 1.6 - 0.8)).ToArray();
        foreach (TensorDescription gain in shape.Tensors.Where(t => t.Role == TensorRole.Gain))
            for (int i = 0; i < gain.Length; i++) parameters[gain.Offset + i] += 1f;
        float[] inputs = Enumerable.Range(0, rows * shape.InputCount).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        float[] targets = Enumerable.Range(0, rows * shape.OutputCount).Select(_ => (float)random.Next(2)).ToArray();
        return (parameters, inputs, targets);
    }

    /// <summary><see cref="CheckEveryKind"/> with one gradient, of Norm1's gain, 10 % too large: what a wrong derivative looks like.</summary>
    private sealed class WrongGradientNet : INetwork<WrongGradientNet>
    {
        public const int Index = CheckEveryKind.Norm1GainOffset + 3;

        public static NetworkShape Shape => CheckEveryKind.Shape;
        NetworkShape INetwork.Shape => Shape;
        public float[] Parameters { get; } = new float[CheckEveryKind.ParameterCount];
        public float[] Gradients { get; } = new float[CheckEveryKind.ParameterCount];
        public void Forward(ReadOnlySpan<float> input, Span<float> output) => throw new NotSupportedException();
        public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => throw new NotSupportedException();
        public static void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output) => throw new NotSupportedException();
        public static void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> state, ReadOnlySpan<float> input, Span<float> output) => throw new NotSupportedException();
        public static float Backward(ReadOnlySpan<float> parameters, Span<float> gradients, ReadOnlySpan<float> input, ReadOnlySpan<float> target, float gradientScale) => throw new NotSupportedException();
        public static int BatchWorkspaceSize(int batchSize) => CheckEveryKind.BatchWorkspaceSize(batchSize);
        public static void ForwardBatch(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, Span<float> outputs, int batchSize, Span<float> workspace) => throw new NotSupportedException();
        public static void ForwardBatch(ReadOnlySpan<float> parameters, ReadOnlySpan<float> state, ReadOnlySpan<float> inputs, Span<float> outputs, int batchSize, Span<float> workspace) => throw new NotSupportedException();
        public static float BackwardBatch(ReadOnlySpan<float> parameters, Span<float> gradients, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batchSize, float gradientScale, Span<float> workspace) => throw new NotSupportedException();

        public static float BackwardBatch(ReadOnlySpan<float> parameters, Span<float> gradients, Span<float> state, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets,
            ReadOnlySpan<float> sampleWeights, int batchSize, float gradientScale, ulong dropoutSeed, Span<float> workspace)
        {
            float before = gradients[Index];
            float loss = CheckEveryKind.BackwardBatch(parameters, gradients, state, inputs, targets, sampleWeights, batchSize, gradientScale, dropoutSeed, workspace);
            gradients[Index] = before + 1.1f * (gradients[Index] - before);
            return loss;
        }
    }
}
