namespace Backprop;

/// <summary>
/// The declared shape of one layer of a generated network: its kind, sizes, activation (dense layers), options, and its
/// tensors with their places in the flat parameter and state buffers. Generated code creates these through the factory
/// of each kind.
/// </summary>
/// <remarks>
/// This part holds what every kind has. Each kind adds, in its own file under <c>Network/Kinds</c>, its factory, its
/// options and its <see cref="LayerKindRules"/>: what the signature, the summary, the training mode and the ONNX export
/// ask of it.
/// </remarks>
public sealed partial record LayerDescription
{
    private LayerDescription(string name, LayerKindRules rules, int inputs, int units, Activation activation, TensorDescription[] tensors)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (inputs <= 0) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, $"Layer '{name}' needs a positive input count.");
        if (units <= 0) throw new ArgumentOutOfRangeException(nameof(units), units, $"Layer '{name}' needs a positive number of units.");
        Name = name;
        Rules = rules;
        Inputs = inputs;
        Units = units;
        Activation = activation;
        Tensors = tensors;
    }

    /// <summary>The layer's property name, e.g. <c>Hidden</c>.</summary>
    public string Name { get; }

    /// <summary>The layer's kind.</summary>
    public LayerKind Kind => Rules.Kind;

    /// <summary>Number of inputs of the layer (the previous layer's units, or the network's inputs).</summary>
    public int Inputs { get; }

    /// <summary>Number of units (outputs) of the layer; equal to <see cref="Inputs"/> for normalisation and dropout.</summary>
    public int Units { get; }

    /// <summary>The activation applied after the affine map (dense layers; <see cref="Activation.Identity"/> for the others).</summary>
    public Activation Activation { get; }

    /// <summary>The layer's tensors, parameters first, in buffer order.</summary>
    public IReadOnlyList<TensorDescription> Tensors { get; }

    /// <summary>The normalisation's ε (0 for other kinds).</summary>
    public double Epsilon => Rules.Epsilon;

    /// <summary>Whether the layer has a bias vector (dense layers).</summary>
    public bool HasBias => Find(TensorRole.Biases) is not null;

    /// <summary>Offset of W in the parameter buffer, or −1 when the layer has no weights.</summary>
    public int WeightOffset => Find(TensorRole.Weights)?.Offset ?? -1;

    /// <summary>Offset of b in the parameter buffer, or −1 when the layer has no bias.</summary>
    public int BiasOffset => Find(TensorRole.Biases)?.Offset ?? -1;

    /// <summary>Number of weights, Units × Inputs for a dense layer, 0 otherwise.</summary>
    public int WeightCount => Find(TensorRole.Weights)?.Length ?? 0;

    /// <summary>Number of trainable parameters of the layer.</summary>
    public int ParameterCount => Tensors.Where(t => !t.IsState).Sum(t => t.Length);

    /// <summary>Number of state values (running statistics) of the layer.</summary>
    public int StateCount => Tensors.Where(t => t.IsState).Sum(t => t.Length);

    /// <summary>The kind's rules and the layer's options of that kind: what the consumers of a description ask of its kind.</summary>
    internal LayerKindRules Rules { get; }

    /// <summary>The values of the layer's tensor of role <paramref name="role"/> in <paramref name="buffer"/> (the parameter or the state buffer).</summary>
    /// <exception cref="InvalidOperationException">The layer has no tensor of that role.</exception>
    internal ReadOnlySpan<float> Values(ReadOnlySpan<float> buffer, TensorRole role) =>
        Find(role) is TensorDescription tensor
            ? buffer.Slice(tensor.Offset, tensor.Length)
            : throw new InvalidOperationException($"Layer '{Name}' ({Kind}) has no {role} tensor.");

    /// <summary>The layer's tensor of role <paramref name="role"/>, or null when it has none.</summary>
    public TensorDescription? Find(TensorRole role)
    {
        foreach (TensorDescription tensor in Tensors)
            if (tensor.Role == role) return tensor;
        return null;
    }

    /// <inheritdoc />
    public bool Equals(LayerDescription? other) =>
        other is not null && Name == other.Name && Rules == other.Rules && Inputs == other.Inputs && Units == other.Units && Activation == other.Activation
        && Tensors.SequenceEqual(other.Tensors);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Kind, Inputs, Units, Activation, Tensors.Count);

    private static TensorDescription Vector(string layer, string name, TensorRole role, int offset, int length, bool state) =>
        new($"{layer}.{name}", role, offset, 1, length, state);

    private static double Positive(double value, string layer, string what) =>
        value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(what, value, $"Layer '{layer}': {what} must be a positive finite number.");
}
