using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace Backprop;

/// <summary>
/// The declared shape of a generated network: its inputs, its layers in order, its loss and the layout of its flat
/// parameter and state buffers. Generated code creates one per network type (<c>MyNet.Shape</c>).
/// </summary>
public sealed class NetworkShape
{
    /// <summary>Creates the shape of network <paramref name="name"/>. The layers' tensors must tile the two buffers in order.</summary>
    /// <param name="name">The network's type name.</param>
    /// <param name="inputCount">Size of the input vector.</param>
    /// <param name="loss">The training loss.</param>
    /// <param name="layers">The layers, input to output.</param>
    /// <param name="huberDelta">The δ of <see cref="Loss.Huber"/> (ignored by the other losses); positive.</param>
    /// <exception cref="ArgumentException">The layers are empty, chained wrongly, or their tensors do not tile the buffers.</exception>
    public NetworkShape(string name, int inputCount, Loss loss, IReadOnlyList<LayerDescription> layers, double huberDelta = 1.0)
        : this(name, inputCount, loss, layers, huberDelta, inputCountFromData: false)
    {
    }

    /// <summary>
    /// Creates the shape of network <paramref name="name"/>, declared with <c>Inputs</c> or, when
    /// <paramref name="inputCountFromData"/>, without: sized for <paramref name="inputCount"/> inputs by the data. The
    /// tensors of such a network that depend on the input count come last in their buffers, so every other offset is
    /// the same for any input count; the tensors must tile the two buffers, in any order.
    /// </summary>
    /// <param name="name">The network's type name.</param>
    /// <param name="inputCount">Size of the input vector.</param>
    /// <param name="loss">The training loss.</param>
    /// <param name="layers">The layers, input to output.</param>
    /// <param name="huberDelta">The δ of <see cref="Loss.Huber"/> (ignored by the other losses); positive.</param>
    /// <param name="inputCountFromData">Whether the network was declared without <c>Inputs</c>.</param>
    /// <exception cref="ArgumentException">The layers are empty, chained wrongly, or their tensors do not tile the buffers.</exception>
    public NetworkShape(string name, int inputCount, Loss loss, IReadOnlyList<LayerDescription> layers, double huberDelta, bool inputCountFromData)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(layers);
        if (inputCount <= 0) throw new ArgumentOutOfRangeException(nameof(inputCount), inputCount, $"Network '{name}' needs a positive input count.");
        if (layers.Count == 0) throw new ArgumentException($"Network '{name}' has no layers.", nameof(layers));
        if (!Enum.IsDefined(loss)) throw new ArgumentOutOfRangeException(nameof(loss), loss, $"Network '{name}': unknown loss.");
        if (!(huberDelta > 0) || !double.IsFinite(huberDelta))
            throw new ArgumentOutOfRangeException(nameof(huberDelta), huberDelta, $"Network '{name}': the Huber δ must be a positive finite number.");

        int expectedInputs = inputCount, offset = 0, stateOffset = 0;
        foreach (LayerDescription layer in layers)
        {
            if (layer.Inputs != expectedInputs)
                throw new ArgumentException($"Layer '{layer.Name}' of '{name}' has {layer.Inputs} inputs; the previous layer gives {expectedInputs}.", nameof(layers));
            expectedInputs = layer.Units;
        }

        // Declared Inputs: the tensors in layer order. From the data: by offset (the input-sized tensors come last).
        IEnumerable<TensorDescription> tensors = layers.SelectMany(l => l.Tensors);
        if (inputCountFromData) tensors = tensors.OrderBy(t => t.Offset);
        foreach (TensorDescription tensor in tensors)
        {
            ref int next = ref tensor.IsState ? ref stateOffset : ref offset;
            if (tensor.Offset != next)
                throw new ArgumentException($"Tensor '{tensor.Name}' of '{name}' is at offset {tensor.Offset} of the {(tensor.IsState ? "state" : "parameter")} buffer; the previous tensors end at {next}.", nameof(layers));
            next = checked(next + tensor.Length);
        }

