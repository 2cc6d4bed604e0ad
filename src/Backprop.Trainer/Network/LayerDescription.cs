namespace Backprop;

/// <summary>
/// The declared shape of one layer of a generated network: its kind, sizes, activation (dense layers), options, and its
/// tensors with their places in the flat parameter and state buffers. Generated code creates these through the factory
/// of each kind.
/// </summary>
public sealed record LayerDescription
{
    /// <summary>Describes a dense layer (kept for the layout of earlier versions; same as <see cref="Dense"/>).</summary>
    /// <param name="name">The layer's property name, e.g. <c>Hidden</c>.</param>
    /// <param name="inputs">Number of inputs of the layer.</param>
    /// <param name="units">Number of units (outputs).</param>
    /// <param name="activation">The activation applied after the affine map.</param>
    /// <param name="hasBias">Whether the layer has a bias vector.</param>
    /// <param name="weightOffset">Offset of W (Units × Inputs, row-major: W[o, i] at WeightOffset + o·Inputs + i).</param>
    /// <param name="biasOffset">Offset of b (Units floats), or −1 when the layer has no bias.</param>
    public LayerDescription(string name, int inputs, int units, Activation activation, bool hasBias, int weightOffset, int biasOffset)
        : this(name, LayerKind.Dense, inputs, units, activation, DenseTensors(name, inputs, units, hasBias, weightOffset, biasOffset), 0, 0, 0)
    {
    }

