using Backprop.Initialization;
using Backprop.Trainer.Tests.Training;
using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.Initialization;

public class InitializationTests
{
    [Fact]
    public void Auto_is_deterministic_uses_he_for_relu_and_xavier_for_softmax_and_zeroes_biases()
    {
        NetworkShape shape = WideNet.Shape;
        float[] a = Filled(shape, 0.5f), b = Filled(shape, 0.5f), c = Filled(shape, 0.5f);
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
        Assert.All(a.AsSpan(output.BiasOffset, output.Units).ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Explicit_schemes_override_the_activation()
    {
        NetworkShape shape = WideNet.Shape;
        LayerDescription hidden = shape.Layers[0], output = shape.Layers[1];
        float[] xavier = new float[shape.ParameterCount], he = new float[shape.ParameterCount];
        ParameterInitializer.Initialize(shape, xavier, InitializationScheme.Xavier, seed: 3);
        ParameterInitializer.Initialize(shape, he, InitializationScheme.He, seed: 3);
        AssertUniform(xavier.AsSpan(hidden.WeightOffset, hidden.WeightCount), Math.Sqrt(6.0 / (hidden.Inputs + hidden.Units)));
        AssertUniform(he.AsSpan(output.WeightOffset, output.WeightCount), Math.Sqrt(6.0 / output.Inputs), meanTolerance: 0.1);
    }

    [Fact]
    public void None_keeps_the_weights_and_the_trainer_honours_it()
    {
        NetworkShape shape = LinearNet.Shape;
        float[] parameters = [0.25f, -0.5f, 0.75f, 1f];
        ParameterInitializer.Initialize(shape, parameters, InitializationScheme.None, seed: 1);
        Assert.Equal([0.25f, -0.5f, 0.75f, 1f], parameters);

        // One step of SGD on zero gradients keeps them: targets equal the current outputs.
        var net = new LinearNet(parameters);
        float[] inputs = [1, 0, 0, 0, 1, 0], targets = [1.25f, 0.5f];
        NetworkTrainer.Train(net, new InMemorySamples(inputs, 3, targets, 1), new TrainingOptions
        {
            Epochs = 1, Initialization = InitializationScheme.None,
        });
        Assert.Equal([0.25f, -0.5f, 0.75f, 1f], net.Parameters);
    }

    [Fact]
    public void A_wrong_buffer_size_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => ParameterInitializer.Initialize(WideNet.Shape, new float[10], InitializationScheme.Auto, 0));
        Assert.Contains("10 values", error.Message);
        Assert.Contains(WideNet.Shape.ParameterCount.ToString(), error.Message);
    }

    private static float[] Filled(NetworkShape shape, float value)
    {
        var values = new float[shape.ParameterCount];
        Array.Fill(values, value);
        return values;
    }

    /// <summary>Every weight in [−l, l], mean ≈ 0, variance ≈ l²/3 (the variance of U(−l, l)) within 10%.</summary>
    private static void AssertUniform(ReadOnlySpan<float> weights, double limit, double meanTolerance = 0.05)
    {
        double sum = 0, squares = 0;
        foreach (float w in weights)
        {
            Assert.InRange(w, -limit, limit);
            sum += w;
            squares += (double)w * w;
        }

        double mean = sum / weights.Length, variance = squares / weights.Length - mean * mean;
        Assert.InRange(mean, -meanTolerance * limit, meanTolerance * limit);
        Assert.InRange(variance, 0.9 * limit * limit / 3, 1.1 * limit * limit / 3);
    }
}