        Name = name;
        InputCount = inputCount;
        OutputCount = expectedInputs;
        ParameterCount = offset;
        StateCount = stateOffset;
        Loss = loss;
        HuberDelta = huberDelta;
        InputCountFromData = inputCountFromData;
        Layers = new ReadOnlyCollection<LayerDescription>(layers.ToArray());
        Signature = BuildSignature(inputCount, inputCountFromData, loss, huberDelta, Layers);
        Hash = Fnv1a64(Signature);
    }

    /// <summary>The network's type name (as declared).</summary>
    public string Name { get; }

    /// <summary>Size of the input vector.</summary>
    public int InputCount { get; }

    /// <summary>
    /// Whether the network was declared without <c>Inputs</c> and took <see cref="InputCount"/> from the data; its
    /// input-sized tensors then sit at the end of their buffers.
    /// </summary>
    public bool InputCountFromData { get; }

    /// <summary>Size of the output vector (the last layer's units).</summary>
    public int OutputCount { get; }

    /// <summary>Total number of trainable parameters (every layer's parameter tensors) in the flat parameter buffer.</summary>
    public int ParameterCount { get; }

    /// <summary>Total number of state values (running statistics) in the flat state buffer; 0 for most networks.</summary>
    public int StateCount { get; }

    /// <summary>The loss the network is trained with.</summary>
    public Loss Loss { get; }

    /// <summary>The δ of <see cref="Loss.Huber"/>.</summary>
    public double HuberDelta { get; }

    /// <summary>The layers, input to output.</summary>
    public IReadOnlyList<LayerDescription> Layers { get; }

    /// <summary>The output layer.</summary>
    public LayerDescription OutputLayer => Layers[^1];

    /// <summary>Every tensor of every layer, in layer order.</summary>
    public IEnumerable<TensorDescription> Tensors => Layers.SelectMany(l => l.Tensors);

    /// <summary>Largest layer width, inputs included: the scratch a per-sample pass needs per activation buffer.</summary>
    public int MaxWidth => Math.Max(InputCount, Layers.Max(l => l.Units));

    /// <summary>True when a layer behaves differently in training (its kind says so: Dropout, BatchNorm).</summary>
    public bool HasTrainingMode => Layers.Any(l => l.Rules.HasTrainingMode);

    /// <summary>
    /// A canonical text of the declared shape, e.g. <c>in=4;Dense(16,Tanh,bias);Dense(3,Softmax,bias);loss=SoftmaxCrossEntropy</c>;
    /// <c>in=data(16);…</c> for a network that took its 16 inputs from the data (whose buffers are laid out differently).
    /// </summary>
    public string Signature { get; }

    /// <summary>64-bit FNV-1a hash of <see cref="Signature"/>: equal for networks of the same declared shape.</summary>
    public ulong Hash { get; }

    /// <summary>A table of the layers (name, kind, output shape, activation, parameters), the totals and their memory: <see cref="Inspection.NetworkSummary.Format"/>.</summary>
    public string Summary() => Inspection.NetworkSummary.Format(this);

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Signature}";

    private static string BuildSignature(int inputCount, bool fromData, Loss loss, double huberDelta, IReadOnlyList<LayerDescription> layers)
    {
        var text = new StringBuilder();
        if (fromData) text.Append(CultureInfo.InvariantCulture, $"in=data({inputCount})");
        else text.Append(CultureInfo.InvariantCulture, $"in={inputCount}");
        foreach (LayerDescription layer in layers)
            text.Append(';').Append(layer.Rules.Signature(layer));
        text.Append(";loss=").Append(loss switch
        {
            Loss.SquaredError or Loss.MeanSquaredError or Loss.BinaryCrossEntropy or Loss.SoftmaxCrossEntropy or Loss.MeanAbsoluteError => loss.ToString(),
            Loss.Huber => string.Create(CultureInfo.InvariantCulture, $"Huber({huberDelta:R})"),
            _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown loss."),
        });
        return text.ToString();
    }

    private static ulong Fnv1a64(string text)
    {
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }

        return hash;
    }
}
