using Backprop.Optimizers;
using Xunit;

namespace Backprop.Trainer.Tests.Optimizers;

/// <summary>AdamW and RMSprop against PyTorch's definitions (torch.optim.AdamW, torch.optim.RMSprop), worked in double.</summary>
public class AdamWAndRMSpropTests
{
    private static readonly float[][] Gradients =
    [
        [0.5f, -20f, 1e-3f, 0f], [-1f, 3f, 2e-3f, 0f], [0.25f, -0.5f, -1e-3f, 0f], [2f, 0.1f, 5e-3f, 0f], [-0.3f, -7f, 0f, 0f],
    ];

    /// <summary>Two AdamW steps by hand: θ₀ = 1, g = 0.5 then −1, η = 0.1, λ = 0.01 (β₁ 0.9, β₂ 0.999, ε 1e−8).</summary>
    [Fact]
    public void AdamW_two_steps_by_hand()
    {
        var adamW = new AdamW();
        adamW.Reset(1);
        float[] theta = [1f];
        adamW.Step(theta, [0.5f], 0.1f);
        // θ ← 1·(1 − 0.1·0.01) = 0.999; m = 0.05, v = 0.00025; m̂ = 0.5, v̂ = 0.25 → θ = 0.999 − 0.1·0.5/(0.5 + 1e−8)
        double expected = 0.999 - 0.1 * 0.5 / (0.5 + 1e-8);
        Assert.Equal(expected, theta[0], 1e-6);
        Assert.Equal(0.899, theta[0], 1e-6);
        adamW.Step(theta, [-1f], 0.1f);
        // θ ← θ·0.999; m = 0.045 − 0.1 = −0.055, v = 0.00024975 + 0.001 = 0.00124975; m̂ = m/0.19, v̂ = v/0.001999
        expected = expected * 0.999 - 0.1 * (-0.055 / 0.19) / (Math.Sqrt(0.00124975 / 0.001999) + 1e-8);
        Assert.Equal(expected, theta[0], 1e-6);
        Assert.Equal(0.934711, theta[0], 1e-5);
    }

    /// <summary>Five steps on four parameters against torch.optim.AdamW's loop, written as PyTorch writes it, in double.</summary>
    [Theory]
    [InlineData(0.9f, 0.999f, 1e-8f, 0.01f, 0.01f)]
    [InlineData(0.8f, 0.99f, 1e-6f, 0.1f, 0.05f)]
    [InlineData(0f, 0.5f, 1e-3f, 0f, 0.2f)]
    public void AdamW_follows_torch_optim_AdamW(float beta1, float beta2, float epsilon, float weightDecay, float lr)
    {
        var adamW = new AdamW(beta1, beta2, epsilon, weightDecay);
        float[] theta = [1f, -2f, 0.5f, 3f];
        double[] param = [1, -2, 0.5, 3], expAvg = new double[4], expAvgSq = new double[4];
        adamW.Reset(theta.Length);
        for (int step = 1; step <= Gradients.Length; step++)
        {
            float[] grad = Gradients[step - 1];
            adamW.Step(theta, grad, lr);
            for (int i = 0; i < param.Length; i++)
            {
                param[i] *= 1 - (double)lr * weightDecay;                                    // param.mul_(1 − lr·weight_decay)
                expAvg[i] += (grad[i] - expAvg[i]) * (1 - (double)beta1);                    // exp_avg.lerp_(grad, 1 − β₁)
                expAvgSq[i] = expAvgSq[i] * beta2 + (1 - (double)beta2) * grad[i] * grad[i]; // exp_avg_sq.mul_(β₂).addcmul_(grad, grad, 1 − β₂)
                double bias1 = 1 - Math.Pow(beta1, step), bias2 = 1 - Math.Pow(beta2, step);
                double denom = Math.Sqrt(expAvgSq[i]) / Math.Sqrt(bias2) + epsilon;
                param[i] -= lr / bias1 * expAvg[i] / denom;                                  // param.addcdiv_(exp_avg, denom, −lr/bias1)
                Assert.True(Math.Abs(theta[i] - param[i]) <= 1e-6 * Math.Max(1, Math.Abs(param[i])),
                    $"step {step}, parameter {i}: {theta[i]} but torch's AdamW gives {param[i]}");
            }
        }
    }

