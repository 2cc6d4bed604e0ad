using Backprop.Onnx;
using Xunit;

namespace Backprop.Trainer.Tests.Network;

/// <summary>
/// What every layer kind answers, on descriptions built by the factories the generated code calls: the signature text (it
/// feeds the shape hash stored in saved files, so it is pinned), the training mode, the ONNX opset and equality.
/// </summary>
public class LayerKindTests
{
    private static NetworkShape EveryKind(Activation hidden = Activation.GELU, double momentum = 0.1) =>
        new("EveryKind", 4, Loss.BinaryCrossEntropy,
        [
            LayerDescription.Normalize("Scale", 4, 0, 4),
            LayerDescription.Dense("Hidden", 4, 6, hidden, true, 0, 24),
            LayerDescription.LayerNorm("Norm1", 6, 30, 36, 1e-5),
            LayerDescription.Dropout("Drop", 6, 0.25),
            LayerDescription.BatchNorm("Norm2", 6, 42, 48, 8, 14, 1e-3, momentum),
            LayerDescription.RMSNorm("Norm3", 6, 54, 1e-6),
            LayerDescription.Dense("Output", 6, 2, Activation.Sigmoid, false, 60, -1),
        ]);

    [Fact]
    public void The_signature_and_its_hash_are_unchanged_for_every_kind()
    {
        NetworkShape shape = EveryKind();
        Assert.Equal("in=4;Normalize(4);Dense(6,GELU,bias);LayerNorm(6,eps=1E-05);Dropout(6,0.25);BatchNorm(6,eps=0.001,momentum=0.1);RMSNorm(6,eps=1E-06);Dense(2,Sigmoid,nobias);loss=BinaryCrossEntropy",
            shape.Signature);
        Assert.Equal(HashOf(shape.Signature), shape.Hash);
    }

    [Fact]
    public void Dropout_and_batch_norm_have_a_training_mode_and_the_others_do_not()
    {
        Assert.True(EveryKind().HasTrainingMode);
        Assert.True(Single(LayerDescription.Dropout("Drop", 3, 0.5)).HasTrainingMode);
        Assert.True(Single(LayerDescription.BatchNorm("Norm", 3, 0, 3, 0, 3, 1e-5, 0.1)).HasTrainingMode);
        Assert.False(Single(LayerDescription.LayerNorm("Norm", 3, 0, 3, 1e-5)).HasTrainingMode);
        Assert.False(Single(LayerDescription.RMSNorm("Norm", 3, 0, 1e-5)).HasTrainingMode);
        Assert.False(Single(LayerDescription.Normalize("Scale", 3, 0, 3)).HasTrainingMode);
        Assert.False(Single(LayerDescription.Dense("Output", 3, 3, Activation.ReLU, true, 0, 9)).HasTrainingMode);
    }

    [Fact]
    public void The_onnx_opset_is_the_highest_a_layer_needs_and_names_it()
    {
        Assert.Equal((20, "layer 'Hidden' uses GELU (ONNX Gelu, opset 20)"), OnnxLayers.MinimumOpset(EveryKind()));
        Assert.Equal((17, "layer 'Norm1' is a LayerNorm (ONNX LayerNormalization, opset 17)"), OnnxLayers.MinimumOpset(EveryKind(Activation.Tanh)));
        Assert.Equal((11, "Softmax over axis -1, Clip with inputs"), OnnxLayers.MinimumOpset(Single(LayerDescription.BatchNorm("Norm", 3, 0, 3, 0, 3, 1e-5, 0.1))));
        // RMSNorm is written with operators of the base opset (not RMSNormalization, opset 23), so ML.NET's converter takes it.
        Assert.Equal((11, "Softmax over axis -1, Clip with inputs"), OnnxLayers.MinimumOpset(Single(LayerDescription.RMSNorm("Norm", 3, 0, 1e-5))));
    }

    [Fact]
    public void Descriptions_are_equal_when_their_kind_and_options_are()
    {
        Assert.Equal(EveryKind().Layers, EveryKind().Layers);
        Assert.NotEqual(EveryKind().Layers[4], EveryKind(momentum: 0.2).Layers[4]);
        Assert.NotEqual(LayerDescription.Dropout("Drop", 6, 0.25), LayerDescription.Dropout("Drop", 6, 0.5));
        Assert.NotEqual(LayerDescription.LayerNorm("Norm", 6, 0, 6, 1e-5), LayerDescription.LayerNorm("Norm", 6, 0, 6, 1e-4));
        Assert.NotEqual<LayerDescription>(LayerDescription.Normalize("Norm", 6, 0, 6), LayerDescription.LayerNorm("Norm", 6, 0, 6, 1e-5));
        Assert.Equal(LayerDescription.RMSNorm("Norm", 6, 0, 1e-5), LayerDescription.RMSNorm("Norm", 6, 0, 1e-5));
        Assert.NotEqual(LayerDescription.RMSNorm("Norm", 6, 0, 1e-5), LayerDescription.RMSNorm("Norm", 6, 0, 1e-6));
        Assert.NotEqual<LayerDescription>(LayerDescription.RMSNorm("Norm", 6, 0, 1e-5), LayerDescription.LayerNorm("Norm", 6, 0, 6, 1e-5));
    }

