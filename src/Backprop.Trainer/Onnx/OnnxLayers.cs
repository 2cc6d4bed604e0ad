namespace Backprop.Onnx;

/// <summary>
/// A network's layers as ONNX nodes, in inference mode: a dense layer is a <c>Gemm</c> (Y = X·Wᵀ + b, transB = 1) and its
/// activation's operator (from the activation's <see cref="ActivationInfoAttribute"/>, and z·g(z) for SiLU); LayerNorm
/// is <c>LayerNormalization</c> (opset 17), BatchNorm is <c>BatchNormalization</c> with the running statistics, Dropout
/// is <c>Identity</c>, Normalize is <c>Sub</c> (the training data's mean) then <c>Mul</c> (1/σ).
/// </summary>
internal static class OnnxLayers
{
    /// <summary>
    /// The lowest opset that has every operator <paramref name="shape"/> needs, and the layer that needs it: 11 for the
    /// rest (negative axes, Clip and Slice with inputs, as the ML.NET scoring nodes use them).
    /// </summary>
    public static (int Opset, string Why) MinimumOpset(NetworkShape shape)
    {
        (int opset, string why) = (11, "Softmax over axis -1, Clip with inputs");
        foreach (LayerDescription layer in shape.Layers)
        {
            (int needed, string reason) = layer.Kind switch
            {
                LayerKind.LayerNorm => (17, $"layer '{layer.Name}' is a LayerNorm (ONNX LayerNormalization, opset 17)"),
                LayerKind.Dense when layer.Activation == Activation.GELU => (20, $"layer '{layer.Name}' uses GELU (ONNX Gelu, opset 20)"),
                _ => (11, ""),
            };
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
            previous = layer.Kind switch
            {
                LayerKind.Dense => Dense(graph, network, layer, previous, result),
                LayerKind.LayerNorm => graph.Node("LayerNormalization", layer.Name, [previous, .. Inputs(graph, network, layer, TensorRole.Gain, TensorRole.Shift)], result,
                    new OnnxAttribute("axis", Int: -1), new OnnxAttribute("epsilon", Float: (float)layer.Epsilon)),
                LayerKind.BatchNorm => graph.Node("BatchNormalization", layer.Name,
                    [previous, .. Inputs(graph, network, layer, TensorRole.Gain, TensorRole.Shift, TensorRole.RunningMean, TensorRole.RunningVariance)], result,
                    new OnnxAttribute("epsilon", Float: (float)layer.Epsilon)),
                LayerKind.Dropout => graph.Node("Identity", layer.Name, [previous], result), // the identity in inference
                LayerKind.Normalize => Normalize(graph, network, layer, previous, result),
                _ => throw new ArgumentOutOfRangeException(nameof(network), layer.Kind, $"No ONNX form for layer kind {layer.Kind}."),
            };
        }

        return previous;
    }

    /// <summary>A dense layer: <c>Gemm</c> and its activation's nodes; returns the name of its output.</summary>
    private static string Dense(IOnnxGraph graph, INetwork network, LayerDescription layer, string input, string output)
    {
        ActivationInfoAttribute info = ActivationTable.Of(layer.Activation);
        bool identity = layer.Activation == Activation.Identity;
        string affine = identity ? output : graph.Intermediate($"{layer.Name}.z");
        graph.Node("Gemm", $"{layer.Name}.gemm", [input, .. Inputs(graph, network, layer, TensorRole.Weights, TensorRole.Biases)], affine, new OnnxAttribute("transB", Int: 1));
        if (identity) return affine;

        var attributes = new List<OnnxAttribute>();
        if (!float.IsNaN(info.OnnxAlpha)) attributes.Add(new OnnxAttribute("alpha", Float: info.OnnxAlpha));
        if (layer.Activation == Activation.Softmax) attributes.Add(new OnnxAttribute("axis", Int: -1));
        if (!info.OnnxTimesInput)
            return graph.Node(info.OnnxOperator, $"{layer.Name}.{layer.Activation}", [affine], output, [.. attributes]);

        // f(z) = z·g(z) (SiLU = z·σ(z)): the operator, then a product with its input.
        string gated = graph.Node(info.OnnxOperator, $"{layer.Name}.{layer.Activation}.gate", [affine], graph.Intermediate($"{layer.Name}.gate"), [.. attributes]);
        return graph.Node("Mul", $"{layer.Name}.{layer.Activation}", [affine, gated], output);
    }

    /// <summary>Normalize: y = (x − μ)·r, a <c>Sub</c> and a <c>Mul</c> with μ and r = 1/σ as initialisers.</summary>
    private static string Normalize(IOnnxGraph graph, INetwork network, LayerDescription layer, string input, string output)
    {
        ReadOnlySpan<float> state = network.State;
        TensorDescription meanTensor = layer.Find(TensorRole.RunningMean)!, varianceTensor = layer.Find(TensorRole.RunningVariance)!;
        var reciprocal = new float[layer.Units];
        for (int j = 0; j < reciprocal.Length; j++) reciprocal[j] = Kernels.NormalizeKernels.Reciprocal(state[varianceTensor.Offset + j]);
        string mean = graph.Initializer(meanTensor.Name, [layer.Units], state.Slice(meanTensor.Offset, layer.Units));
        string scale = graph.Initializer($"{layer.Name}.reciprocal", [layer.Units], reciprocal);
        string centred = graph.Node("Sub", $"{layer.Name}.sub", [input, mean], graph.Intermediate($"{layer.Name}.centred"));
        return graph.Node("Mul", $"{layer.Name}.mul", [centred, scale], output);
    }

    /// <summary>Adds the layer's tensors of the given roles (the ones it has) as initialisers; returns their names.</summary>
    private static List<string> Inputs(IOnnxGraph graph, INetwork network, LayerDescription layer, params TensorRole[] roles)
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
