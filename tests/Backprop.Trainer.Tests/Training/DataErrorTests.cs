using Backprop.Initialization;
using Backprop.Schedules;
using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.Training;

public class DataErrorTests
{
    [Fact]
    public void NaN_in_an_input_is_rejected_with_its_row_and_the_weights_are_left_as_they_were()
    {
        float[] start = [0.1f, 0.2f, 0.3f, 0.4f];
        var net = new LinearNet(start);

        // Row 150 comes late in the shuffled first epoch: earlier batches have already stepped.
        var error = Assert.Throws<InvalidDataException>(() => NetworkTrainer.Train(net, TestData.Regression(nanRow: 150), new TrainingOptions { Epochs = 1, BatchSize = 4 }));

        Assert.StartsWith("Row 150: input value 1 is NaN", error.Message);
        Assert.Equal(start, net.Parameters);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(7)]
    public void In_stored_order_the_rows_read_from_the_arrays_are_checked_and_named_too(int batchSize)
    {
        // Shuffle = false: batches are the source's own arrays, not copies; the check and the row number still hold.
        float[] start = [0.1f, 0.2f, 0.3f, 0.4f];
        var net = new LinearNet(start);
        var error = Assert.Throws<InvalidDataException>(() =>
            NetworkTrainer.Train(net, TestData.Regression(nanRow: 150), new TrainingOptions { Epochs = 1, BatchSize = batchSize, Shuffle = false }));
        Assert.StartsWith("Row 150: input value 1 is NaN", error.Message);
        Assert.Equal(start, net.Parameters);
    }

    [Fact]
    public void In_stored_order_training_from_the_arrays_equals_training_from_a_cursor_of_the_same_rows()
    {
        InMemorySamples data = TestData.Regression();
        var options = new TrainingOptions { Epochs = 3, BatchSize = 8, Shuffle = false, Seed = 2 };
        var fromArrays = new LinearNet([0.1f, 0.2f, 0.3f, 0.4f]);
        NetworkTrainer.Train(fromArrays, data, options);
        var fromCursor = new LinearNet([0.1f, 0.2f, 0.3f, 0.4f]);
        NetworkTrainer.Train(fromCursor, new CursorOnly(data), options);
        Assert.Equal(fromCursor.Parameters, fromArrays.Parameters);
    }

    [Fact]
    public void In_stored_order_sample_and_class_weights_read_from_the_arrays_equal_those_read_through_a_cursor()
    {
        InMemorySamples xor = TestData.NoisyXor(rows: 45);
        float[] inputs = new float[45 * 2], targets = new float[45 * 2];
        var input = new float[2];
        var target = new float[2];
        using (ISampleCursor cursor = xor.Open(null))
            for (int r = 0; cursor.MoveNext(input, target); r++)
            {
                input.CopyTo(inputs, r * 2);
                target.CopyTo(targets, r * 2);
            }

        var weighted = new InMemorySamples(inputs, 2, targets, 2, Enumerable.Range(0, 45).Select(r => 0.25f + r % 4).ToArray());
        var options = new TrainingOptions { Epochs = 4, BatchSize = 8, Shuffle = false, Seed = 3, ClassWeights = [1f, 2.5f] };
        var fromArrays = new SoftmaxPairNet();
        NetworkTrainer.Train(fromArrays, weighted, options);
        var fromCursor = new SoftmaxPairNet();
        NetworkTrainer.Train(fromCursor, new CursorOnly(weighted), options);
        Assert.Equal(fromCursor.Parameters, fromArrays.Parameters);
        var unweighted = new SoftmaxPairNet();
        NetworkTrainer.Train(unweighted, new InMemorySamples(inputs, 2, targets, 2), options);
        Assert.NotEqual(unweighted.Parameters, fromArrays.Parameters);
    }

    [Fact]
    public void With_a_hold_out_a_bad_row_is_named_by_its_row_in_the_data()
    {
        // Row 150 falls in the training part (or the validation part): either way the message names row 150 of the data.
        var error = Assert.Throws<InvalidDataException>(() =>
            NetworkTrainer.Train(new LinearNet(), TestData.Regression(nanRow: 150), new TrainingOptions { Epochs = 1, BatchSize = 4, ValidationFraction = 0.3f }));
        Assert.StartsWith("Row 150: input value 1 is NaN", error.Message);
    }

    [Fact]
    public void Infinity_in_a_target_is_rejected_with_its_row()
    {
        var inputs = new float[10 * 3];
        var targets = new float[10];
        targets[7] = float.NegativeInfinity;
        var error = Assert.Throws<InvalidDataException>(() =>
            NetworkTrainer.Train(new LinearNet(), new InMemorySamples(inputs, 3, targets, 1), new TrainingOptions { Epochs = 1 }));
        Assert.StartsWith("Row 7: target value 0 is -Infinity", error.Message);
    }

    [Fact]
    public void NaN_in_validation_data_is_rejected_with_its_row()
    {
        var error = Assert.Throws<InvalidDataException>(() => NetworkTrainer.Train(new LinearNet(), TestData.Regression(), TestData.Regression(rows: 20, nanRow: 11),
            new TrainingOptions { Epochs = 1 }));
        Assert.StartsWith("Row 11: input value 1 is NaN", error.Message);
    }

