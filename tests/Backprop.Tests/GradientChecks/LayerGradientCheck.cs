using Backprop.Initialization;
using Xunit;

namespace Backprop.Tests.GradientChecks;

/// <summary>
/// Checks any generated network, whatever its layer kinds, against <see cref="BatchReference"/>: the batched training
/// pass's loss and gradients (batch statistics, a fixed dropout seed, optional sample weights) against central finite
/// differences in double; the inference passes against the reference's inference forward; the per-sample passes.
/// </summary>
internal static class LayerGradientCheck
{
    private const double Step = 1e-6;
    private const int Rows = 6;
    private const ulong DropoutSeed = 0x5EED;

    /// <summary>The input count a network declared without Inputs is checked at.</summary>
    public const int DataInputs = 5;

    public static void Run<TNet>(bool weighted) where TNet : INetwork<TNet>
    {
        NetworkShape shape = TNet.InputCountFromData ? TNet.ShapeFor(DataInputs) : TNet.Shape;
        var random = new Random(20261201);
        float[] parameters = Parameters(random, shape);
        float[] state = new float[shape.StateCount];
        ParameterInitializer.ResetState(shape, state);
        foreach (TensorDescription tensor in shape.Tensors.Where(t => t.IsState))
            for (int i = 0; i < tensor.Length; i++)
                state[tensor.Offset + i] = tensor.Role == TensorRole.RunningMean ? (float)(random.NextDouble() - 0.5) : (float)(0.5 + random.NextDouble());
        float[] inputs = Uniform(random, Rows * shape.InputCount, 1.0);
        float[] targets = Targets(random, shape, Rows);
        float[]? weights = weighted ? Enumerable.Range(0, Rows).Select(_ => (float)(0.2 + 1.8 * random.NextDouble())).ToArray() : null;
        double weightSum = weights?.Sum(w => (double)w) ?? Rows;
        double[] theta = Array.ConvertAll(parameters, v => (double)v), stateD = Array.ConvertAll(state, v => (double)v);

        // Inference: running statistics, no dropout.
        var outputs = new float[Rows * shape.OutputCount];
        float[] workspace = new float[TNet.BatchWorkspaceSize(Rows, shape.InputCount)];
        TNet.ForwardBatch(parameters, state, inputs, outputs, Rows, workspace);
        double[][] expected = BatchReference.Forward(shape, theta, stateD, inputs, Rows, training: false, 0);
        var output = new float[shape.OutputCount];
        for (int r = 0; r < Rows; r++)
        {
            TNet.Forward(parameters, state, inputs.AsSpan(r * shape.InputCount, shape.InputCount), output);
            for (int i = 0; i < shape.OutputCount; i++)
            {
                double e = expected[r][i];
                Assert.True(Math.Abs(outputs[r * shape.OutputCount + i] - e) <= 1e-5 * Math.Max(1, Math.Abs(e)), $"{shape.Name}: ForwardBatch row {r} output {i} is {outputs[r * shape.OutputCount + i]}, reference {e}");
                Assert.True(Math.Abs(output[i] - outputs[r * shape.OutputCount + i]) <= 1e-6, $"{shape.Name}: Forward row {r} output {i} differs from ForwardBatch");
            }
        }

        // Training: Σₙ wₙ Cₙ and the gradient of the weighted mean, against finite differences.
        var gradients = new float[shape.ParameterCount];
        float[] trainingState = (float[])state.Clone();
        float loss = TNet.BackwardBatch(parameters, gradients, trainingState, inputs, targets, weights, Rows, (float)(1 / weightSum), DropoutSeed, workspace);

        // The statistics of a Normalize layer are state that training reads and never changes (nor has gradients: they are not parameters).
        foreach (LayerDescription normalize in shape.Layers.Where(l => l.Kind == LayerKind.Normalize))
            foreach (TensorDescription tensor in normalize.Tensors)
            {
                Assert.True(tensor.IsState, $"{shape.Name}: {tensor.Name} is not state");
                Assert.Equal(state.AsSpan(tensor.Offset, tensor.Length).ToArray(), trainingState.AsSpan(tensor.Offset, tensor.Length).ToArray());
            }

        double referenceLoss = BatchReference.Loss(shape, theta, stateD, inputs, targets, weights, Rows, DropoutSeed);
        Assert.True(Math.Abs(loss - referenceLoss) <= 1e-5 * Math.Max(1, Math.Abs(referenceLoss)), $"{shape.Name}: batch loss {loss}, reference {referenceLoss}");
        for (int p = 0; p < theta.Length; p++)
        {
            double saved = theta[p];
            theta[p] = saved + Step;
            double plus = BatchReference.Loss(shape, theta, stateD, inputs, targets, weights, Rows, DropoutSeed);
            theta[p] = saved - Step;
            double minus = BatchReference.Loss(shape, theta, stateD, inputs, targets, weights, Rows, DropoutSeed);
            theta[p] = saved;
            double numeric = (plus - minus) / (2 * Step) / weightSum;
            Assert.True(Math.Abs(gradients[p] - numeric) <= 1e-4 + 1e-3 * Math.Abs(numeric),
                $"{shape.Name} (batched{(weighted ? ", weighted" : "")}): ∂C/∂θ[{p}] = {gradients[p]}, finite difference {numeric}");
        }

        // The public check on the same batch, weights, state and seed: against finite differences of the network's own float loss.
        var checkOptions = new Backprop.Inspection.GradientCheckOptions { State = state, SampleWeights = weights, DropoutSeed = DropoutSeed };
        Backprop.Inspection.GradientCheckResult check = Backprop.Inspection.GradientCheck.Run<TNet>(parameters, inputs, targets, checkOptions);
        // As GradientCheck's documentation advises: a step that crosses a ReLU kink spoils one value; retry with a smaller step.
        if (!check.Passed)
            check = Backprop.Inspection.GradientCheck.Run<TNet>(parameters, inputs, targets, new Backprop.Inspection.GradientCheckOptions
            {
                State = state, SampleWeights = weights, DropoutSeed = DropoutSeed, Step = checkOptions.Step / 4,
            });
        Assert.True(check.Passed, check.ToString());

        // Per sample: the same as a batch of one where the layers allow it; a clear refusal where they need a batch.
        if (shape.HasTrainingMode || shape.Layers.Any(l => l.Kind == LayerKind.Normalize))
        {
            Assert.Throws<NotSupportedException>(() => TNet.Backward(parameters, new float[shape.ParameterCount], inputs.AsSpan(0, shape.InputCount), targets.AsSpan(0, shape.OutputCount), 1f));
            return;
        }

        var sampleGradients = new float[shape.ParameterCount];
        float sampleLoss = TNet.Backward(parameters, sampleGradients, inputs.AsSpan(0, shape.InputCount), targets.AsSpan(0, shape.OutputCount), 1f);
        double referenceSample = BatchReference.Loss(shape, theta, stateD, inputs, targets, null, 1, 0);
        Assert.True(Math.Abs(sampleLoss - referenceSample) <= 1e-5 * Math.Max(1, Math.Abs(referenceSample)), $"{shape.Name}: sample loss {sampleLoss}, reference {referenceSample}");
        for (int p = 0; p < theta.Length; p++)
        {
            double saved = theta[p];
            theta[p] = saved + Step;
            double plus = BatchReference.Loss(shape, theta, stateD, inputs, targets, null, 1, 0);
            theta[p] = saved - Step;
            double minus = BatchReference.Loss(shape, theta, stateD, inputs, targets, null, 1, 0);
            theta[p] = saved;
            double numeric = (plus - minus) / (2 * Step);
            Assert.True(Math.Abs(sampleGradients[p] - numeric) <= 1e-4 + 1e-3 * Math.Abs(numeric),
                $"{shape.Name} (per sample): ∂C/∂θ[{p}] = {sampleGradients[p]}, finite difference {numeric}");
        }
    }

