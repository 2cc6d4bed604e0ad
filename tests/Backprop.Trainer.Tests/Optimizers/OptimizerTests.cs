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

        // The printed digits, then every step against the closed form xₙ = 2 + 6·0.8ⁿ (xₙ₊₁ − 2 = 0.8(xₙ − 2)).
        Assert.Equal(6.8, path[0], 1e-5);
        Assert.Equal(5.84, path[1], 1e-5);
        Assert.Equal(5.072, path[2], 1e-5);
        Assert.Equal(4.4576, path[3], 1e-5);
        for (int n = 1; n <= 60; n++) Assert.Equal(2 + 6 * Math.Pow(0.8, n), path[n - 1], 1e-5);
        Assert.True(Math.Abs(path[59] - 2.0) < 1e-4, $"after 60 steps x = {path[59]}, not within 1e-4 of 2");
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
        nesterov.Step(theta, [1f], 0.1f);  // v = 0.9·(−0.1) − 0.1 = −0.19; θ += 0.9·(−0.19) − 0.1 = −0.271 → 0.539
        Assert.Equal(0.539f, theta[0], 6);
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

    /// <summary>Two Adam steps with g = 1 then g = 3, worked by hand (β₁ = 0.9, β₂ = 0.999, ε = 1e−8, η = 0.1).</summary>
    [Fact]
    public void Adam_second_step_uses_the_bias_corrected_moments()
    {
        var adam = new Adam();
        adam.Reset(1);
        float[] theta = [0f];
        adam.Step(theta, [1f], 0.1f);   // m = 0.1, v = 0.001; m̂ = 1, v̂ = 1 → θ = −0.1
        Assert.Equal(-0.1f, theta[0], 6);
        adam.Step(theta, [3f], 0.1f);   // m = 0.09 + 0.3 = 0.39, v = 0.000999 + 0.009 = 0.009999; m̂ = 0.39/0.19, v̂ = 0.009999/0.001999
        double mHat = 0.39 / 0.19, vHat = 0.009999 / 0.001999;
        Assert.Equal(-0.1 - 0.1 * mHat / (Math.Sqrt(vHat) + 1e-8), theta[0], 5);  // ≈ −0.19178
    }

    /// <summary>On the parabola, momentum and Adam follow the same rules computed in double for 50 steps.</summary>
    [Theory]
    [InlineData("momentum")]
    [InlineData("nesterov")]
    [InlineData("adam")]
    public void Optimizers_follow_their_update_rule_over_many_steps(string name)
    {
        IOptimizer optimizer = name switch
        {
            "momentum" => new Momentum(0.5f),
            "nesterov" => new Momentum(0.5f, nesterov: true),
            _ => new Adam(),
        };
        optimizer.Reset(1);
        float[] x = [8f];
        double reference = 8, v = 0, m = 0, s = 0;
        const double eta = 0.1;
        for (int t = 1; t <= 50; t++)
        {
            optimizer.Step(x, [2 * x[0] - 4], (float)eta);
            double g = 2 * reference - 4;
            switch (name)
            {
                case "momentum": v = 0.5 * v - eta * g; reference += v; break;
                case "nesterov": v = 0.5 * v - eta * g; reference += 0.5 * v - eta * g; break;
                default:
                    m = 0.9 * m + 0.1 * g;
                    s = 0.999 * s + 0.001 * g * g;
                    reference -= eta * (m / (1 - Math.Pow(0.9, t))) / (Math.Sqrt(s / (1 - Math.Pow(0.999, t))) + 1e-8);
                    break;
            }

            Assert.True(Math.Abs(x[0] - reference) < 1e-4, $"step {t}: {x[0]} but the rule gives {reference}");
        }
    }

    [Fact]
    public void Reset_forgets_the_state()
    {
        var momentum = new Momentum(0.9f);
        momentum.Reset(1);
        float[] theta = [1f];
        momentum.Step(theta, [1f], 0.1f);
        momentum.Reset(1);
        theta[0] = 1f;
        momentum.Step(theta, [1f], 0.1f);  // no velocity left: the same first step again
        Assert.Equal(0.9f, theta[0], 6);
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
