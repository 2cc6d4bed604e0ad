namespace Backprop;

/// <summary>
/// A network instance: its shape, its flat parameter buffer and gradient buffer (same layout), its state buffer (running
/// statistics), and per-sample forward and backward passes over them. Implemented by the source generator for every
/// <see cref="NetworkAttribute"/> class.
/// </summary>
public interface INetwork
{
    /// <summary>The declared shape and parameter layout (for a network declared without <c>Inputs</c>, at its input count).</summary>
    /// <exception cref="InvalidOperationException">The network was declared without <c>Inputs</c> and has no input count yet.</exception>
    NetworkShape Shape { get; }

    /// <summary>
    /// Gives a network declared without <c>Inputs</c> and created without an input count (<c>new MyNet()</c>) its input
    /// count, allocating its buffers; trainers and loaders call it with the data's count. For a network that has its
    /// input count (declared, or given before) it only checks that <paramref name="inputCount"/> is that count.
    /// </summary>
    /// <exception cref="ArgumentException">The network already has another input count; the message names both.</exception>
    void EnsureInputCount(int inputCount)
    {
        NetworkShape shape = Shape;
        if (inputCount != shape.InputCount)
            throw new ArgumentException($"Network '{shape.Name}' takes {shape.InputCount} inputs, not {inputCount}.", nameof(inputCount));
    }

    /// <summary>All trainable parameters, layer by layer, tensor by tensor (see <see cref="LayerDescription.Tensors"/>).</summary>
    float[] Parameters { get; }

    /// <summary>Accumulated ∂C/∂θ, same layout as <see cref="Parameters"/>. <see cref="Backward"/> adds to it.</summary>
    float[] Gradients { get; }

    /// <summary>
    /// Non-trainable state (BatchNorm's running mean and variance), updated by training and read by inference; empty when
    /// the network has none (the default, for hand-written implementations). Saved and exported with the parameters.
    /// </summary>
    float[] State => Array.Empty<float>();

    /// <summary>Runs the network on one input (inference mode). Allocation-free; safe to call from many threads while nobody trains.</summary>
    /// <param name="input">InputCount values.</param>
    /// <param name="output">OutputCount values: the last layer's activations (probabilities for Softmax/Sigmoid heads).</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    void Forward(ReadOnlySpan<float> input, Span<float> output);

    /// <summary>Forward then backward for one sample: adds ∂C/∂θ to <see cref="Gradients"/> and returns the loss C.</summary>
    /// <param name="input">InputCount values.</param>
    /// <param name="target">OutputCount target values (one-hot for SoftmaxCrossEntropy, 0/1 for BinaryCrossEntropy).</param>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    /// <exception cref="NotSupportedException">The network has a BatchNorm or Dropout layer, which train on mini-batches only.</exception>
    float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target);

    /// <summary>The view of dense layer <paramref name="index"/> (0 = first layer) over this instance's buffers.</summary>
    /// <exception cref="ArgumentException">Layer <paramref name="index"/> is not a dense layer.</exception>
    DenseLayer GetLayer(int index) => new(Shape.Layers[index], Parameters, Gradients);
}

