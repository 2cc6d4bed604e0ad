namespace Backprop.Onnx;

/// <summary>
/// A network's layers as ONNX nodes, in inference mode. Each kind writes its own nodes and names the opset they need (its
/// <see cref="LayerKindRules"/>, in <c>Network/Kinds</c>), e.g. a dense layer is a <c>Gemm</c> and its activation's operator,
/// LayerNorm is <c>LayerNormalization</c> (opset 17), Dropout is <c>Identity</c>; this class knows no kind.
/// </summary>
internal static class OnnxLayers
{
    /// <summary>The opset every network needs: negative axes, Clip and Slice with inputs, as the ML.NET scoring nodes use them.</summary>
    public const int BaseOpset = 11;

    /// <summary>
    /// The lowest opset that has every operator <paramref name="shape"/> needs, and the layer that needs it:
    /// <see cref="BaseOpset"/> for the rest.
    /// </summary>
    public static (int Opset, string Why) MinimumOpset(NetworkShape shape)
    {
        (int opset, string why) = (BaseOpset, "Softmax over axis -1, Clip with inputs");
        foreach (LayerDescription layer in shape.Layers)
        {
            (int needed, string reason) = layer.Rules.OnnxOpset(layer);
            if (needed > opset) (opset, why) = (needed, reason);
        }

        return (opset, why);
    }

    /// <summary>Writes the layers of <paramref name="network"/> from <paramref name="input"/> to <paramref name="output"/>; returns the output's name.</summary>
    public static string Write(INetwork network, IOnnxGraph graph, string input, string output)
    {
        NetworkShape shape = network.Shape;
        string previous = input;
        for (int l = 0; l < shape.Layers.Count; l++)
        {
            LayerDescription layer = shape.Layers[l];
            string result = l == shape.Layers.Count - 1 ? output : graph.Intermediate($"{layer.Name}.a");
            previous = layer.Rules.WriteOnnx(graph, network, layer, previous, result);
        }

        return previous;
    }

    /// <summary>Adds the layer's tensors of the given roles (the ones it has) as initialisers; returns their names.</summary>
    public static List<string> Initializers(IOnnxGraph graph, INetwork network, LayerDescription layer, params TensorRole[] roles)
    {
        var names = new List<string>();
        foreach (TensorRole role in roles)
        {
            if (layer.Find(role) is not TensorDescription tensor) continue;
            float[] buffer = tensor.IsState ? network.State : network.Parameters;
            int[] dims = tensor.Role == TensorRole.Weights ? [tensor.Rows, tensor.Columns] : [tensor.Length];
            names.Add(graph.Initializer(tensor.Name, dims, buffer.AsSpan(tensor.Offset, tensor.Length)));
        }

        return names;
    }
}
