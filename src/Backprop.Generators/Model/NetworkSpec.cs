namespace Backprop.Generators.Model
{
    /// <summary>Activation values as declared by <c>Backprop.Activation</c> (same numbers).</summary>
    internal enum ActivationKind
    {
        Identity = 0,
        Sigmoid = 1,
        Tanh = 2,
        ReLU = 3,
        LeakyReLU = 4,
        Softmax = 5,
    }

    /// <summary>Loss values as declared by <c>Backprop.Loss</c> (same numbers).</summary>
    internal enum LossKind
    {
        SquaredError = 0,
        MeanSquaredError = 1,
        BinaryCrossEntropy = 2,
        SoftmaxCrossEntropy = 3,
    }

    /// <summary>One validated dense layer: everything the emitter needs, no Roslyn symbols.</summary>
    internal sealed record LayerSpec(string Name, string Accessibility, int Inputs, int Units, ActivationKind Activation, bool HasBias,
        int WeightOffset, int BiasOffset)
    {
        public int WeightCount => Units * Inputs;

        public int ParameterCount => WeightCount + (HasBias ? Units : 0);
    }

    /// <summary>One validated network declaration, ready to emit.</summary>
    /// <param name="Namespace">The containing namespace, or empty for the global namespace.</param>
    /// <param name="ClassName">The declared class name.</param>
    /// <param name="Accessibility">The class's declared accessibility keyword(s).</param>
    /// <param name="IsSealed">Whether the class is sealed (affects nothing emitted but the doc; kept for equality).</param>
    /// <param name="Inputs">Input vector size.</param>
    /// <param name="Loss">The training loss.</param>
    /// <param name="Layers">The layers in declaration order.</param>
    internal sealed record NetworkSpec(string Namespace, string ClassName, string Accessibility, bool IsSealed, int Inputs, LossKind Loss,
        EquatableArray<LayerSpec> Layers)
    {
        public int ParameterCount => Layers[Layers.Count - 1].WeightOffset + Layers[Layers.Count - 1].ParameterCount;

        public int OutputCount => Layers[Layers.Count - 1].Units;

        public string FullName => Namespace.Length == 0 ? ClassName : Namespace + "." + ClassName;
    }

    /// <summary>What the parser found for one [Network] class: a spec to emit (when valid) and diagnostics to report.</summary>
    internal sealed record ParseResult(NetworkSpec? Network, EquatableArray<DiagnosticInfo> Diagnostics, string HintName);
}
