using Backprop.Initialization;

namespace Backprop.Inspection;

/// <summary>
/// Checks a generated network's backward pass against finite differences of its own loss: for the given parameters, batch
/// and targets, the gradient that <c>BackwardBatch</c> computes (training mode: batch statistics, a fixed dropout seed) is
/// compared, value by value, with a central difference of the loss that the same <c>BackwardBatch</c> returns.
/// </summary>
/// <remarks>
/// <para>
/// <b>Method.</b> The checked function is J(θ) = Σₙ wₙ Cₙ(θ) / Σₙ wₙ, evaluated by the network's float32 training pass (the
/// returned loss; the running statistics are restored before every evaluation). For each parameter θᵢ, with h = Step·max(1, |θᵢ|),
/// D(h) = (J(θᵢ⁺) − J(θᵢ⁻)) / (θᵢ⁺ − θᵢ⁻), where θᵢ± = float(θᵢ ± h) and the divisor is the step actually taken, computed in double;
/// the numeric gradient is the Richardson extrapolation n = (4·D(h/2) − D(h)) / 3, whose truncation error is O(h⁴) instead of O(h²).
/// </para>
/// <para>
/// <b>Precision.</b> J is a float: each evaluation carries a rounding error of a few ε·|J| (ε = 2⁻²⁴ ≈ 6·10⁻⁸), which the
/// difference divides by h. Richardson extrapolation lets h be large (2⁻⁷ by default) so that this noise stays near 10⁻⁵·|J|
/// while the truncation error stays below it. Evaluating J in double would need a second, double-precision implementation of
/// every layer; this check needs none and tests exactly the code that trains. The relative error per value is
/// |g − n| / max(|g|, |n|, MinimumScale); float passes typically reach 10⁻⁵–10⁻³, a wrong derivative 10⁻¹ or more, hence
/// the default tolerance 10⁻². A kink (ReLU, LeakyReLU or ELU at 0, MAE or Huber's corner) inside ±h breaks the difference:
/// if one value stands out, check again with a smaller <see cref="GradientCheckOptions.Step"/> or another batch.
/// </para>
/// <para>Cost: four training passes per checked value; <see cref="GradientCheckOptions.MaxValuesPerTensor"/> samples large tensors.</para>
/// </remarks>
public static class GradientCheck
{
    /// <summary>Compares <typeparamref name="TNet"/>'s analytic gradient with finite differences on one batch.</summary>
    /// <typeparam name="TNet">A generated network.</typeparam>
    /// <param name="parameters">ParameterCount values (not changed).</param>
    /// <param name="inputs">batchSize × InputCount values, row by row.</param>
    /// <param name="targets">batchSize × OutputCount values.</param>
    /// <param name="options">Step, tolerance, state, sample weights, dropout seed; null for the defaults.</param>
    /// <returns>The worst relative error per layer and tensor.</returns>
    /// <exception cref="ArgumentException">A span has the wrong length, or the options do not fit the network.</exception>
    public static GradientCheckResult Run<TNet>(ReadOnlySpan<float> parameters, ReadOnlySpan<float> inputs, ReadOnlySpan<float> targets,
        GradientCheckOptions? options = null)
        where TNet : INetwork<TNet>
    {
        options ??= new GradientCheckOptions();
        NetworkShape shape = InspectedShape.For<TNet>(inputs, targets);
        NetworkGuard.Length(parameters.Length, shape.ParameterCount, shape.Name, nameof(parameters));
        if (inputs.Length == 0 || inputs.Length % shape.InputCount != 0)
            throw new ArgumentException($"{shape.Name} takes {shape.InputCount} inputs per sample; {inputs.Length} values are not whole samples.", nameof(inputs));
        int batchSize = inputs.Length / shape.InputCount;
        NetworkGuard.Batch(targets.Length, batchSize, shape.OutputCount, shape.Name, nameof(targets));
        if (!(options.Step > 0 && options.Step < 1)) throw new ArgumentException($"The step must be in (0, 1), not {options.Step}.", nameof(options));
        if (!(options.MinimumScale > 0)) throw new ArgumentException($"The minimum scale must be positive, not {options.MinimumScale}.", nameof(options));
        if (options.MaxValuesPerTensor is <= 0) throw new ArgumentException("MaxValuesPerTensor must be positive (or null for all).", nameof(options));

        float[] state = new float[shape.StateCount];
        if (options.State is { } given)
        {
            NetworkGuard.Length(given.Length, shape.StateCount, shape.Name, "options.State");
            given.CopyTo(state, 0);
        }
        else ParameterInitializer.ResetState(shape, state);

        double weightSum = batchSize;
        if (options.SampleWeights is { } weights)
        {
            NetworkGuard.Batch(weights.Length, batchSize, 1, shape.Name, "options.SampleWeights");
            if (weights.Any(w => !(w >= 0) || float.IsInfinity(w))) throw new ArgumentException("Sample weights must be finite and non-negative.", nameof(options));
            weightSum = weights.Sum(w => (double)w);
            if (!(weightSum > 0)) throw new ArgumentException("The sample weights sum to 0.", nameof(options));
        }

        var pass = new Pass<TNet>(parameters.ToArray(), inputs.ToArray(), targets.ToArray(), state, options.SampleWeights, batchSize, weightSum, options.DropoutSeed);
        double[] analytic = pass.Gradient();
        double loss = pass.LossAtTheta;

        var layers = new List<LayerGradientError>();
        foreach (LayerDescription layer in shape.Layers)
        {
            var tensors = new List<TensorGradientError>();
            foreach (TensorDescription tensor in layer.Tensors.Where(t => !t.IsState))
                tensors.Add(Check(pass, tensor, layer.Name, analytic, options));
            if (tensors.Count > 0) layers.Add(new LayerGradientError(layer.Name, layer.Kind, tensors));
        }

        return new GradientCheckResult(shape.Name, batchSize, loss, layers, options.Tolerance);
    }

