using Xunit;

namespace Backprop.Tests.GradientChecks;

/// <summary>Every new activation, loss and layer kind: gradients against finite differences in double, unweighted and weighted.</summary>
public class LayerGradientTests
{
    public static TheoryData<string, bool> Cases()
    {
        var data = new TheoryData<string, bool>();
        foreach (string name in Checks.Keys)
        {
            data.Add(name, false);
            data.Add(name, true);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Batched_and_per_sample_gradients_match_finite_differences(string network, bool weighted) => Checks[network](weighted);

    [Fact]
    public void Every_activation_has_its_rule_and_its_kernels()
    {
        foreach (Activation activation in Enum.GetValues<Activation>())
        {
            ActivationInfoAttribute info = ActivationTable.Of(activation);
            Assert.False(string.IsNullOrEmpty(info.Formula));
            if (activation is Activation.Identity or Activation.Softmax) continue;
            Assert.NotNull(typeof(Kernels.ActivationKernels).GetMethod(activation.ToString()));
            Assert.NotNull(typeof(Kernels.ActivationKernels).GetMethod(activation + "Backward"));
        }
    }

    [Fact]
    public void Softplus_does_not_overflow()
    {
        float[] z = [-1000f, -50f, 0f, 50f, 1000f];
        float[] a = new float[z.Length];
        Kernels.ActivationKernels.Softplus(z, a);
        Assert.All(a, v => Assert.True(float.IsFinite(v)));
        Assert.Equal(1000f, a[4]);
        Assert.Equal(MathF.Log(2f), a[2], 6);
        Assert.True(a[0] >= 0f && a[0] < 1e-30f);
    }

    [Fact]
    public void Dropout_masks_depend_on_the_seed_and_keep_the_expected_fraction()
    {
        var input = Enumerable.Repeat(1f, 20_000).ToArray();
        var output = new float[input.Length];
        var mask = new float[input.Length];
        Kernels.DropoutKernels.ForwardTraining(input, output, mask, 0.25f, 7, 1);
        double kept = mask.Count(m => m != 0f) / (double)mask.Length;
        Assert.InRange(kept, 0.74, 0.76);
        Assert.All(mask, m => Assert.True(m == 0f || m == 1f / 0.75f));
        var again = new float[input.Length];
        Kernels.DropoutKernels.ForwardTraining(input, output, again, 0.25f, 7, 1);
        Assert.Equal(mask, again);
        Kernels.DropoutKernels.ForwardTraining(input, output, again, 0.25f, 8, 1);
        Assert.NotEqual(mask, again);
    }

    [Fact]
    public void BatchNorm_training_moves_the_running_statistics_by_the_momentum()
    {
        float[] input = [1f, 10f, 3f, 20f, 5f, 30f]; // 3 rows × 2 features
        var output = new float[6];
        float[] mean = new float[2], reciprocal = new float[2], runningMean = [0f, 1f], runningVariance = [1f, 1f];
        Kernels.BatchNormKernels.ForwardTraining(input, output, [1f, 1f], [0f, 0f], mean, reciprocal, runningMean, runningVariance, 3, 2, 1e-5f, 0.1f);
        Assert.Equal(0.9 * 0 + 0.1 * 3, runningMean[0], 5);
        Assert.Equal(0.9 * 1 + 0.1 * 20, runningMean[1], 5);
        Assert.Equal(0.9 * 1 + 0.1 * 4, runningVariance[0], 5);   // unbiased variance of 1, 3, 5 is 4
        Assert.Equal(0.9 * 1 + 0.1 * 100, runningVariance[1], 4); // of 10, 20, 30 is 100
        Assert.Equal(0f, output[2], 5);                           // the middle row is the mean
    }

    private static readonly Dictionary<string, Action<bool>> Checks = new()
    {
        [nameof(CheckGelu)] = LayerGradientCheck.Run<CheckGelu>,
        [nameof(CheckSiluSoftplusHuber)] = LayerGradientCheck.Run<CheckSiluSoftplusHuber>,
        [nameof(CheckEluGeluMae)] = LayerGradientCheck.Run<CheckEluGeluMae>,
        [nameof(CheckSoftplusMultiLabel)] = LayerGradientCheck.Run<CheckSoftplusMultiLabel>,
        [nameof(CheckHuberDelta)] = LayerGradientCheck.Run<CheckHuberDelta>,
        [nameof(CheckLayerNorm)] = LayerGradientCheck.Run<CheckLayerNorm>,
        [nameof(CheckBatchNorm)] = LayerGradientCheck.Run<CheckBatchNorm>,
        [nameof(CheckDropout)] = LayerGradientCheck.Run<CheckDropout>,
        [nameof(CheckEveryKind)] = LayerGradientCheck.Run<CheckEveryKind>,
        [nameof(CheckNormFirst)] = LayerGradientCheck.Run<CheckNormFirst>,
        [nameof(CheckMish)] = LayerGradientCheck.Run<CheckMish>,
        [nameof(CheckNormalize)] = LayerGradientCheck.Run<CheckNormalize>,
        [nameof(CheckSizedByData)] = LayerGradientCheck.Run<CheckSizedByData>,
        [nameof(CheckSizedNormalize)] = LayerGradientCheck.Run<CheckSizedNormalize>,
        [nameof(CheckSizedPrefix)] = LayerGradientCheck.Run<CheckSizedPrefix>,
        [nameof(CheckSizedLayerNormFirst)] = LayerGradientCheck.Run<CheckSizedLayerNormFirst>,
        [nameof(CheckRMSNorm)] = LayerGradientCheck.Run<CheckRMSNorm>,
        [nameof(CheckRMSNormFirst)] = LayerGradientCheck.Run<CheckRMSNormFirst>,
        [nameof(CheckSizedRMSNormFirst)] = LayerGradientCheck.Run<CheckSizedRMSNormFirst>,
    };
}
