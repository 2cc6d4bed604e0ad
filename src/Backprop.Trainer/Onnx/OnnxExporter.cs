using System.Buffers.Binary;
using Backprop.Persistence;

namespace Backprop.Onnx;

/// <summary>
/// Exports a trained network as an ONNX model (opset 13): per layer a <c>Gemm</c> (Y = X·Wᵀ + b, transB = 1) and
/// its activation node (Sigmoid, Tanh, Relu, LeakyRelu α = 0.01, Softmax on the last axis). Input <c>input</c>
/// [batch × InputCount], output <c>output</c> [batch × OutputCount] — the same values as <see cref="INetwork.Forward"/>.
/// </summary>
public static class OnnxExporter
{
    /// <summary>The ONNX operator set the exported graph uses.</summary>
    public const int OpsetVersion = 13;

    private const int IrVersion = 8;
    private const int FloatType = 1;

    /// <summary>Writes <paramref name="network"/> as an ONNX model to <paramref name="stream"/>.</summary>
    public static void Export(INetwork network, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        stream.Write(ToBytes(network));
    }

    /// <summary>
    /// Writes <paramref name="network"/> as an ONNX model to the file <paramref name="path"/>, replacing it atomically:
    /// the model is written to a temporary file in the same folder, flushed to disk and renamed over
    /// <paramref name="path"/>. When anything fails (a full disk, say) the temporary file is deleted and the previous
    /// file at <paramref name="path"/> is unchanged.
    /// </summary>
    /// <exception cref="IOException">The file could not be written or renamed; the message names it, and the previous file is unchanged.</exception>
    public static void Export(INetwork network, string path) => Export(network, path, AtomicFile.OpenTemporary);

    /// <summary><see cref="Export(INetwork, string)"/>, opening the temporary file with <paramref name="openTemporary"/> (tests make it fail mid-write).</summary>
    internal static void Export(INetwork network, string path, Func<string, Stream> openTemporary)
    {
        byte[] bytes = ToBytes(network);
        AtomicFile.Write(path, bytes, openTemporary, $"the ONNX model of network '{network.Shape.Name}'");
    }

    /// <summary>The ONNX model's bytes.</summary>
    public static byte[] ToBytes(INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        NetworkShape shape = network.Shape;
        var graph = new ProtoWriter().String(2, shape.Name);
        string previous = "input";
        for (int l = 0; l < shape.Layers.Count; l++)
        {
            LayerDescription layer = shape.Layers[l];
            bool last = l == shape.Layers.Count - 1;
            string weights = $"{layer.Name}.weight", biases = $"{layer.Name}.bias";
            string affine = layer.Activation == Activation.Identity && last ? "output" : $"{layer.Name}.z";
            graph.Message(5, Tensor(weights, [layer.Units, layer.Inputs], network.Parameters.AsSpan(layer.WeightOffset, layer.WeightCount)));
            var gemm = new ProtoWriter().String(1, previous).String(1, weights);
            if (layer.HasBias)
            {
                graph.Message(5, Tensor(biases, [layer.Units], network.Parameters.AsSpan(layer.BiasOffset, layer.Units)));
                gemm.String(1, biases);
            }

            gemm.String(2, affine).String(3, $"{layer.Name}.gemm").String(4, "Gemm").Message(5, IntAttribute("transB", 1));
            graph.Message(1, gemm);
            previous = affine;
            if (layer.Activation == Activation.Identity) continue;

            string activated = last ? "output" : $"{layer.Name}.a";
            var node = new ProtoWriter().String(1, previous).String(2, activated).String(3, $"{layer.Name}.{layer.Activation}").String(4, OperatorOf(layer.Activation));
            if (layer.Activation == Activation.LeakyReLU) node.Message(5, FloatAttribute("alpha", Kernels.ActivationKernels.LeakySlope));
            if (layer.Activation == Activation.Softmax) node.Message(5, IntAttribute("axis", -1));
            graph.Message(1, node);
            previous = activated;
        }

        graph.Message(11, Value("input", shape.InputCount));
        graph.Message(12, Value("output", shape.OutputCount));
        var model = new ProtoWriter()
            .Int64(1, IrVersion)
            .String(2, "Backprop")
            .String(3, typeof(OnnxExporter).Assembly.GetName().Version?.ToString() ?? "1.0")
            .String(6, $"{shape.Name}: {shape.Signature}")
            .Message(7, graph)
            .Message(8, new ProtoWriter().String(1, "").Int64(2, OpsetVersion));
        return model.ToArray();
    }

    private static string OperatorOf(Activation activation) => activation switch
    {
        Activation.Sigmoid => "Sigmoid",
        Activation.Tanh => "Tanh",
        Activation.ReLU => "Relu",
        Activation.LeakyReLU => "LeakyRelu",
        Activation.Softmax => "Softmax",
        _ => throw new ArgumentOutOfRangeException(nameof(activation), activation, "No ONNX operator for this activation."),
    };

    /// <summary>TensorProto: dims (1), data_type (2), name (8), raw_data (9, little-endian float32).</summary>
    private static ProtoWriter Tensor(string name, int[] dims, ReadOnlySpan<float> values)
    {
        var tensor = new ProtoWriter();
        foreach (int d in dims) tensor.Int64(1, d);
        var raw = new byte[values.Length * 4];
        for (int i = 0; i < values.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(raw.AsSpan(i * 4), values[i]);
        return tensor.Int64(2, FloatType).String(8, name).Bytes(9, raw);
    }

    /// <summary>ValueInfoProto of a float tensor [batch × width].</summary>
    private static ProtoWriter Value(string name, int width)
    {
        var dims = new ProtoWriter()
            .Message(1, new ProtoWriter().String(2, "batch"))
            .Message(1, new ProtoWriter().Int64(1, width));
        var tensorType = new ProtoWriter().Int64(1, FloatType).Message(2, dims);
        return new ProtoWriter().String(1, name).Message(2, new ProtoWriter().Message(1, tensorType));
    }

    /// <summary>AttributeProto: name (1), i (3), type (20) = INT (2).</summary>
    private static ProtoWriter IntAttribute(string name, long value) => new ProtoWriter().String(1, name).Int64(3, value).Int64(20, 2);

    /// <summary>AttributeProto: name (1), f (2), type (20) = FLOAT (1).</summary>
    private static ProtoWriter FloatAttribute(string name, float value) => new ProtoWriter().String(1, name).Float(2, value).Int64(20, 1);
}
