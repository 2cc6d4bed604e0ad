using System.Globalization;
using System.Text;

namespace Backprop.Inspection;

/// <summary>What <see cref="GradientCheck.Run{TNet}"/> found: the worst relative error per layer and per tensor, and whether it passes.</summary>
public sealed class GradientCheckResult
{
    internal GradientCheckResult(string network, int batchSize, double loss, IReadOnlyList<LayerGradientError> layers, double tolerance)
    {
        Network = network;
        BatchSize = batchSize;
        Loss = loss;
        Layers = layers;
        Tolerance = tolerance;
    }

    /// <summary>The network's name.</summary>
    public string Network { get; }

    /// <summary>Samples in the checked batch.</summary>
    public int BatchSize { get; }

    /// <summary>The checked loss at the given parameters, Σₙ wₙ Cₙ / Σₙ wₙ.</summary>
    public double Loss { get; }

    /// <summary>Every layer with parameters, input to output (dropout has none and is not listed).</summary>
    public IReadOnlyList<LayerGradientError> Layers { get; }

    /// <summary>Every parameter tensor, in buffer order.</summary>
    public IEnumerable<TensorGradientError> Tensors => Layers.SelectMany(l => l.Tensors);

    /// <summary>The worst relative error of all tensors.</summary>
    public double WorstRelativeError => Layers.Count == 0 ? 0 : Layers.Max(l => l.WorstRelativeError);

    /// <summary>The tolerance the check was run with (<see cref="GradientCheckOptions.Tolerance"/>).</summary>
    public double Tolerance { get; }

    /// <summary>Whether every tensor's worst relative error is within <see cref="Tolerance"/>.</summary>
    public bool Passed => WorstRelativeError <= Tolerance;

    /// <summary>A table: per tensor its worst relative error, the value where it occurs, and the analytic and numeric gradients there.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Gradient check of {Network} on {BatchSize} sample(s), loss {Loss:G6}: worst relative error {WorstRelativeError:0.0e+0} ({(Passed ? "passes" : "FAILS")} {Tolerance:0.#e+0})\n");
        int width = Math.Max(6, Tensors.Select(t => t.Tensor.Length).DefaultIfEmpty(0).Max());
        text.Append(CultureInfo.InvariantCulture, $"{"tensor".PadRight(width)}   checked   worst error   at     analytic        numeric\n");
        foreach (TensorGradientError t in Tensors)
            text.Append(CultureInfo.InvariantCulture,
                $"{t.Tensor.PadRight(width)}   {t.Checked,7}   {t.WorstRelativeError,11:0.0e+0}   {t.WorstIndex,-5}  {t.Analytic,13:G6}   {t.Numeric,13:G6}\n");
        return text.ToString();
    }
}
