using Xunit;

namespace Backprop.Tests.GradientChecks;

/// <summary>
/// Checks a generated network's analytic gradients (float) against central finite differences of an independent
/// double-precision implementation (<see cref="ReferenceNetwork"/>), per sample and over a mini-batch.
/// </summary>
internal static class GradientCheck
{
    private const double Step = 1e-6;
    private const int BatchSize = 5;

    public static void Run<TNet>() where TNet : INetwork<TNet>
    {
        NetworkShape shape = TNet.Shape;
        var random = new Random(20261123);
        float[] parameters = Uniform(random, shape.ParameterCount, 0.8);
        float[] inputs = Uniform(random, BatchSize * shape.InputCount, 1.0);
        float[] targets = Targets(random, shape, BatchSize);

        // Forward agrees with the reference.
        var output = new float[shape.OutputCount];
        TNet.Forward(parameters, inputs.AsSpan(0, shape.InputCount), output);
        double[] expected = ReferenceNetwork.Forward(shape, ToDouble(parameters), Row(inputs, 0, shape.InputCount));
        for (int i = 0; i < output.Length; i++) Assert.True(Math.Abs(output[i] - expected[i]) <= 1e-5 * Math.Max(1, Math.Abs(expected[i])), $"{shape.Name}: output {i} is {output[i]}, reference {expected[i]}");

        // Per sample: ∂C/∂θ for the first row.
        var gradients = new float[shape.ParameterCount];
        float loss = TNet.Backward(parameters, gradients, inputs.AsSpan(0, shape.InputCount), targets.AsSpan(0, shape.OutputCount), 1f);
        double referenceLoss = ReferenceNetwork.Loss(shape, ToDouble(parameters), Row(inputs, 0, shape.InputCount), Row(targets, 0, shape.OutputCount));
        Assert.True(Math.Abs(loss - referenceLoss) <= 1e-5 * Math.Max(1, Math.Abs(referenceLoss)), $"{shape.Name}: loss {loss}, reference {referenceLoss}");
        AssertMatches(shape, gradients, FiniteDifferences(shape, parameters, inputs, targets, rows: 1, scale: 1), "per-sample");

        // Batched: scale 1/B gives the gradient of the mean loss over the batch.
        var batchGradients = new float[shape.ParameterCount];
        float[] workspace = new float[TNet.BatchWorkspaceSize(BatchSize)];
        float batchLoss = TNet.BackwardBatch(parameters, batchGradients, inputs, targets, BatchSize, 1f / BatchSize, workspace);
        double referenceBatchLoss = Enumerable.Range(0, BatchSize).Sum(r => ReferenceNetwork.Loss(shape, ToDouble(parameters),
            Row(inputs, r, shape.InputCount), Row(targets, r, shape.OutputCount)));
        Assert.True(Math.Abs(batchLoss - referenceBatchLoss) <= 1e-5 * Math.Max(1, Math.Abs(referenceBatchLoss)), $"{shape.Name}: batch loss {batchLoss}, reference {referenceBatchLoss}");
        AssertMatches(shape, batchGradients, FiniteDifferences(shape, parameters, inputs, targets, BatchSize, 1.0 / BatchSize), "batched");

        // The public check on the same batch: the generated pass against finite differences of its own float loss.
        Backprop.Inspection.GradientCheckResult check = Backprop.Inspection.GradientCheck.Run<TNet>(parameters, inputs, targets);
        Assert.True(check.Passed, check.ToString());

        // ForwardBatch agrees with Forward row by row.
        var outputs = new float[BatchSize * shape.OutputCount];
        TNet.ForwardBatch(parameters, inputs, outputs, BatchSize, workspace);
        for (int r = 0; r < BatchSize; r++)
        {
            TNet.Forward(parameters, inputs.AsSpan(r * shape.InputCount, shape.InputCount), output);
            for (int i = 0; i < output.Length; i++) Assert.True(Math.Abs(output[i] - outputs[r * shape.OutputCount + i]) <= 1e-6, $"{shape.Name}: batch row {r} output {i}");
        }
    }

    private static double[] FiniteDifferences(NetworkShape shape, float[] parameters, float[] inputs, float[] targets, int rows, double scale)
    {
        double[] theta = ToDouble(parameters);
        var result = new double[theta.Length];
        for (int p = 0; p < theta.Length; p++)
        {
            double saved = theta[p];
            theta[p] = saved + Step;
            double plus = TotalLoss(shape, theta, inputs, targets, rows);
            theta[p] = saved - Step;
            double minus = TotalLoss(shape, theta, inputs, targets, rows);
            theta[p] = saved;
            result[p] = scale * (plus - minus) / (2 * Step);
        }

        return result;
    }

    private static double TotalLoss(NetworkShape shape, double[] theta, float[] inputs, float[] targets, int rows)
    {
        double total = 0;
        for (int r = 0; r < rows; r++)
            total += ReferenceNetwork.Loss(shape, theta, Row(inputs, r, shape.InputCount), Row(targets, r, shape.OutputCount));
        return total;
    }

    private static void AssertMatches(NetworkShape shape, float[] analytic, double[] numeric, string pass)
    {
        for (int p = 0; p < analytic.Length; p++)
        {
            double tolerance = 1e-4 + 1e-3 * Math.Abs(numeric[p]);
            Assert.True(Math.Abs(analytic[p] - numeric[p]) <= tolerance,
                $"{shape.Name} ({pass}): ∂C/∂θ[{p}] = {analytic[p]}, finite difference {numeric[p]}");
        }
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
                    row[0] = random.Next(2);
                    break;
                case Loss.SoftmaxCrossEntropy:
                    row[random.Next(row.Length)] = 1f;
                    break;
                default:
                    for (int i = 0; i < row.Length; i++) row[i] = (float)random.NextDouble();
                    break;
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

    private static double[] Row(float[] values, int row, int width) => ToDouble(values.AsSpan(row * width, width).ToArray());

    private static double[] ToDouble(float[] values) => Array.ConvertAll(values, v => (double)v);
}
