namespace Backprop.Inspection;

/// <summary>The shape an inspection runs at: the declared one, or, for a network sized by the data, the one the batch implies.</summary>
internal static class InspectedShape
{
    /// <summary>
    /// <typeparamref name="TNet"/>'s shape; for a network declared without <c>Inputs</c>, at the input count of
    /// <paramref name="inputs"/> per sample, the samples counted by <paramref name="targets"/>.
    /// </summary>
    public static NetworkShape For<TNet>(ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets) where TNet : INetwork<TNet>
    {
        if (!TNet.InputCountFromData) return TNet.Shape;
        int outputs = TNet.ShapeFor(1).OutputCount;
        int rows = targets.Length / outputs;
        if (rows == 0 || targets.Length % outputs != 0 || inputs.Length % rows != 0 || inputs.Length == 0)
            throw new ArgumentException($"{TNet.ShapeFor(1).Name} takes its input count from the data: {inputs.Length} inputs and {targets.Length} targets ({outputs} per sample) are not whole samples.", nameof(inputs));
        return TNet.ShapeFor(inputs.Length / rows);
    }
}
