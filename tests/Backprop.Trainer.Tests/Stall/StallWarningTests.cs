using Backprop.Initialization;
using Backprop.Optimizers;
using Backprop.Trainer.Tests.Training;
using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.Stall;

/// <summary>Each "no progress" warning provoked for real, the layer it names, and healthy runs that give none.</summary>
public class StallWarningTests
{
    [Fact]
    public void A_huge_learning_rate_kills_the_relu_layer_and_the_warning_names_it()
    {
        // Targets ×10 and SGD at 0.3: the first steps push every hidden unit below zero for every row (measured: seeds 1 and 2).
        TrainingHistory history = NetworkTrainer.Train(new ReluRegressionNet(), Scaled(TestData.Regression(), 10f),
            new TrainingOptions { Epochs = 10, LearningRate = 0.3f, Seed = 1 });

        TrainingWarning dead = Assert.Single(history.Warnings, w => w.Kind == TrainingWarningKind.DeadLayer);
        Assert.Equal("Hidden", dead.Layer);
        Assert.Contains("'Hidden'", dead.Message);
        Assert.Contains("all 16 units", dead.Message);
        Assert.Contains("smaller learning rate", dead.Message);
        Assert.Contains("LeakyReLU", dead.Message);
        TrainingWarning constant = Assert.Single(history.Warnings, w => w.Kind == TrainingWarningKind.ConstantOutputs);
        Assert.Equal("Output", constant.Layer);
        Assert.DoesNotContain(history.Warnings, w => w.Kind == TrainingWarningKind.LossFlat); // the output bias still learnt the mean
    }

    [Fact]
    public void A_very_negative_bias_kills_the_second_relu_layer_and_only_it_is_named()
    {
        var net = new DeepReluNet();
        ParameterInitializer.Initialize(DeepReluNet.Shape, net.Parameters, InitializationScheme.Auto, seed: 3);
        net.Second.Biases.AsSpan().Fill(-50f);
        TrainingHistory history = NetworkTrainer.Train(net, TestData.Regression(), new TrainingOptions
        {
            Epochs = 5, LearningRate = 0.01f, Initialization = InitializationScheme.None,
        });

        TrainingWarning dead = Assert.Single(history.Warnings, w => w.Kind is TrainingWarningKind.DeadLayer or TrainingWarningKind.MostlyDeadLayer);
        Assert.Equal(TrainingWarningKind.DeadLayer, dead.Kind);
        Assert.Equal("Second", dead.Layer);
        Assert.Contains("all 20 units of ReLU layer 'Second'", dead.Message);
        Assert.Contains("this run used None", dead.Message);
    }

    [Theory]
    [InlineData(15, true)]   // 15/16 = 94 % ≥ 90 %
    [InlineData(14, false)]  // 14/16 = 88 % < 90 %
    public void A_layer_with_at_least_90_percent_dead_units_is_reported_as_mostly_dead(int deadUnits, bool reported)
    {
        var net = new ReluRegressionNet();
        ParameterInitializer.Initialize(ReluRegressionNet.Shape, net.Parameters, InitializationScheme.Auto, seed: 4);
        for (int unit = 0; unit < deadUnits; unit++) net.Hidden.Biases[unit] = -50f;
        for (int unit = deadUnits; unit < 16; unit++) net.Hidden.Biases[unit] = 1f; // alive for most rows
        TrainingHistory history = NetworkTrainer.Train(net, TestData.Regression(), new TrainingOptions
        {
            Epochs = 5, LearningRate = 1e-3f, Initialization = InitializationScheme.None,
        });

        Assert.DoesNotContain(history.Warnings, w => w.Kind == TrainingWarningKind.DeadLayer);
        if (!reported)
        {
            Assert.True(!history.Warnings.Any(w => w.Kind == TrainingWarningKind.MostlyDeadLayer), string.Join("\n", history.Warnings));
            return;
        }

        TrainingWarning mostly = Assert.Single(history.Warnings, w => w.Kind == TrainingWarningKind.MostlyDeadLayer);
        Assert.Equal("Hidden", mostly.Layer);
        Assert.Contains($"{deadUnits} of the 16 units", mostly.Message);
    }