/// <summary>
/// The static side of a generated network: its shape and the passes over caller-owned buffers that generic trainers,
/// the ML.NET wrapper and multi-threaded training use. <typeparamref name="TSelf"/> is the generated class.
/// </summary>
/// <remarks>
/// Inference (<c>Forward</c>, <c>ForwardBatch</c>) uses running statistics and no dropout; training (<c>BackwardBatch</c>)
/// uses batch statistics, updates the running statistics in the state buffer, and draws dropout masks from the seed.
/// The overloads without a state buffer are for networks whose <see cref="NetworkShape.StateCount"/> is 0.
/// </remarks>
/// <typeparam name="TSelf">The generated network class.</typeparam>
public interface INetwork<TSelf> : INetwork
    where TSelf : INetwork<TSelf>
{
    /// <summary>The declared shape and parameter layout.</summary>
    /// <exception cref="NotSupportedException">The network is declared without <c>Inputs</c>: use <see cref="ShapeFor"/> or an instance's shape.</exception>
    new static abstract NetworkShape Shape { get; }

    /// <summary>Whether the network is declared without <c>Inputs</c> and takes its input count from the data.</summary>
    static virtual bool InputCountFromData => false;

    /// <summary>The shape at <paramref name="inputCount"/> inputs; for a network that declares <c>Inputs</c>, its <see cref="Shape"/>.</summary>
    /// <exception cref="ArgumentException">The network declares another input count, or the count is not positive or too large; the message names both.</exception>
    static virtual NetworkShape ShapeFor(int inputCount)
    {
        NetworkShape shape = TSelf.Shape;
        return inputCount == shape.InputCount
            ? shape
            : throw new ArgumentException($"Network '{shape.Name}' takes {shape.InputCount} inputs, not {inputCount}.", nameof(inputCount));
    }

    /// <summary>Floats of workspace the batched passes need for <paramref name="batchSize"/> samples of <paramref name="inputCount"/> inputs.</summary>
    static virtual int BatchWorkspaceSize(int batchSize, int inputCount)
    {
        TSelf.ShapeFor(inputCount);
        return TSelf.BatchWorkspaceSize(batchSize);
    }

    /// <summary>Runs the network on one input with the given parameters (a network without state).</summary>
    /// <param name="parameters">ParameterCount values.</param>
    /// <param name="input">InputCount values.</param>
    /// <param name="output">OutputCount values (written).</param>
    static abstract void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> input, Span<float> output);

    /// <summary>Runs the network on one input with the given parameters and state (inference mode).</summary>
    /// <param name="parameters">ParameterCount values.</param>
    /// <param name="state">StateCount values (running statistics; empty for most networks).</param>
    /// <param name="input">InputCount values.</param>
    /// <param name="output">OutputCount values (written).</param>
    static abstract void Forward(ReadOnlySpan<float> parameters, ReadOnlySpan<float> state, ReadOnlySpan<float> input, Span<float> output);

    /// <summary>One sample forward and backward: adds <paramref name="gradientScale"/>·∂C/∂θ to <paramref name="gradients"/>, returns C.</summary>
    /// <exception cref="NotSupportedException">The network has a BatchNorm or Dropout layer, which train on mini-batches only.</exception>
    static abstract float Backward(ReadOnlySpan<float> parameters, Span<float> gradients,
        ReadOnlySpan<float> input, ReadOnlySpan<float> target, float gradientScale);

    /// <summary>Number of floats the batched passes need as workspace for <paramref name="batchSize"/> samples.</summary>
    static abstract int BatchWorkspaceSize(int batchSize);

    /// <summary>Runs <paramref name="batchSize"/> samples (row-major, batchSize × InputCount) forward into <paramref name="outputs"/> (batchSize × OutputCount); a network without state.</summary>
    static abstract void ForwardBatch(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, Span<float> outputs,
        int batchSize, Span<float> workspace);

    /// <summary>Runs <paramref name="batchSize"/> samples forward in inference mode, with the running statistics in <paramref name="state"/>.</summary>
    static abstract void ForwardBatch(ReadOnlySpan<float> parameters, ReadOnlySpan<float> state, ReadOnlySpan<float> inputs, Span<float> outputs,
        int batchSize, Span<float> workspace);

    /// <summary>
    /// A mini-batch forward and backward: adds <paramref name="gradientScale"/>·Σₙ ∂Cₙ/∂θ to <paramref name="gradients"/>
    /// and returns Σₙ Cₙ. Pass 1/batchSize as the scale for a mean gradient. For a network without state or dropout.
    /// </summary>
    static abstract float BackwardBatch(ReadOnlySpan<float> parameters, Span<float> gradients,
        ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, int batchSize, float gradientScale, Span<float> workspace);

    /// <summary>
    /// A mini-batch forward and backward in training mode: adds <paramref name="gradientScale"/>·Σₙ wₙ ∂Cₙ/∂θ to
    /// <paramref name="gradients"/>, updates the running statistics in <paramref name="state"/>, and returns Σₙ wₙ Cₙ.
    /// With sample weights, pass 1/Σₙ wₙ as the scale for the weighted mean gradient.
    /// </summary>
    /// <param name="parameters">ParameterCount values.</param>
    /// <param name="gradients">ParameterCount values (added to).</param>
    /// <param name="state">StateCount values (running statistics, updated).</param>
    /// <param name="inputs">batchSize × InputCount values.</param>
    /// <param name="targets">batchSize × OutputCount values.</param>
    /// <param name="sampleWeights">batchSize non-negative weights, or empty for a weight of 1 each.</param>
    /// <param name="batchSize">Number of samples.</param>
    /// <param name="gradientScale">Factor applied to every gradient.</param>
    /// <param name="dropoutSeed">Key of this step's dropout masks (the same key gives the same masks).</param>
    /// <param name="workspace"><see cref="BatchWorkspaceSize(int)"/>(batchSize) floats.</param>
    static abstract float BackwardBatch(ReadOnlySpan<float> parameters, Span<float> gradients, Span<float> state,
        ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets, ReadOnlySpan<float> sampleWeights, int batchSize, float gradientScale,
        ulong dropoutSeed, Span<float> workspace);
}