    private static TensorGradientError Check<TNet>(Pass<TNet> pass, TensorDescription tensor, string layer, double[] analytic, GradientCheckOptions options)
        where TNet : INetwork<TNet>
    {
        int count = Math.Min(tensor.Length, options.MaxValuesPerTensor ?? int.MaxValue);
        double worst = -1, worstNumeric = 0;
        int worstIndex = 0;
        for (int k = 0; k < count; k++)
        {
            int index = (int)((long)k * tensor.Length / count), p = tensor.Offset + index;
            double h = options.Step * Math.Max(1, Math.Abs(pass.Theta[p]));
            double numeric = (4 * pass.CentralDifference(p, h / 2) - pass.CentralDifference(p, h)) / 3;
            double g = analytic[p];
            double error = Math.Abs(g - numeric) / Math.Max(Math.Max(Math.Abs(g), Math.Abs(numeric)), Resolvable(pass.LossAtTheta, h, options));
            if (double.IsNaN(error)) error = double.PositiveInfinity;
            if (error > worst)
            {
                worst = error;
                worstIndex = index;
                worstNumeric = numeric;
            }
        }

        return new TensorGradientError(layer, tensor.Name, tensor.Role, count, worst, worstIndex, analytic[tensor.Offset + worstIndex], worstNumeric);
    }

    /// <summary>
    /// The smallest gradient the differences resolve to 1 %: their noise is about 6·ε·max(1, |J|)/h (each float loss is off by
    /// a few ε·max(1, |J|), divided by the steps, weighted 4/3 and 1/3 by the extrapolation), and never below MinimumScale.
    /// </summary>
    private static double Resolvable(double loss, double h, GradientCheckOptions options) =>
        Math.Max(options.MinimumScale, 100 * 6 * Epsilon * Math.Max(1, Math.Abs(loss)) / h);

    /// <summary>The float32 unit roundoff, 2⁻²⁴.</summary>
    private const double Epsilon = 1.0 / (1 << 24);

    /// <summary>The network's training pass over one batch, as J(θ) and ∇J(θ).</summary>
    private sealed class Pass<TNet>
        where TNet : INetwork<TNet>
    {
        private readonly float[] _inputs, _targets, _state, _stateScratch, _gradients, _workspace;
        private readonly float[]? _weights;
        private readonly int _batchSize;
        private readonly double _weightSum;
        private readonly ulong _seed;

        public Pass(float[] theta, float[] inputs, float[] targets, float[] state, float[]? weights, int batchSize, double weightSum, ulong seed)
        {
            Theta = theta;
            _inputs = inputs;
            _targets = targets;
            _state = state;
            _stateScratch = new float[state.Length];
            _weights = weights;
            _batchSize = batchSize;
            _weightSum = weightSum;
            _seed = seed;
            _gradients = new float[theta.Length];
            _workspace = new float[TNet.BatchWorkspaceSize(batchSize, inputs.Length / batchSize)];
        }

        public float[] Theta { get; }

        /// <summary>J at the given parameters (set by <see cref="Gradient"/>).</summary>
        public double LossAtTheta { get; private set; }

        /// <summary>J(θ) = Σₙ wₙ Cₙ / Σₙ wₙ (gradient scale 0: nothing is accumulated).</summary>
        public double Loss() => Run(0f) / _weightSum;

        /// <summary>∇J(θ) from the generated backward pass.</summary>
        public double[] Gradient()
        {
            Array.Clear(_gradients);
            LossAtTheta = Run((float)(1 / _weightSum)) / _weightSum;
            return Array.ConvertAll(_gradients, g => (double)g);
        }

        /// <summary>(J(θᵢ⁺) − J(θᵢ⁻)) / (θᵢ⁺ − θᵢ⁻) with θᵢ± = float(θᵢ ± h), the step actually taken in the divisor.</summary>
        public double CentralDifference(int i, double h)
        {
            float saved = Theta[i];
            float plus = (float)(saved + h), minus = (float)(saved - h);
            Theta[i] = plus;
            double up = Loss();
            Theta[i] = minus;
            double down = Loss();
            Theta[i] = saved;
            return (up - down) / ((double)plus - minus);
        }

        private float Run(float scale)
        {
            _state.CopyTo(_stateScratch, 0);
            return TNet.BackwardBatch(Theta, _gradients, _stateScratch, _inputs, _targets, _weights, _batchSize, scale, _seed, _workspace);
        }
    }
}