    [Fact]
    public void A_learning_rate_too_small_to_move_gives_a_flat_loss_warning()
    {
        TrainingHistory history = NetworkTrainer.Train(new ReluRegressionNet(), TestData.Regression(), new TrainingOptions
        {
            Epochs = 5, LearningRate = 1e-9f, Seed = 2,
        });

        TrainingWarning flat = Assert.Single(history.Warnings, w => w.Kind == TrainingWarningKind.LossFlat);
        Assert.Null(flat.Layer);
        Assert.Contains("did not decrease over 5 epochs", flat.Message);
        Assert.Contains("larger learning rate", flat.Message);
        Assert.Contains("ReluRegressionNet", flat.Message);
    }

    [Fact]
    public void A_flat_loss_needs_three_epochs()
    {
        TrainingHistory history = NetworkTrainer.Train(new ReluRegressionNet(), TestData.Regression(), new TrainingOptions
        {
            Epochs = StallCheck.MinimumEpochs - 1, LearningRate = 1e-9f, Seed = 2,
        });

        Assert.DoesNotContain(history.Warnings, w => w.Kind == TrainingWarningKind.LossFlat);
    }

    [Fact]
    public void Zero_weights_give_constant_outputs_named_by_the_output_layer_without_a_dead_layer()
    {
        // All weights 0: tanh(0) = 0 feeds the output nothing and no gradient reaches either weight matrix; only the output bias moves.
        var net = new TanhRegressionNet();
        TrainingHistory history = NetworkTrainer.Train(net, TestData.Regression(), new TrainingOptions
        {
            Epochs = 20, LearningRate = 0.05f, Initialization = InitializationScheme.None,
        });

        TrainingWarning constant = Assert.Single(history.Warnings);
        Assert.Equal(TrainingWarningKind.ConstantOutputs, constant.Kind);
        Assert.Equal("Output", constant.Layer);
        Assert.Contains("layer 'Output'", constant.Message);
    }

    [Fact]
    public void An_all_equal_label_gives_a_constant_targets_warning()
    {
        InMemorySamples regression = TestData.Regression();
        var inputs = new float[regression.Rows * 3];
        Array.Copy(regression.InputValues, inputs, inputs.Length);
        var data = new InMemorySamples(inputs, 3, Enumerable.Repeat(4f, regression.Rows).ToArray(), 1);
        TrainingHistory history = NetworkTrainer.Train(new ReluRegressionNet(), data, new TrainingOptions { Epochs = 10, LearningRate = 0.01f, Seed = 1 });

        TrainingWarning constant = Assert.Single(history.Warnings);
        Assert.Equal(TrainingWarningKind.ConstantTargets, constant.Kind);
        Assert.Null(constant.Layer);
        Assert.Contains("Every one of the 200 training rows", constant.Message);
        Assert.Contains("the same target (4)", constant.Message);
        Assert.Contains("label column", constant.Message);
    }

    [Fact]
    public void Healthy_runs_give_no_warnings()
    {
        TrainingHistory xor = NetworkTrainer.Train(new XorNet(), XorData.Samples(), new TrainingOptions
        {
            Epochs = 4000, BatchSize = 4, LearningRate = 2f, Seed = 1,
        });
        Assert.Empty(xor.Warnings);

        TrainingHistory relu = NetworkTrainer.Train(new ReluRegressionNet(), TestData.Regression(), new TrainingOptions
        {
            Epochs = 30, LearningRate = 0.01f, Optimizer = new Adam(), Seed = 1,
        });
        Assert.Empty(relu.Warnings);

        TrainingHistory sized = NetworkTrainer.Train(new SizedReluNet(), TestData.Regression(), new TrainingOptions
        {
            Epochs = 30, LearningRate = 0.01f, Optimizer = new Adam(), Seed = 1,
        });
        Assert.Empty(sized.Warnings);

        TrainingHistory kinds = NetworkTrainer.Train(new KindsNet(), Blobs(), new TrainingOptions
        {
            Epochs = 30, LearningRate = 0.01f, Optimizer = new Adam(), Seed = 1,
        });
        Assert.Empty(kinds.Warnings);
    }

