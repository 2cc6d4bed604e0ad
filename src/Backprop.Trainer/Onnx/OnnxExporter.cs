using System.Buffers.Binary;
using Backprop.Persistence;

namespace Backprop.Onnx;

/// <summary>
/// Exports a trained network as an ONNX model (opset 20) in inference mode: a dense layer is a <c>Gemm</c> (Y = X·Wᵀ + b,
/// transB = 1) and its activation's operator (from the activation's <see cref="ActivationInfoAttribute"/>: Sigmoid, Tanh,
/// Relu, LeakyRelu, Softmax, Gelu, Elu, Softplus, and z·Sigmoid(z) for SiLU); every other kind writes its own nodes (its
/// rules in <c>Network/Kinds</c>, through <see cref="OnnxLayers"/>: LayerNorm is <c>LayerNormalization</c>, BatchNorm is
/// <c>BatchNormalization</c> with the running statistics, Dropout is <c>Identity</c>, and so on). Input <c>input</c>
/// [batch × InputCount], output <c>output</c> [batch × OutputCount] — the same values as <see cref="INetwork.Forward"/>.
/// </summary>
public static class OnnxExporter
{
    /// <summary>The ONNX operator set the exported graph uses.</summary>
    public const int OpsetVersion = 20;

    private const int IrVersion = 9;
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
        OnnxLayers.Write(network, new ProtoGraph(graph), "input", "output");
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

    /// <summary>The graph as the protobuf GraphProto: initialisers (5) and nodes (1), names as given.</summary>
    private sealed class ProtoGraph(ProtoWriter graph) : IOnnxGraph
    {
        public string Initializer(string name, int[] dims, ReadOnlySpan<float> values)
        {
            graph.Message(5, Tensor(name, dims, values));
            return name;
        }

        public string Intermediate(string name) => name;

        /// <summary>NodeProto: inputs (1), output (2), name (3), op_type (4), attributes (5).</summary>
        public string Node(string op, string name, IReadOnlyList<string> inputs, string output, params OnnxAttribute[] attributes)
        {
            var node = new ProtoWriter();
            foreach (string input in inputs) node.String(1, input);
            node.String(2, output).String(3, name).String(4, op);
            foreach (OnnxAttribute attribute in attributes)
                node.Message(5, attribute.Int is long i ? IntAttribute(attribute.Name, i) : FloatAttribute(attribute.Name, attribute.Float ?? 0f));
            graph.Message(1, node);
            return output;
        }
    }

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
