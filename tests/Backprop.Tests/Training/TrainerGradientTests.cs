using Backprop.Initialization;
using Backprop.Optimizers;
using Backprop.Tests.GradientChecks;
using Backprop.Tests.Networks;
using Backprop.Training;
using Xunit;

namespace Backprop.Tests.Training;

/// <summary>
/// The gradient the trainer hands to the optimizer is ∂J/∂θ of J(θ) = (1/B) Σₙ Cₙ(θ) + λ/(2N) Σ w² (weights only),
/// checked against central finite differences of J computed in double by <see cref="ReferenceNetwork"/>.
/// </summary>
public class TrainerGradientTests
{
    [Fact]
    public void Iris_net_mean_gradient_with_l2_matches_finite_differences_for_full_and_partial_batches() =>
        Check<IrisNet>(rows: 7, batchSize: 5, lambda: 0.3f, seed: 1);

    [Fact]
    public void Xor_net_mean_gradient_with_l2_matches_finite_differences() =>
        Check<XorNet>(rows: 4, batchSize: 3, lambda: 0.05f, seed: 2);

    private static void Check<TNet>(int rows, int batchSize, float lambda, int seed) where TNet : INetwork<TNet>, new()
    {
        NetworkShape shape = TNet.Shape;
        var random = new Random(seed);
        float[][] inputs = Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, shape.InputCount).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray()).ToArray();
        float[][] targets = Enumerable.Range(0, rows).Select(r => Target(shape, random)).ToArray();
        var net = new TNet();
        for (int i = 0; i < net.Parameters.Length; i++) net.Parameters[i] = (float)(random.NextDouble() - 0.5);

        var recorder = new Recorder();
        NetworkTrainer.Train(net, new InMemorySamples(inputs, targets), new TrainingOptions
        {
            Epochs = 1, BatchSize = batchSize, LearningRate = 1e-3f, L2 = lambda, Shuffle = false,
            Initialization = InitializationScheme.None, Optimizer = recorder,
        });

        int batches = (rows + batchSize - 1) / batchSize;
        Assert.Equal(batches, recorder.Steps.Count);
        for (int b = 0; b < batches; b++)
        {
            (double[] theta, float[] gradient) = recorder.Steps[b];
            int first = b * batchSize, count = Math.Min(batchSize, rows - first);
            double Objective(double[] p)
            {
                double sum = 0;
                for (int r = first; r < first + count; r++)
                    sum += ReferenceNetwork.Loss(shape, p, Array.ConvertAll(inputs[r], v => (double)v), Array.ConvertAll(targets[r], v => (double)v));
                double squares = 0;
                foreach (LayerDescription layer in shape.Layers)
                    for (int i = layer.WeightOffset; i < layer.WeightOffset + layer.WeightCount; i++) squares += p[i] * p[i];
                return sum / count + lambda / (2.0 * rows) * squares;
            }

            const double h = 1e-5;
            for (int i = 0; i < theta.Length; i++)
            {
                double saved = theta[i];
                theta[i] = saved + h;
                double plus = Objective(theta);
                theta[i] = saved - h;
                double minus = Objective(theta);
                theta[i] = saved;
                double numeric = (plus - minus) / (2 * h);
                Assert.True(Math.Abs(numeric - gradient[i]) <= 1e-4 + 1e-3 * Math.Abs(numeric),
                    $"batch {b + 1} ({count} rows), parameter {i}: trainer {gradient[i]}, finite differences {numeric}");
            }
        }
    }

    private static float[] Target(NetworkShape shape, Random random)
    {
        var target = new float[shape.OutputCount];
        if (shape.Loss == Loss.SoftmaxCrossEntropy) target[random.Next(target.Length)] = 1f;
        else for (int i = 0; i < target.Length; i++) target[i] = (float)random.NextDouble();
        return target;
    }

    /// <summary>Records the parameters (as doubles) and the gradient of every step, then steps by SGD.</summary>
    private sealed class Recorder : IOptimizer
    {
        private readonly Sgd _sgd = new();

        public List<(double[] Parameters, float[] Gradient)> Steps { get; } = [];

        public void Reset(int parameterCount) => _sgd.Reset(parameterCount);

        public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate)
        {
            Steps.Add((Array.ConvertAll(parameters.ToArray(), v => (double)v), gradients.ToArray()));
            _sgd.Step(parameters, gradients, learningRate);
        }
    }
}