    [Fact]
    public void A_network_sized_by_the_data_names_its_dead_layer()
    {
        TrainingHistory history = NetworkTrainer.Train(new SizedReluNet(), Scaled(TestData.Regression(), 10f),
            new TrainingOptions { Epochs = 10, LearningRate = 0.3f, Seed = 1 });

        Assert.Contains(history.Warnings, w => w.Kind == TrainingWarningKind.DeadLayer && w.Layer == "Hidden");
    }

    [Fact]
    public void The_probe_pass_gives_the_generated_forward_pass_values_for_every_layer_kind()
    {
        var net = new KindsNet();
        InMemorySamples data = Blobs();
        NetworkTrainer.Train(net, data, new TrainingOptions { Epochs = 5, LearningRate = 0.01f, Optimizer = new Adam(), Seed = 1 });
        int rows = data.Rows;
        var expected = new float[rows * 3];
        KindsNet.ForwardBatch(net.Parameters, net.State, data.InputValues, expected, rows, new float[KindsNet.BatchWorkspaceSize(rows)]);

        var seen = new List<string>();
        float[] actual = ProbeForward.Run(KindsNet.Shape, net.Parameters, net.State, data.InputValues, rows, (layer, values) =>
        {
            seen.Add(layer.Name);
            Assert.Equal(rows * layer.Units, values.Length);
        });

        Assert.Equal(["Scale", "Hidden", "Batch", "Drop", "Mixer", "Norm", "Late", "Rms", "Output"], seen);
        Assert.Equal(Enum.GetValues<LayerKind>().Order(), KindsNet.Shape.Layers.Select(l => l.Kind).Distinct().Order()); // every kind is here
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], actual[i], 4);
    }

    [Fact]
    public void The_check_changes_no_weight_and_can_be_turned_off()
    {
        float[] Run(bool warnings, out TrainingHistory history)
        {
            var net = new ReluRegressionNet();
            history = NetworkTrainer.Train(net, Scaled(TestData.Regression(), 10f), new TrainingOptions
            {
                Epochs = 10, LearningRate = 0.3f, Seed = 1, StallWarnings = warnings,
            });
            return net.Parameters;
        }

        float[] on = Run(true, out TrainingHistory withChecks), off = Run(false, out TrainingHistory without);
        Assert.Equal(on, off);
        Assert.NotEmpty(withChecks.Warnings);
        Assert.Empty(without.Warnings);
    }

    [Fact]
    public void Only_relu_has_a_zero_gradient_region_and_every_activation_is_decided()
    {
        foreach (Activation activation in Enum.GetValues<Activation>())
            Assert.Equal(activation == Activation.ReLU, StallCheck.HasZeroGradientRegion(activation));
        Assert.Throws<ArgumentOutOfRangeException>(() => StallCheck.HasZeroGradientRegion((Activation)99));
    }

    /// <summary>Three Gaussian blobs in 3-D, far from the origin and on different scales (the [Normalize] layer's work), one-hot.</summary>
    private static InMemorySamples Blobs(int rows = 300, int seed = 7)
    {
        var random = new Random(seed);
        var inputs = new float[rows * 3];
        var targets = new float[rows * 3];
        for (int r = 0; r < rows; r++)
        {
            int label = r % 3;
            for (int i = 0; i < 3; i++)
                inputs[r * 3 + i] = (float)((i + 1) * 10 * (100 + (label == i ? 3 : 0) + random.NextDouble() - 0.5));
            targets[r * 3 + label] = 1f;
        }

        return new InMemorySamples(inputs, 3, targets, 3);
    }

    private static InMemorySamples Scaled(InMemorySamples data, float factor) =>
        new(data.InputValues, data.InputCount, data.TargetValues.Select(v => v * factor).ToArray(), data.TargetCount);
}
