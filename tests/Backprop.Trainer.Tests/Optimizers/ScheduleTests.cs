using Backprop.Initialization;
using Backprop.Schedules;
using Xunit;

namespace Backprop.Trainer.Tests.Optimizers;

public class ScheduleTests
{
    [Fact]
    public void Schedules_give_their_formulas()
    {
        Assert.Equal(0.5f, new ConstantSchedule().LearningRate(0.5f, 100));
        Assert.Equal(1f, new StepDecay(10, 0.5f).LearningRate(1f, 9));
        Assert.Equal(0.5f, new StepDecay(10, 0.5f).LearningRate(1f, 10));
        Assert.Equal(0.25f, new StepDecay(10, 0.5f).LearningRate(1f, 25));
        Assert.Equal(0.81f, new ExponentialDecay(0.9f).LearningRate(1f, 2), 6);
        Assert.Equal(0.25f, new InverseTimeDecay(0.5f).LearningRate(1f, 6), 6);
        Assert.Throws<ArgumentOutOfRangeException>(() => new StepDecay(0, 0.5f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExponentialDecay(1.5f));
    }

    [Fact]
    public void Initialisation_is_deterministic_bounded_and_zeroes_biases()
    {
        NetworkShape shape = WideNet.Shape;
        float[] a = new float[shape.ParameterCount], b = new float[shape.ParameterCount], c = new float[shape.ParameterCount];
        ParameterInitializer.Initialize(shape, a, InitializationScheme.Auto, seed: 7);
        ParameterInitializer.Initialize(shape, b, InitializationScheme.Auto, seed: 7);
        ParameterInitializer.Initialize(shape, c, InitializationScheme.Auto, seed: 8);
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);

        LayerDescription hidden = shape.Layers[0];   // ReLU: He, limit √(6/in)
        LayerDescription output = shape.Layers[1];   // Softmax: Xavier, limit √(6/(in + out))
        AssertUniform(a.AsSpan(hidden.WeightOffset, hidden.WeightCount), Math.Sqrt(6.0 / hidden.Inputs));
        AssertUniform(a.AsSpan(output.WeightOffset, output.WeightCount), Math.Sqrt(6.0 / (output.Inputs + output.Units)));
        Assert.All(a.AsSpan(hidden.BiasOffset, hidden.Units).ToArray(), v => Assert.Equal(0f, v));
    }

    private static void AssertUniform(ReadOnlySpan<float> weights, double limit)
    {
        double sum = 0, squares = 0;
        foreach (float w in weights)
        {
            Assert.InRange(w, -limit, limit);
            sum += w;
            squares += (double)w * w;
        }

        double mean = sum / weights.Length, variance = squares / weights.Length - mean * mean;
        Assert.InRange(mean, -0.05 * limit, 0.05 * limit);
        Assert.InRange(variance, 0.9 * limit * limit / 3, 1.1 * limit * limit / 3); // U(−l, l) has variance l²/3
    }
}
