using Backprop.Training;
using Xunit;

namespace Backprop.Trainer.Tests.SizedByData;

/// <summary>A network declared without Inputs takes its input count at construction or from the sample source.</summary>
public class SizedByDataTests
{
    private static InMemorySamples Linear(int features, int rows, int seed)
    {
        var random = new Random(seed);
        var inputs = new float[rows * features];
        var targets = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            double sum = 0;
            for (int j = 0; j < features; j++)
            {
                float x = (float)(random.NextDouble() * 2 - 1);
                inputs[r * features + j] = x;
                sum += (j + 1) * 0.3 * x;
            }

            targets[r] = (float)sum;
        }

        return new InMemorySamples(inputs, features, targets, 1);
    }

    [Fact]
    public void The_trainer_sizes_a_new_network_from_the_samples_and_the_same_declaration_takes_another_count()
    {
        foreach (int features in new[] { 16, 17 })
        {
            var net = new TaxiNet();
            TrainingHistory history = NetworkTrainer.Train(net, Linear(features, 200, 1), new TrainingOptions { Epochs = 60, BatchSize = 16, LearningRate = 0.05f, Seed = 1 });
            Assert.Equal(features, net.InputCount);
            Assert.Equal(features, ((INetwork)net).Shape.InputCount);
            Assert.Equal(TaxiNet.FixedParameterCount + TaxiNet.ParametersPerInput * features, net.Parameters.Length);
            Assert.True(history.Epochs[^1].TrainingLoss < 0.1 * history.Epochs[0].TrainingLoss, $"{features}: {history.Epochs[0].TrainingLoss} → {history.Epochs[^1].TrainingLoss}");
        }
    }

    [Fact]
    public void Every_offset_but_the_first_layers_weights_is_a_constant_and_those_come_last()
    {
        NetworkShape shape = TaxiNet.ShapeFor(16);
        Assert.True(shape.InputCountFromData);
        Assert.Equal("in=data(16);Dense(16,ReLU,bias);Dense(1,Identity,bias);loss=MeanSquaredError", shape.Signature);
        Assert.Equal(TaxiNet.FixedParameterCount, shape.Layers[0].WeightOffset);
        Assert.Equal(shape.ParameterCount - 16 * 16, shape.Layers[0].WeightOffset);
        Assert.Equal(TaxiNet.OutputWeightOffset, TaxiNet.ShapeFor(3).Layers[1].WeightOffset);
        Assert.Equal(TaxiNet.OutputWeightOffset, TaxiNet.ShapeFor(500).Layers[1].WeightOffset);
        Assert.NotEqual(FixedTaxiNet.Shape.Hash, TaxiNet.ShapeFor(3).Hash); // same declared sizes, another layout
    }

    [Fact]
    public void It_computes_what_the_declared_network_computes_with_the_same_weights()
    {
        var fixedNet = new FixedTaxiNet();
        var random = new Random(3);
        for (int i = 0; i < fixedNet.Parameters.Length; i++) fixedNet.Parameters[i] = (float)(random.NextDouble() - 0.5);
        var sized = new TaxiNet(3);
        fixedNet.Hidden.Weights.AsSpan().CopyTo(sized.Hidden.Weights.AsSpan());
        fixedNet.Hidden.Biases.AsSpan().CopyTo(sized.Hidden.Biases.AsSpan());
        fixedNet.Output.Weights.AsSpan().CopyTo(sized.Output.Weights.AsSpan());
        fixedNet.Output.Biases.AsSpan().CopyTo(sized.Output.Biases.AsSpan());
        float[] input = [0.2f, -0.7f, 1.3f], expected = new float[1], actual = new float[1];
        fixedNet.Forward(input, expected);
        sized.Forward(input, actual);
        Assert.Equal(expected[0], actual[0], 6);
    }

    [Fact]
    public void A_network_made_for_16_inputs_given_17_says_both()
    {
        var net = new TaxiNet(16);
        var error = Assert.Throws<ArgumentException>(() => net.Forward(new float[17], new float[1]));
        Assert.Contains("input has 17 values; expected 16", error.Message);
        var training = Assert.Throws<ArgumentException>(() => NetworkTrainer.Train(net, Linear(17, 10, 2), new TrainingOptions { Epochs = 1 }));
        Assert.Contains("created for 16 inputs; it cannot take 17", training.Message);
    }

    [Fact]
    public void Without_an_input_count_it_explains_how_to_get_one()
    {
        var net = new TaxiNet();
        Assert.Empty(net.Parameters);
        var error = Assert.Throws<InvalidOperationException>(() => ((INetwork)net).Shape);
        Assert.Contains("new TaxiNet(inputCount)", error.Message);
        Assert.Throws<NotSupportedException>(() => TaxiNet.Shape);
        Assert.Throws<NotSupportedException>(() => TaxiNet.BatchWorkspaceSize(4));
        Assert.Equal(4 * TaxiNet.BatchWorkspacePerSample, TaxiNet.BatchWorkspaceSize(4, 16));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TaxiNet(0));
        Assert.Throws<ArgumentException>(() => TaxiNet.InputCountFor(TaxiNet.FixedParameterCount + 5));
        Assert.Equal(7, new TaxiNet(new float[TaxiNet.ParameterCountFor(7)]).InputCount);
    }

    [Fact]
    public void Declared_networks_keep_their_static_shape()
    {
        Assert.False(FromData<FixedTaxiNet>());
        Assert.True(FromData<TaxiNet>());
        Assert.Same(FixedTaxiNet.Shape, FixedTaxiNetShape(3));
        Assert.Throws<ArgumentException>(() => FixedTaxiNetShape(4));
        Assert.Equal(FixedTaxiNet.BatchWorkspaceSize(8), WorkspaceOf<FixedTaxiNet>(8, 3));

        static NetworkShape FixedTaxiNetShape(int inputs) => ShapeOf<FixedTaxiNet>(inputs);
    }

    private static bool FromData<TNet>() where TNet : INetwork<TNet> => TNet.InputCountFromData;

    private static NetworkShape ShapeOf<TNet>(int inputs) where TNet : INetwork<TNet> => TNet.ShapeFor(inputs);

    private static int WorkspaceOf<TNet>(int batch, int inputs) where TNet : INetwork<TNet> => TNet.BatchWorkspaceSize(batch, inputs);
}