    private LayerDescription(string name, LayerKind kind, int inputs, int units, Activation activation, TensorDescription[] tensors,
        double epsilon, double momentum, double rate)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (inputs <= 0) throw new ArgumentOutOfRangeException(nameof(inputs), inputs, $"Layer '{name}' needs a positive input count.");
        if (units <= 0) throw new ArgumentOutOfRangeException(nameof(units), units, $"Layer '{name}' needs a positive number of units.");
        Name = name;
        Kind = kind;
        Inputs = inputs;
        Units = units;
        Activation = activation;
        Tensors = tensors;
        Epsilon = epsilon;
        Momentum = momentum;
        Rate = rate;
    }

    /// <summary>Describes a dense layer: W [units × inputs] then, with a bias, b [units], consecutive in the parameter buffer.</summary>
    public static LayerDescription Dense(string name, int inputs, int units, Activation activation, bool hasBias, int weightOffset, int biasOffset) =>
        new(name, inputs, units, activation, hasBias, weightOffset, biasOffset);

    /// <summary>Describes a layer normalisation over <paramref name="width"/> features: gain γ then shift β in the parameter buffer.</summary>
    public static LayerDescription LayerNorm(string name, int width, int gainOffset, int shiftOffset, double epsilon) =>
        new(name, LayerKind.LayerNorm, width, width, Activation.Identity,
            [Vector(name, "gain", TensorRole.Gain, gainOffset, width, false), Vector(name, "shift", TensorRole.Shift, shiftOffset, width, false)],
            Positive(epsilon, name, nameof(epsilon)), 0, 0);

    /// <summary>
    /// Describes a batch normalisation over <paramref name="width"/> features: gain γ and shift β in the parameter buffer,
    /// running mean and variance in the state buffer.
    /// </summary>
    public static LayerDescription BatchNorm(string name, int width, int gainOffset, int shiftOffset, int meanOffset, int varianceOffset,
        double epsilon, double momentum)
    {
        if (!(momentum > 0 && momentum <= 1)) throw new ArgumentOutOfRangeException(nameof(momentum), momentum, $"Layer '{name}': the momentum must be in (0, 1].");
        return new(name, LayerKind.BatchNorm, width, width, Activation.Identity,
            [
                Vector(name, "gain", TensorRole.Gain, gainOffset, width, false), Vector(name, "shift", TensorRole.Shift, shiftOffset, width, false),
                Vector(name, "running_mean", TensorRole.RunningMean, meanOffset, width, true), Vector(name, "running_var", TensorRole.RunningVariance, varianceOffset, width, true),
            ],
            Positive(epsilon, name, nameof(epsilon)), momentum, 0);
    }

    /// <summary>Describes inverted dropout over <paramref name="width"/> values with drop probability <paramref name="rate"/>.</summary>
    public static LayerDescription Dropout(string name, int width, double rate)
    {
        if (!(rate >= 0 && rate < 1)) throw new ArgumentOutOfRangeException(nameof(rate), rate, $"Layer '{name}': the dropout rate must be in [0, 1).");
        return new(name, LayerKind.Dropout, width, width, Activation.Identity, [], 0, 0, rate);
    }

    /// <summary>
    /// Describes an input normalisation over <paramref name="width"/> features adapted from the data: the mean and the
    /// variance of each feature, in the state buffer (no parameters).
    /// </summary>
    public static LayerDescription Normalize(string name, int width, int meanOffset, int varianceOffset) =>
        new(name, LayerKind.Normalize, width, width, Activation.Identity,
            [Vector(name, "mean", TensorRole.RunningMean, meanOffset, width, true), Vector(name, "variance", TensorRole.RunningVariance, varianceOffset, width, true)],
            0, 0, 0);

    /// <summary>The layer's property name, e.g. <c>Hidden</c>.</summary>
    public string Name { get; }

    /// <summary>The layer's kind.</summary>
    public LayerKind Kind { get; }

    /// <summary>Number of inputs of the layer (the previous layer's units, or the network's inputs).</summary>
    public int Inputs { get; }

    /// <summary>Number of units (outputs) of the layer; equal to <see cref="Inputs"/> for normalisation and dropout.</summary>
    public int Units { get; }

    /// <summary>The activation applied after the affine map (dense layers; <see cref="Activation.Identity"/> for the others).</summary>
    public Activation Activation { get; }

    /// <summary>The layer's tensors, parameters first, in buffer order.</summary>
    public IReadOnlyList<TensorDescription> Tensors { get; }

    /// <summary>The normalisation's ε (0 for other kinds).</summary>
    public double Epsilon { get; }

    /// <summary>BatchNorm's momentum of the running statistics (0 for other kinds).</summary>
    public double Momentum { get; }

    /// <summary>Dropout's drop probability (0 for other kinds).</summary>
    public double Rate { get; }

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

    /// <summary>The layer's tensor of role <paramref name="role"/>, or null when it has none.</summary>
    public TensorDescription? Find(TensorRole role)
    {
        foreach (TensorDescription tensor in Tensors)
            if (tensor.Role == role) return tensor;
        return null;
    }

    /// <inheritdoc />
    public bool Equals(LayerDescription? other) =>
        other is not null && Name == other.Name && Kind == other.Kind && Inputs == other.Inputs && Units == other.Units && Activation == other.Activation
        && Epsilon.Equals(other.Epsilon) && Momentum.Equals(other.Momentum) && Rate.Equals(other.Rate) && Tensors.SequenceEqual(other.Tensors);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Kind, Inputs, Units, Activation, Tensors.Count);

    private static TensorDescription[] DenseTensors(string name, int inputs, int units, bool hasBias, int weightOffset, int biasOffset)
    {
        var weights = new TensorDescription($"{name}.weight", TensorRole.Weights, weightOffset, units, inputs, false);
        if (!hasBias)
        {
            if (biasOffset != -1) throw new ArgumentException($"Layer '{name}' has no bias, so its bias offset must be -1, not {biasOffset}.", nameof(biasOffset));
            return [weights];
        }

        return [weights, Vector(name, "bias", TensorRole.Biases, biasOffset, units, false)];
    }

    private static TensorDescription Vector(string layer, string name, TensorRole role, int offset, int length, bool state) =>
        new($"{layer}.{name}", role, offset, 1, length, state);

    private static double Positive(double value, string layer, string what) =>
        value > 0 && double.IsFinite(value) ? value : throw new ArgumentOutOfRangeException(what, value, $"Layer '{layer}': {what} must be a positive finite number.");
}
