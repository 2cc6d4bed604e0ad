namespace Backprop;

/// <summary>
/// A network instance: its shape, its flat parameter buffer and gradient buffer (same layout), and per-sample
/// forward and backward passes over them. Implemented by the source generator for every <see cref="NetworkAttribute"/> class.
/// </summary>
public interface INetwork
{
    /// <summary>The declared shape and parameter layout.</summary>
    NetworkShape Shape { get; }

    /// <summary>All parameters, layer by layer: W (Units × Inputs, row-major) then b (Units, if the layer has a bias).</summary>
    float[] Parameters { get; }

    /// <summary>Accumulated ∂C/∂θ, same layout as <see cref="Parameters"/>. <see cref="Backward"/> adds to it.</summary>
    float[] Gradients { get; }

    /// <summary>Runs the network on one input. Allocation-free; safe to call from many threads while nobody trains.</summary>
    /// <param name="input">InputCount values.</param>
    /// <param name="output">OutputCount values: the last layer's activations (probabilities for Softmax/Sigmoid heads).</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    void Forward(ReadOnlySpan<float> input, Span<float> output);

    /// <summary>Forward then backward for one sample: adds ∂C/∂θ to <see cref="Gradients"/> and returns the loss C.</summary>
    /// <param name="input">InputCount values.</param>
    /// <param name="target">OutputCount target values (one-hot for SoftmaxCrossEntropy, 0/1 for BinaryCrossEntropy).</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target);

    /// <summary>The view of layer <paramref name="index"/> (0 = first hidden layer) over this instance's buffers.</summary>
    DenseLayer GetLayer(int index) => new(Shape.Layers[index], Parameters, Gradients);
}

/// <summary>
/// The static side of a generated network: its shape and the passes over caller-owned buffers that generic trainers,
/// the ML.NET wrapper and multi-threaded training use. <typeparamref name="TSelf"/> is the generated class.
/// </summary>
/// <typeparam name="TSelf">The generated network class.</typeparam>
public interface INetwork<TSelf> : INetwork
    where TSelf : INetwork<TSelf>
{
    /// <summary>The declared shape and parameter layout.</summary>
    new static abstract NetworkShape Shape { get; }

    /// <summary>Runs the network on one input with the given parameters.</summary>
    /// <param name="parameters">ParameterCount values.</param>
    /// <param name="input">InputCount values.</param>
    /// <param name="output">OutputCount values (written).</param>
    static abstract void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output);

    /// <summary>One sample forward and backward: adds <paramref name="gradientScale"/>·∂C/∂θ to <paramref name="gradients"/>, returns C.</summary>
    static abstract float Backward(ReadOnlySpan<float> parameters, Span<float> gradients,
        ReadOnlySpan<float> input, ReadOnlySpan<float> target, float gradientScale);

    /// <summary>Number of floats the batched passes need as workspace for <paramref name="batchSize"/> samples.</summary>
    static abstract int BatchWorkspaceSize(int batchSize);

    /// <summary>Runs <paramref name="batchSize"/> samples (row-major, batchSize × InputCount) forward into <paramref name="outputs"/> (batchSize × OutputCount).</summary>
    static abstract void ForwardBatch(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, Span<float> outputs,
        int batchSize, Span<float> workspace);

    /// <summary>
    /// A mini-batch forward and backward: adds <paramref name="gradientScale"/>·Σₙ ∂Cₙ/∂θ to <paramref name="gradients"/>
    /// and returns Σₙ Cₙ. Pass 1/batchSize as the scale for a mean gradient.
    /// </summary>
    static abstract float BackwardBatch(ReadOnlySpan<float> parameters, Span<float> gradients,
        ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batchSize, float gradientScale, Span<float> workspace);
}