    [Fact]
    public void The_options_of_each_kind_read_back_and_are_zero_for_the_others()
    {
        IReadOnlyList<LayerDescription> layers = EveryKind().Layers;
        Assert.Equal([LayerKind.Normalize, LayerKind.Dense, LayerKind.LayerNorm, LayerKind.Dropout, LayerKind.BatchNorm, LayerKind.RMSNorm, LayerKind.Dense], layers.Select(l => l.Kind));
        Assert.Equal([0, 0, 1e-5, 0, 1e-3, 1e-6, 0], layers.Select(l => l.Epsilon));
        Assert.Equal([0, 0, 0, 0, 0.1, 0, 0], layers.Select(l => l.Momentum));
        Assert.Equal([0, 0, 0, 0.25, 0, 0, 0], layers.Select(l => l.Rate));
        Assert.Equal([Activation.Identity, Activation.GELU, Activation.Identity, Activation.Identity, Activation.Identity, Activation.Identity, Activation.Sigmoid], layers.Select(l => l.Activation));
        Assert.Equal([TensorRole.Gain], layers[5].Tensors.Select(t => t.Role));
        Assert.Equal(("Norm3.gain", 54, 6, false), (layers[5].Tensors[0].Name, layers[5].Tensors[0].Offset, layers[5].Tensors[0].Length, layers[5].Tensors[0].IsState));
    }

    [Fact]
    public void The_factories_check_their_options()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LayerDescription.LayerNorm("Norm", 6, 0, 6, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LayerDescription.RMSNorm("Norm", 6, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LayerDescription.RMSNorm("Norm", 6, 0, double.PositiveInfinity));
        Assert.Throws<ArgumentOutOfRangeException>(() => LayerDescription.BatchNorm("Norm", 6, 0, 6, 0, 6, 1e-5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LayerDescription.BatchNorm("Norm", 6, 0, 6, 0, 6, double.NaN, 0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => LayerDescription.Dropout("Drop", 6, 1));
        Assert.Throws<ArgumentException>(() => LayerDescription.Dense("Output", 6, 2, Activation.Identity, false, 0, 12));
    }

    [Fact]
    public void Every_kind_has_exactly_one_rules_record()
    {
        LayerKind[] ruled = typeof(LayerKindRules).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(LayerKindRules)) && !t.IsAbstract)
            .Select(t => ((LayerKindRules)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(t)).Kind)
            .Order().ToArray();
        Assert.Equal(Enum.GetValues<LayerKind>().Order(), ruled);
    }

    [Fact]
    public void Every_kind_has_its_attribute_view_and_kernels()
    {
        Type[] types = typeof(LayerKindRules).Assembly.GetTypes();
        foreach (LayerKind kind in Enum.GetValues<LayerKind>())
        {
            Assert.Contains(types, t => t.FullName == $"Backprop.{kind}Attribute" && t.IsSubclassOf(typeof(Attribute)));
            Assert.Contains(types, t => t.FullName == $"Backprop.{kind}Layer" && t.IsValueType);
            Assert.Contains(types, t => t.FullName == $"Backprop.Kernels.{kind}Kernels" || kind == LayerKind.Dense);
        }
    }

    [Fact]
    public void The_rms_norm_view_reads_its_gain_and_refuses_another_kind()
    {
        LayerDescription norm = LayerDescription.RMSNorm("Norm", 3, 1, 1e-4);
        float[] parameters = [9f, 1f, 2f, 3f], gradients = [0f, 4f, 5f, 6f];
        var view = new RMSNormLayer(norm, parameters, gradients);
        Assert.Equal((3, 1e-4), (view.Units, view.Epsilon));
        Assert.Equal(2f, view.Gain[1]);
        Assert.Equal(6f, view.GainGradients[2]);
        Assert.Throws<ArgumentException>(() => new RMSNormLayer(LayerDescription.LayerNorm("Norm", 3, 0, 3, 1e-5), parameters, gradients));
        Assert.Throws<ArgumentException>(() => new LayerNormLayer(norm, parameters, gradients));
    }

    private static NetworkShape Single(LayerDescription layer) => new("Single", layer.Inputs, Loss.MeanSquaredError, [layer]);

    private static ulong HashOf(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in System.Text.Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 1099511628211UL;
        return hash;
    }
}
