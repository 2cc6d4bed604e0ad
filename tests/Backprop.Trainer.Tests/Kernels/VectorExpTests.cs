using System.Runtime.Intrinsics;
using Backprop.Kernels;
using Xunit;

namespace Backprop.Trainer.Tests.Kernels;

/// <summary>The activations' own vector eˣ against double-precision Math.Exp rounded to float, and at the edges of its range.</summary>
public class VectorExpTests
{
    [Fact]
    public void Matches_math_exp_rounded_to_float_over_the_whole_range()
    {
        // Every 3,589th float (37·97 ulps apart) from −104 to 89: about 500,000 values over every binade in range; the runtime's own Vector256.Exp is counted beside for scale.
        int mismatches = 0, checkedValues = 0, runtimeMismatches = 0;
        var lanes = new float[8];
        for (float start = -104f; start < 89f;)
        {
            for (int l = 0; l < 8; l++)
            {
                lanes[l] = start;
                int bits = BitConverter.SingleToInt32Bits(start);
                start = BitConverter.Int32BitsToSingle(start >= 0 ? bits + 37 * 97 : bits - 37 * 97);
                if (start > -1e-30f && start < 1e-30f) start = start < 0 ? 1e-30f : start; // step over the denormal-sized gap at 0
            }

            Vector256<float> ours = VectorExp.Exp(Vector256.Create(lanes)), runtime = Vector256.Exp(Vector256.Create(lanes));
            for (int l = 0; l < 8; l++)
            {
                checkedValues++;
                if (ours[l] != (float)Math.Exp(lanes[l])) mismatches++;
                if (runtime[l] != (float)Math.Exp(lanes[l])) runtimeMismatches++;
            }
        }

        Assert.True(checkedValues > 100_000, $"{checkedValues} values");
        Assert.True(mismatches <= checkedValues / 1_000_000 + 1, $"{mismatches} of {checkedValues} differ from (float)Math.Exp (the runtime's Vector256.Exp: {runtimeMismatches})");
    }

    [Fact]
    public void Edges_overflow_underflow_and_nan()
    {
        float[] x = [0f, -0f, 1f, -1f, 88.72f, 88.73f, 89f, 1000f, float.PositiveInfinity, -87.3f, -103.9f, -104.5f, float.NegativeInfinity, float.NaN, float.MaxValue, float.MinValue];
        var lanes = new float[16];
        x.CopyTo(lanes, 0);
        for (int chunk = 0; chunk < 2; chunk++)
        {
            Vector256<float> e = VectorExp.Exp(Vector256.Create(lanes.AsSpan(chunk * 8, 8)));
            for (int l = 0; l < 8; l++)
            {
                float value = lanes[chunk * 8 + l];
                float expected = (float)Math.Exp(value);
                Assert.True(e[l].Equals(expected), $"exp({value}) = {e[l]}, expected {expected}");
            }
        }
    }
}
