using Backprop.Onnx;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Xunit;

namespace Backprop.Persistence.Tests;

/// <summary>The exported ONNX model, run in ONNX Runtime, gives our Forward's outputs on random inputs.</summary>
public class OnnxExportTests
{
    [Fact]
    public void Every_activation_matches_in_onnx_runtime() => Compare(RandomWeights.Fill(new AllActivationsNet(), 11));

    [Fact]
    public void Softmax_head_matches_in_onnx_runtime() => Compare(RandomWeights.Fill(new SoftmaxNet(), 12));

    [Fact]
    public void Sigmoid_head_matches_in_onnx_runtime() => Compare(RandomWeights.Fill(new SigmoidHeadNet(), 13));

    internal static void Compare(INetwork network)
    {
        NetworkShape shape = network.Shape;
        const int rows = 32;
        var random = new Random(7);
        float[] inputs = new float[rows * shape.InputCount];
        for (int i = 0; i < inputs.Length; i++) inputs[i] = (float)(random.NextDouble() * 4 - 2);

        using var session = new InferenceSession(OnnxExporter.ToBytes(network));
        var tensor = new DenseTensor<float>(inputs, [rows, shape.InputCount]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", tensor)]);
        float[] onnx = results.Single(r => r.Name == "output").AsEnumerable<float>().ToArray();
        Assert.Equal(rows * shape.OutputCount, onnx.Length);

        var ours = new float[shape.OutputCount];
        double worst = 0;
        for (int r = 0; r < rows; r++)
        {
            network.Forward(inputs.AsSpan(r * shape.InputCount, shape.InputCount), ours);
            for (int o = 0; o < ours.Length; o++) worst = Math.Max(worst, Math.Abs(ours[o] - onnx[r * shape.OutputCount + o]));
        }

        Assert.True(worst <= 1e-5, $"{shape.Name}: max |ours − ONNX Runtime| = {worst}");
    }
}