    [Fact]
    public void AdamW_decay_is_decoupled_from_the_gradient()
    {
        // A parameter with no gradient only decays: θₙ = θ₀(1 − ηλ)ⁿ (Adam with an L2 gradient would move it by ≈ η each step).
        var adamW = new AdamW(weightDecay: 0.1f);
        adamW.Reset(1);
        float[] theta = [2f];
        for (int n = 1; n <= 10; n++)
        {
            adamW.Step(theta, [0f], 0.5f);
            Assert.Equal(2 * Math.Pow(1 - 0.05, n), theta[0], 1e-6);
        }
    }

    [Fact]
    public void AdamW_without_decay_is_Adam_bit_for_bit()
    {
        var adam = new Adam();
        var adamW = new AdamW(weightDecay: 0f);
        adam.Reset(4);
        adamW.Reset(4);
        float[] a = [1f, -2f, 0.5f, 3f], b = [1f, -2f, 0.5f, 3f];
        foreach (float[] g in Gradients)
        {
            adam.Step(a, g, 0.01f);
            adamW.Step(b, g, 0.01f);
        }

        Assert.Equal(a, b);
    }

    /// <summary>Two RMSprop steps by hand: θ₀ = 1, g = 1 twice, η = 0.01, α = 0.99.</summary>
    [Fact]
    public void RMSprop_two_steps_by_hand()
    {
        var rmsprop = new RMSprop();
        rmsprop.Reset(1);
        float[] theta = [1f];
        rmsprop.Step(theta, [1f], 0.01f);   // v = 0.01; θ = 1 − 0.01·1/(0.1 + 1e−8) ≈ 0.9
        Assert.Equal(1 - 0.01 / (0.1 + 1e-8), theta[0], 1e-6);
        rmsprop.Step(theta, [1f], 0.01f);   // v = 0.0099 + 0.01 = 0.0199; θ ≈ 0.9 − 0.01/0.141067 ≈ 0.829112
        Assert.Equal(1 - 0.01 / (0.1 + 1e-8) - 0.01 / (Math.Sqrt(0.0199) + 1e-8), theta[0], 1e-6);
        Assert.Equal(0.829112, theta[0], 1e-5);
    }

    /// <summary>Two centered RMSprop steps with momentum by hand: θ₀ = 0, g = 1 then 2, η = 0.1, α = 0.5, μ = 0.9, ε = 1e−3.</summary>
    [Fact]
    public void Centered_RMSprop_with_momentum_two_steps_by_hand()
    {
        var rmsprop = new RMSprop(alpha: 0.5f, epsilon: 1e-3f, momentum: 0.9f, centered: true);
        rmsprop.Reset(1);
        float[] theta = [0f];
        rmsprop.Step(theta, [1f], 0.1f);
        // v = 0.5, ḡ = 0.5, √(v − ḡ²) = 0.5; b = 1/0.501; θ = −0.1/0.501
        double b = 1 / 0.501;
        Assert.Equal(-0.1 * b, theta[0], 1e-6);
        rmsprop.Step(theta, [2f], 0.1f);
        // v = 0.25 + 2 = 2.25, ḡ = 0.25 + 1 = 1.25, √(2.25 − 1.5625) = √0.6875; b = 0.9b + 2/(√0.6875 + 0.001)
        double b2 = 0.9 * b + 2 / (Math.Sqrt(0.6875) + 1e-3);
        Assert.Equal(-0.1 * b - 0.1 * b2, theta[0], 1e-6);
    }

