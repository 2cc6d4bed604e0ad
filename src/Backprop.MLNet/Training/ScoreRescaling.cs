using Backprop.Training;

namespace Backprop.MLNet.Training;

/// <summary>
/// The score rescaling of the default regression recipe (<see cref="BackpropTrainerOptions.RescaleScore"/>): per output,
/// the (weighted) least-squares line t′ ≈ a·o + b of the training rows' standardised labels t′ on the trained network's
/// outputs o, a kept in [<see cref="MinimumSlope"/>, <see cref="MaximumSlope"/>], folded into the label scale
/// (y = (a·o + b)·σ + μ = o·(aσ) + (μ + bσ)). One inference pass over the rows, in stored order, in double.
/// </summary>
internal static class ScoreRescaling
{
    /// <summary>The least slope applied (an output that barely follows the label is not flattened further than this).</summary>
    public const double MinimumSlope = 0.5;

    /// <summary>The largest slope applied.</summary>
    public const double MaximumSlope = 2.0;

    private const int Batch = 256;

    /// <summary>The label scale with the line folded in; <paramref name="scale"/> itself where an output's outputs do not vary.</summary>
    public static LabelStandardizer Fit<TNet>(TNet network, NetworkShape shape, ISampleSource rows, LabelStandardizer scale, CancellationToken cancellation)
        where TNet : INetwork<TNet>
    {
        int inputCount = shape.InputCount, outputCount = shape.OutputCount;
        var inputs = new float[Batch * inputCount];
        var targets = new float[Batch * outputCount];
        var outputs = new float[Batch * outputCount];
        var weights = new float[Batch];
        var workspace = new float[TNet.BatchWorkspaceSize(Batch, inputCount)];
        double total = 0;
        double[] so = new double[outputCount], st = new double[outputCount], soo = new double[outputCount], sot = new double[outputCount];
        using (ISampleCursor cursor = rows.Open(null))
        {
            while (true)
            {
                cancellation.ThrowIfCancellationRequested();
                int count = 0;
                while (count < Batch && cursor.MoveNext(inputs.AsSpan(count * inputCount, inputCount), targets.AsSpan(count * outputCount, outputCount)))
                    weights[count++] = cursor.Weight;
                if (count == 0) break;
                TNet.ForwardBatch(network.Parameters, network.State, inputs, outputs, count, workspace);
                for (int r = 0; r < count; r++)
                {
                    double w = weights[r];
                    total += w;
                    for (int k = 0; k < outputCount; k++)
                    {
                        double o = outputs[r * outputCount + k], t = targets[r * outputCount + k];
                        so[k] += w * o;
                        st[k] += w * t;
                        soo[k] += w * o * o;
                        sot[k] += w * o * t;
                    }
                }
            }
        }

        var mean = new float[outputCount];
        var deviation = new float[outputCount];
        for (int k = 0; k < outputCount; k++)
        {
            double sigma = scale.Scale[k];
            if (!(total > 0)) return scale;
            double meanOutput = so[k] / total, meanTarget = st[k] / total;
            double variance = soo[k] / total - meanOutput * meanOutput, covariance = sot[k] / total - meanOutput * meanTarget;
            double a = variance > 1e-12 ? Math.Clamp(covariance / variance, MinimumSlope, MaximumSlope) : 1.0, b = meanTarget - a * meanOutput;
            mean[k] = (float)(scale.Mean[k] + sigma * b);
            deviation[k] = (float)(sigma * a);
        }

        return new LabelStandardizer(mean, deviation);
    }
}
