using Backprop.Optimizers;
using Xunit;

namespace Backprop.Trainer.Tests.Optimizers;

/// <summary>
/// The vectorised Adam/AdamW step (OptimizerKernels.Adam) against the scalar rule it replaced, bit for bit: every
/// length around the vector widths, the scalar tail, and a length that is split across two threads.
/// </summary>
public class AdamVectorisedTests
{
    public static TheoryData<int, int> Lengths() => new()
    {
        { 1, 1 }, { 7, 1 }, { 8, 1 }, { 15, 1 }, { 16, 1 }, { 17, 1 }, { 33, 1 }, { 3267, 1 }, { 3267, 2 }, { 70_001, 1 }, { 70_001, 2 },
    };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void Adam_step_is_bit_identical_to_the_scalar_rule(int length, int threads)
    {
        using var _ = new GemmThreads(threads);
        var adam = new Adam();
        Check(length, adam, adam.Beta1, adam.Beta2, adam.Epsilon, weightDecay: 0f, adam.Reset, adam.Step);
    }

    [Theory]
    [MemberData(nameof(Lengths))]
    public void AdamW_step_is_bit_identical_to_the_scalar_rule(int length, int threads)
    {
        using var _ = new GemmThreads(threads);
        var adamW = new AdamW(weightDecay: 0.05f);
        Check(length, adamW, adamW.Beta1, adamW.Beta2, adamW.Epsilon, adamW.WeightDecay, adamW.Reset, adamW.Step);
    }

    private delegate void StepFunction(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate);

    private static void Check(int length, IOptimizer optimizer, float beta1, float beta2, float epsilon, float weightDecay,
        Action<int> reset, StepFunction step)
    {
        var random = new Random(length);
        float[] parameters = new float[length], expected = new float[length], m = new float[length], v = new float[length];
        for (int i = 0; i < length; i++) parameters[i] = expected[i] = (float)(random.NextDouble() * 2 - 1);
        reset(length);
        float[] gradients = new float[length];
        for (int t = 1; t <= 5; t++)
        {
            // Gradients of every scale, zeros included (v = 0 at the first step: the division by √v̂ + ε matters).
            for (int i = 0; i < length; i++) gradients[i] = i % 11 == 0 ? 0f : (float)((random.NextDouble() * 2 - 1) * Math.Pow(10, random.Next(-9, 3)));
            float rate = 0.001f * t;
            step(parameters, gradients, rate);

            // The scalar rule as Adam and AdamW wrote it before they were vectorised.
            float correction1 = 1f - MathF.Pow(beta1, t), correction2 = 1f - MathF.Pow(beta2, t);
            float decay = 1f - rate * weightDecay;
            for (int i = 0; i < length; i++)
            {
                float g = gradients[i];
                float mi = m[i] = beta1 * m[i] + (1f - beta1) * g;
                float vi = v[i] = beta2 * v[i] + (1f - beta2) * g * g;
                expected[i] = weightDecay == 0f
                    ? expected[i] - rate * (mi / correction1) / (MathF.Sqrt(vi / correction2) + epsilon)
                    : expected[i] * decay - rate * (mi / correction1) / (MathF.Sqrt(vi / correction2) + epsilon);
            }

            for (int i = 0; i < length; i++)
                if (BitConverter.SingleToInt32Bits(parameters[i]) != BitConverter.SingleToInt32Bits(expected[i]))
                    Assert.Fail($"{optimizer.GetType().Name}, {length} parameters, {Backprop.Kernels.Gemm.MaxThreads} thread(s), step {t}: θ[{i}] = {parameters[i]:R}, the scalar rule gives {expected[i]:R}");
        }
    }
}