    [Fact]
    public void Wrong_sizes_are_rejected_naming_the_network_and_both_sizes()
    {
        var error = Assert.Throws<ArgumentException>(() => NetworkTrainer.Train(new XorNet(), TestData.Regression(), new TrainingOptions()));
        Assert.Contains("'XorNet' takes 2 inputs but the data has 3 per sample", error.Message);
        Assert.Equal("data", error.ParamName);

        var targets = Assert.Throws<ArgumentException>(() => NetworkTrainer.Train(new WideXorNet(), XorData.Samples(), new TrainingOptions()));
        Assert.Contains("'WideXorNet' has 2 outputs but the data has 1 targets per sample", targets.Message);

        var validation = Assert.Throws<ArgumentException>(() => NetworkTrainer.Train(new XorNet(), XorData.Samples(), TestData.Regression(), new TrainingOptions()));
        Assert.Equal("validation", validation.ParamName);
    }

    [Theory]
    [InlineData(nameof(TrainingOptions.Epochs))]
    [InlineData(nameof(TrainingOptions.BatchSize))]
    [InlineData(nameof(TrainingOptions.LearningRate))]
    [InlineData(nameof(TrainingOptions.L2))]
    [InlineData(nameof(TrainingOptions.ValidationFraction))]
    [InlineData(nameof(TrainingOptions.EarlyStoppingPatience))]
    [InlineData(nameof(TrainingOptions.GradientClipNorm))]
    [InlineData(nameof(TrainingOptions.Initialization))]
    public void Out_of_range_options_are_rejected_by_name_before_training(string option)
    {
        var options = new TrainingOptions { ValidationFraction = 0.2f };
        switch (option)
        {
            case nameof(TrainingOptions.Epochs): options.Epochs = 0; break;
            case nameof(TrainingOptions.BatchSize): options.BatchSize = -1; break;
            case nameof(TrainingOptions.LearningRate): options.LearningRate = float.NaN; break;
            case nameof(TrainingOptions.L2): options.L2 = -0.1f; break;
            case nameof(TrainingOptions.ValidationFraction): options.ValidationFraction = 1f; break;
            case nameof(TrainingOptions.EarlyStoppingPatience): options.EarlyStoppingPatience = 0; break;
            case nameof(TrainingOptions.GradientClipNorm): options.GradientClipNorm = float.PositiveInfinity; break;
            default: options.Initialization = (InitializationScheme)42; break;
        }

        float[] start = [0.1f, 0.2f, 0.3f, 0.4f];
        var net = new LinearNet(start);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => NetworkTrainer.Train(net, TestData.Regression(), options));
        Assert.Equal(option, error.ParamName);
        Assert.Contains(option, error.Message);
        Assert.Equal(start, net.Parameters);
    }

    [Fact]
    public void Early_stopping_without_validation_data_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => NetworkTrainer.Train(new LinearNet(), TestData.Regression(), new TrainingOptions { EarlyStoppingPatience = 3 }));
        Assert.Contains("EarlyStoppingPatience needs validation data", error.Message);
    }

    [Fact]
    public void A_schedule_that_reaches_zero_is_rejected_before_training()
    {
        var error = Assert.Throws<ArgumentException>(() => NetworkTrainer.Train(new LinearNet(), TestData.Regression(), new TrainingOptions
        {
            Epochs = 10, Schedule = new LinearToZero(5),
        }));
        Assert.Contains("LinearToZero gives 0 for epoch 6", error.Message);
    }

    [Fact]
    public void Empty_data_is_rejected()
    {
        var empty = new InMemorySamples(Array.Empty<float>(), 3, Array.Empty<float>(), 1);
        var error = Assert.Throws<InvalidDataException>(() => NetworkTrainer.Train(new LinearNet(), empty, new TrainingOptions()));
        Assert.Equal("There are no training samples for network 'LinearNet'.", error.Message);
    }

    [Fact]
    public void Empty_validation_data_is_rejected()
    {
        float[] start = [0.1f, 0.2f, 0.3f, 0.4f];
        var net = new LinearNet(start);
        var split = Assert.Throws<InvalidDataException>(() => NetworkTrainer.Train(net, TestData.Regression(rows: 3), new TrainingOptions
        {
            Epochs = 2, ValidationFraction = 0.01f,
        }));
        Assert.StartsWith("Holding out ValidationFraction 0.01 of the data left no validation samples for network 'LinearNet'", split.Message);
        Assert.Equal(start, net.Parameters);

        var empty = new InMemorySamples(Array.Empty<float>(), 3, Array.Empty<float>(), 1);
        var source = Assert.Throws<InvalidDataException>(() => NetworkTrainer.Train(net, TestData.Regression(), empty, new TrainingOptions { Epochs = 1 }));
        Assert.Equal("The validation data for network 'LinearNet' has no samples.", source.Message);
    }

    /// <summary>η₀·(1 − epoch/n), which is 0 from epoch n on: not a valid schedule for more than n epochs.</summary>
    private sealed class LinearToZero(int epochs) : ILearningRateSchedule
    {
        public float LearningRate(float baseRate, int epoch) => Math.Max(0f, baseRate * (1f - (float)epoch / epochs));
    }
}
