namespace Backprop.Onnx;

/// <summary>An ONNX node attribute: an integer or a float.</summary>
internal readonly record struct OnnxAttribute(string Name, long? Int = null, float? Float = null);

/// <summary>
/// Where a network's inference graph is written: the standalone exporter's protobuf (<see cref="OnnxExporter"/>), or
/// ML.NET's ONNX converter context (Backprop.MLNet). The layers are translated once, by <see cref="OnnxLayers"/>.
/// </summary>
internal interface IOnnxGraph
{
    /// <summary>Adds a float tensor; returns the name it was given (the graph may make it unique).</summary>
    string Initializer(string name, int[] dims, ReadOnlySpan<float> values);

    /// <summary>A name for a new intermediate value (the graph may make it unique).</summary>
    string Intermediate(string name);

    /// <summary>Adds a node reading <paramref name="inputs"/> and writing <paramref name="output"/>; returns <paramref name="output"/>.</summary>
    string Node(string op, string name, IReadOnlyList<string> inputs, string output, params OnnxAttribute[] attributes);
}