    private static float[] Parameters(Random random, NetworkShape shape)
    {
        float[] parameters = Uniform(random, shape.ParameterCount, 0.8);
        foreach (TensorDescription tensor in shape.Tensors.Where(t => t.Role == TensorRole.Gain))
            for (int i = 0; i < tensor.Length; i++) parameters[tensor.Offset + i] = 1f + 0.5f * parameters[tensor.Offset + i];
        return parameters;
    }

    private static float[] Targets(Random random, NetworkShape shape, int rows)
    {
        var targets = new float[rows * shape.OutputCount];
        for (int r = 0; r < rows; r++)
        {
            Span<float> row = targets.AsSpan(r * shape.OutputCount, shape.OutputCount);
            switch (shape.Loss)
            {
                case Loss.BinaryCrossEntropy:
                    for (int i = 0; i < row.Length; i++) row[i] = random.Next(2);
                    break;
                case Loss.SoftmaxCrossEntropy:
                    row[random.Next(row.Length)] = 1f;
                    break;
                case Loss.SquaredError:
                case Loss.MeanSquaredError:
                case Loss.Huber:
                case Loss.MeanAbsoluteError:
                    for (int i = 0; i < row.Length; i++) row[i] = (float)((random.NextDouble() * 2 - 1) * 2.5);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(shape), shape.Loss, "Unknown loss.");
            }
        }

        return targets;
    }

    private static float[] Uniform(Random random, int count, double range)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++) values[i] = (float)((random.NextDouble() * 2 - 1) * range);
        return values;
    }
}