    /// <summary>Five steps on four parameters against torch.optim.RMSprop's loop, in each variant, in double.</summary>
    [Theory]
    [InlineData(0.99f, 1e-8f, 0f, false)]
    [InlineData(0.9f, 1e-6f, 0.9f, false)]
    [InlineData(0.99f, 1e-8f, 0f, true)]
    [InlineData(0.8f, 1e-4f, 0.5f, true)]
    public void RMSprop_follows_torch_optim_RMSprop(float alpha, float epsilon, float momentum, bool centered)
    {
        const float lr = 0.01f;
        var rmsprop = new RMSprop(alpha, epsilon, momentum, centered);
        float[] theta = [1f, -2f, 0.5f, 3f];
        double[] param = [1, -2, 0.5, 3], squareAvg = new double[4], gradAvg = new double[4], buf = new double[4];
        rmsprop.Reset(theta.Length);
        for (int step = 1; step <= Gradients.Length; step++)
        {
            float[] grad = Gradients[step - 1];
            rmsprop.Step(theta, grad, lr);
            for (int i = 0; i < param.Length; i++)
            {
                squareAvg[i] = squareAvg[i] * alpha + (1 - (double)alpha) * grad[i] * grad[i];   // square_avg.mul_(α).addcmul_(grad, grad, 1 − α)
                double avg;
                if (centered)
                {
                    gradAvg[i] += (grad[i] - gradAvg[i]) * (1 - (double)alpha);                  // grad_avg.lerp_(grad, 1 − α)
                    avg = Math.Sqrt(squareAvg[i] - gradAvg[i] * gradAvg[i]) + epsilon;           // square_avg.addcmul(grad_avg, grad_avg, −1).sqrt_().add_(ε)
                }
                else avg = Math.Sqrt(squareAvg[i]) + epsilon;

                if (momentum > 0)
                {
                    buf[i] = buf[i] * momentum + grad[i] / avg;                                  // buf.mul_(μ).addcdiv_(grad, avg)
                    param[i] -= lr * buf[i];
                }
                else param[i] -= lr * grad[i] / avg;                                             // param.addcdiv_(grad, avg, −lr)

                Assert.True(Math.Abs(theta[i] - param[i]) <= 1e-5 * Math.Max(1, Math.Abs(param[i])),
                    $"step {step}, parameter {i}: {theta[i]} but torch's RMSprop gives {param[i]}");
            }
        }
    }

    [Fact]
    public void The_optimizers_reject_arguments_out_of_range_naming_them()
    {
        AssertOutOfRange("AdamW", "beta1", "[0, 1)", () => new AdamW(beta1: 1f));
        AssertOutOfRange("AdamW", "beta2", "[0, 1)", () => new AdamW(beta2: -0.1f));
        AssertOutOfRange("AdamW", "epsilon", "positive", () => new AdamW(epsilon: 0f));
        AssertOutOfRange("AdamW", "weightDecay", "non-negative", () => new AdamW(weightDecay: -0.01f));
        AssertOutOfRange("AdamW", "weightDecay", "non-negative", () => new AdamW(weightDecay: float.NaN));
        AssertOutOfRange("RMSprop", "alpha", "[0, 1)", () => new RMSprop(alpha: 1f));
        AssertOutOfRange("RMSprop", "epsilon", "positive", () => new RMSprop(epsilon: float.PositiveInfinity));
        AssertOutOfRange("RMSprop", "momentum", "[0, 1)", () => new RMSprop(momentum: 1.5f));
        AssertOutOfRange("RMSprop", "momentum", "[0, 1)", () => new RMSprop(momentum: -0.5f));
    }

    [Fact]
    public void The_optimizers_check_sizes_and_forget_their_state_on_reset()
    {
        IOptimizer[] optimizers = [new AdamW(), new RMSprop(momentum: 0.9f, centered: true)];
        foreach (IOptimizer optimizer in optimizers)
        {
            optimizer.Reset(2);
            Assert.Contains("3 values", Assert.Throws<ArgumentException>(() => optimizer.Step(new float[2], new float[3], 0.1f)).Message);
            Assert.Contains("Reset", Assert.Throws<InvalidOperationException>(() => optimizer.Step(new float[4], new float[4], 0.1f)).Message);

            float[] first = [1f, 1f];
            optimizer.Step(first, [0.5f, -1f], 0.1f);
            optimizer.Step([1f, 1f], [3f, 2f], 0.1f);
            optimizer.Reset(2);
            float[] again = [1f, 1f];
            optimizer.Step(again, [0.5f, -1f], 0.1f);
            Assert.Equal(first, again);
        }
    }

    /// <summary>The message names the type (where), the parameter (what) and the range (expected).</summary>
    internal static void AssertOutOfRange(string type, string parameter, string expected, Func<object> create)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(create);
        Assert.Equal(parameter, error.ParamName);
        Assert.StartsWith(type + ":", error.Message);
        Assert.Contains($"({parameter})", error.Message);
        Assert.Contains(expected, error.Message);
    }
}
