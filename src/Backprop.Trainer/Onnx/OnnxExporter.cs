using System.Buffers.Binary;
using Backprop.Persistence;

namespace Backprop.Onnx;

/// <summary>
/// Exports a trained network as an ONNX model (opset 20) in inference mode: a dense layer is a <c>Gemm</c> (Y = X·Wᵀ + b,
/// transB = 1) and its activation's operator (from the activation's <see cref="ActivationInfoAttribute"/>: Sigmoid, Tanh,
/// Relu, LeakyRelu, Softmax, Gelu, Elu, Softplus, and z·Sigmoid(z) for SiLU); LayerNorm is <c>LayerNormalization</c>,
/// BatchNorm is <c>BatchNormalization</c> with the running statistics, Dropout is <c>Identity</c>, Normalize is <c>Sub</c>
/// (the mean of the training data) then <c>Mul</c> (1/σ, by <see cref="Kernels.NormalizeKernels.Reciprocal"/>). Input <c>input</c>
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
        string previous = "input";
        for (int l = 0; l < shape.Layers.Count; l++)
        {
            LayerDescription layer = shape.Layers[l];
            bool last = l == shape.Layers.Count - 1;
            previous = layer.Kind switch
            {
                LayerKind.Dense => Dense(graph, network, layer, previous, last),
                LayerKind.LayerNorm => Node(graph, "LayerNormalization", layer.Name, previous, last ? "output" : $"{layer.Name}.a",
                    Inputs(graph, network, layer, TensorRole.Gain, TensorRole.Shift), IntAttribute("axis", -1), FloatAttribute("epsilon", (float)layer.Epsilon)),
                LayerKind.BatchNorm => Node(graph, "BatchNormalization", layer.Name, previous, last ? "output" : $"{layer.Name}.a",
                    Inputs(graph, network, layer, TensorRole.Gain, TensorRole.Shift, TensorRole.RunningMean, TensorRole.RunningVariance), FloatAttribute("epsilon", (float)layer.Epsilon)),
                LayerKind.Dropout => Node(graph, "Identity", layer.Name, previous, last ? "output" : $"{layer.Name}.a", []), // the identity in inference
                LayerKind.Normalize => Normalize(graph, network, layer, previous),
                _ => throw new ArgumentOutOfRangeException(nameof(network), layer.Kind, $"No ONNX form for layer kind {layer.Kind}."),
            };
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

    /// <summary>A dense layer: <c>Gemm</c> (Y = X·Wᵀ + b) and its activation's nodes; returns the name of its output.</summary>
    private static string Dense(ProtoWriter graph, INetwork network, LayerDescription layer, string input, bool last)
    {
        ActivationInfoAttribute info = ActivationTable.Of(layer.Activation);
        bool identity = layer.Activation == Activation.Identity;
        string affine = identity && last ? "output" : $"{layer.Name}.z";
        List<string> parameters = Inputs(graph, network, layer, TensorRole.Weights, TensorRole.Biases);
        Node(graph, "Gemm", $"{layer.Name}.gemm", input, affine, parameters, IntAttribute("transB", 1));
        if (identity) return affine;

        string activated = last ? "output" : $"{layer.Name}.a";
        var attributes = new List<ProtoWriter>();
        if (!float.IsNaN(info.OnnxAlpha)) attributes.Add(FloatAttribute("alpha", info.OnnxAlpha));
        if (layer.Activation == Activation.Softmax) attributes.Add(IntAttribute("axis", -1));
        if (!info.OnnxTimesInput)
            return Node(graph, info.OnnxOperator, $"{layer.Name}.{layer.Activation}", affine, activated, [], [.. attributes]);

        // f(z) = z·g(z) (SiLU = z·σ(z)): the operator, then a product with its input.
        string gated = Node(graph, info.OnnxOperator, $"{layer.Name}.{layer.Activation}.gate", affine, $"{layer.Name}.gate", [], [.. attributes]);
        return Node(graph, "Mul", $"{layer.Name}.{layer.Activation}", affine, activated, [gated]);
    }

    /// <summary>Normalize: y = (x − μ)·r, a <c>Sub</c> and a <c>Mul</c> with μ and r = 1/σ as initialisers (never the last layer).</summary>
    private static string Normalize(ProtoWriter graph, INetwork network, LayerDescription layer, string input)
    {
        ReadOnlySpan<float> state = network.State;
        TensorDescription meanTensor = layer.Find(TensorRole.RunningMean)!, varianceTensor = layer.Find(TensorRole.RunningVariance)!;
        var reciprocal = new float[layer.Units];
        for (int j = 0; j < reciprocal.Length; j++) reciprocal[j] = Kernels.NormalizeKernels.Reciprocal(state[varianceTensor.Offset + j]);
        graph.Message(5, Tensor(meanTensor.Name, [layer.Units], state.Slice(meanTensor.Offset, layer.Units)));
        graph.Message(5, Tensor($"{layer.Name}.reciprocal", [layer.Units], reciprocal));
        string centred = Node(graph, "Sub", $"{layer.Name}.sub", input, $"{layer.Name}.centred", [meanTensor.Name]);
        return Node(graph, "Mul", $"{layer.Name}.mul", centred, $"{layer.Name}.a", [$"{layer.Name}.reciprocal"]);
    }

    /// <summary>Adds the layer's tensors of the given roles (the ones it has) as initialisers; returns their names.</summary>
    private static List<string> Inputs(ProtoWriter graph, INetwork network, LayerDescription layer, params TensorRole[] roles)
    {
        var names = new List<string>();
        foreach (TensorRole role in roles)
        {
            if (layer.Find(role) is not TensorDescription tensor) continue;
            float[] buffer = tensor.IsState ? network.State : network.Parameters;
            int[] dims = tensor.Role == TensorRole.Weights ? [tensor.Rows, tensor.Columns] : [tensor.Length];
            graph.Message(5, Tensor(tensor.Name, dims, buffer.AsSpan(tensor.Offset, tensor.Length)));
            names.Add(tensor.Name);
        }

        return names;
    }

    /// <summary>NodeProto: inputs (1), output (2), name (3), op_type (4), attributes (5); returns the output's name.</summary>
    private static string Node(ProtoWriter graph, string op, string name, string input, string output, List<string> more, params ProtoWriter[] attributes)
    {
        var node = new ProtoWriter().String(1, input);
        foreach (string extra in more) node.String(1, extra);
        node.String(2, output).String(3, name).String(4, op);
        foreach (ProtoWriter attribute in attributes) node.Message(5, attribute);
        graph.Message(1, node);
        return output;
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
