using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;

namespace Backprop;

/// <summary>
/// The declared shape of a generated network: its inputs, its layers in order, its loss and the layout of its flat
/// parameter buffer. Generated code creates one per network type (<c>MyNet.Shape</c>).
/// </summary>
public sealed class NetworkShape
{
    /// <summary>Creates the shape of network <paramref name="name"/>. Offsets in <paramref name="layers"/> must tile the buffer in order.</summary>
    /// <exception cref="ArgumentException">The layers are empty, chained wrongly, or their offsets do not tile the buffer.</exception>
    public NetworkShape(string name, int inputCount, Loss loss, IReadOnlyList<LayerDescription> layers)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(layers);
        if (inputCount <= 0) throw new ArgumentOutOfRangeException(nameof(inputCount), inputCount, $"Network '{name}' needs a positive input count.");
        if (layers.Count == 0) throw new ArgumentException($"Network '{name}' has no layers.", nameof(layers));

        int expectedInputs = inputCount, offset = 0;
        foreach (LayerDescription layer in layers)
        {
            if (layer.Inputs != expectedInputs)
                throw new ArgumentException($"Layer '{layer.Name}' of '{name}' has {layer.Inputs} inputs; the previous layer gives {expectedInputs}.", nameof(layers));
            if (layer.WeightOffset != offset || (layer.HasBias && layer.BiasOffset != offset + layer.WeightCount) || (!layer.HasBias && layer.BiasOffset != -1))
                throw new ArgumentException($"Layer '{layer.Name}' of '{name}' has offsets that do not follow the previous layer's parameters.", nameof(layers));
            offset += layer.ParameterCount;
            expectedInputs = layer.Units;
        }

        Name = name;
        InputCount = inputCount;
        OutputCount = expectedInputs;
        ParameterCount = offset;
        Loss = loss;
        Layers = new ReadOnlyCollection<LayerDescription>(layers.ToArray());
        Signature = BuildSignature(inputCount, loss, Layers);
        Hash = Fnv1a64(Signature);
    }

    /// <summary>The network's type name (as declared).</summary>
    public string Name { get; }

    /// <summary>Size of the input vector.</summary>
    public int InputCount { get; }

    /// <summary>Size of the output vector (the last layer's units).</summary>
    public int OutputCount { get; }

    /// <summary>Total number of parameters (weights and biases of every layer) in the flat buffer.</summary>
    public int ParameterCount { get; }

    /// <summary>The loss the network is trained with.</summary>
    public Loss Loss { get; }

    /// <summary>The layers, input to output.</summary>
    public IReadOnlyList<LayerDescription> Layers { get; }

    /// <summary>The output layer.</summary>
    public LayerDescription OutputLayer => Layers[^1];

    /// <summary>Largest layer width, inputs included: the scratch a per-sample pass needs per activation buffer.</summary>
    public int MaxWidth => Math.Max(InputCount, Layers.Max(l => l.Units));

    /// <summary>A canonical text of the declared shape, e.g. <c>in=4;Dense(16,Tanh,bias);Dense(3,Softmax,bias);loss=SoftmaxCrossEntropy</c>.</summary>
    public string Signature { get; }

    /// <summary>64-bit FNV-1a hash of <see cref="Signature"/>: equal for networks of the same declared shape.</summary>
    public ulong Hash { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Name}: {Signature}";

    private static string BuildSignature(int inputCount, Loss loss, IReadOnlyList<LayerDescription> layers)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"in={inputCount}");
        foreach (LayerDescription layer in layers)
            text.Append(CultureInfo.InvariantCulture, $";Dense({layer.Units},{layer.Activation},{(layer.HasBias ? "bias" : "nobias")})");
        text.Append(CultureInfo.InvariantCulture, $";loss={loss}");
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
