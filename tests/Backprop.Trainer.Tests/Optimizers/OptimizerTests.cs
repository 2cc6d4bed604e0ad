using Backprop.Optimizers;
using Xunit;

namespace Backprop.Trainer.Tests.Optimizers;

public class OptimizerTests
{
    /// <summary>y = x² − 4x + 6, dy/dx = 2x − 4: from x = 8 with η = 0.1, x goes 6.8, 5.84, 5.072, … → 2.</summary>
    [Fact]
    public void Gradient_descent_on_the_parabola_follows_the_printed_sequence()
    {
        var sgd = new Sgd();
        sgd.Reset(1);
        float[] x = [8f];
        float[] gradient = new float[1];
        var path = new List<float>();
        for (int step = 0; step < 60; step++)
        {
            gradient[0] = 2 * x[0] - 4;
            sgd.Step(x, gradient, 0.1f);
            path.Add(x[0]);
        }

        Assert.Equal(6.8, path[0], 1e-5);
        Assert.Equal(5.84, path[1], 1e-5);
        Assert.Equal(5.072, path[2], 1e-5);
        Assert.Equal(4.4576, path[3], 1e-5);
        Assert.Equal(2.0, path[59], 1e-4);
        for (int i = 1; i < path.Count; i++) Assert.True(path[i] < path[i - 1], "x must fall towards the minimum at every step");
    }

    [Fact]
    public void Momentum_accumulates_velocity()
    {
        var momentum = new Momentum(0.9f);
        momentum.Reset(1);
        float[] theta = [1f];
        momentum.Step(theta, [1f], 0.1f);  // v = −0.1; θ = 0.9
        Assert.Equal(0.9f, theta[0], 6);
        momentum.Step(theta, [1f], 0.1f);  // v = 0.9·(−0.1) − 0.1 = −0.19; θ = 0.71
        Assert.Equal(0.71f, theta[0], 6);
    }

    [Fact]
    public void Nesterov_looks_ahead()
    {
        var nesterov = new Momentum(0.9f, nesterov: true);
        nesterov.Reset(1);
        float[] theta = [1f];
        nesterov.Step(theta, [1f], 0.1f);  // v = −0.1; θ += 0.9·(−0.1) − 0.1 = −0.19 → 0.81
        Assert.Equal(0.81f, theta[0], 6);
    }

    [Fact]
    public void Adam_first_step_moves_each_parameter_by_the_learning_rate()
    {
        var adam = new Adam();
        adam.Reset(3);
        float[] theta = [1f, 1f, 1f];
        adam.Step(theta, [0.5f, -20f, 1e-3f], 0.01f);  // m̂/√v̂ = sign(g) on the first step
        Assert.Equal(0.99f, theta[0], 5);
        Assert.Equal(1.01f, theta[1], 5);
        Assert.Equal(0.99f, theta[2], 4);
    }

    [Fact]
    public void Optimizers_reject_mismatched_sizes()
    {
        var adam = new Adam();
        adam.Reset(2);
        var error = Assert.Throws<ArgumentException>(() => adam.Step(new float[2], new float[3], 0.1f));
        Assert.Contains("3 values", error.Message);
        Assert.Throws<InvalidOperationException>(() => adam.Step(new float[4], new float[4], 0.1f));
    }
}
