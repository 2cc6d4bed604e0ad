using Backprop.Kernels;

namespace Backprop.Tests.GradientChecks;

/// <summary>
/// An independent double-precision implementation of every layer kind over a whole batch, written from the definitions:
/// training mode (batch statistics, the dropout masks of a seed, sample weights) for finite differences, and inference mode
/// (running statistics, no dropout) for the forward checks.
/// </summary>
internal static class BatchReference
{
    /// <summary>Σₙ wₙ Cₙ over the batch, in training mode.</summary>
    public static double Loss(NetworkShape shape, double[] theta, double[] state, float[] inputs, float[] targets, float[]? weights, int rows, ulong seed)
    {
        double[][] outputs = Forward(shape, theta, state, inputs, rows, training: true, seed);
        double total = 0;
        for (int r = 0; r < rows; r++)
            total += (weights is null ? 1 : weights[r]) * SampleLoss(shape, outputs[r], targets.AsSpan(r * shape.OutputCount, shape.OutputCount).ToArray());
        return total;
    }

    public static double[][] Forward(NetworkShape shape, double[] theta, double[] state, float[] inputs, int rows, bool training, ulong seed)
    {
        var a = new double[rows][];
        for (int r = 0; r < rows; r++) a[r] = inputs.AsSpan(r * shape.InputCount, shape.InputCount).ToArray().Select(v => (double)v).ToArray();
        for (int l = 0; l < shape.Layers.Count; l++)
        {
            LayerDescription layer = shape.Layers[l];
            a = layer.Kind switch
            {
                LayerKind.Dense => a.Select(row => Activate(layer.Activation, Affine(layer, theta, row))).ToArray(),
                LayerKind.LayerNorm => a.Select(row => Normalize(row, Mean(row), Variance(row), layer, theta)).ToArray(),
                LayerKind.BatchNorm => BatchNorm(layer, theta, state, a, training),
                LayerKind.Dropout => training ? Dropout(layer, a, seed, l + 1) : a,
                LayerKind.Normalize => Standardize(layer, state, a),
                LayerKind.RMSNorm => a.Select(row => RmsNormalize(row, layer, theta)).ToArray(),
                _ => throw new ArgumentOutOfRangeException(nameof(shape)),
            };
        }

        return a;
    }

    public static double SampleLoss(NetworkShape shape, double[] output, float[] target)
    {
        double loss = 0, delta = shape.HuberDelta;
        int n = output.Length;
        for (int i = 0; i < n; i++)
        {
            double o = output[i], t = target[i], r = o - t;
            loss += shape.Loss switch
            {
                Backprop.Loss.SquaredError => 0.5 * r * r,
                Backprop.Loss.MeanSquaredError => r * r / n,
                Backprop.Loss.BinaryCrossEntropy => -(t * Math.Log(o) + (1 - t) * Math.Log(1 - o)),
                Backprop.Loss.SoftmaxCrossEntropy => t == 0 ? 0 : -t * Math.Log(o),
                Backprop.Loss.Huber => (Math.Abs(r) <= delta ? 0.5 * r * r : delta * (Math.Abs(r) - 0.5 * delta)) / n,
                Backprop.Loss.MeanAbsoluteError => Math.Abs(r) / n,
                _ => throw new ArgumentOutOfRangeException(nameof(shape)),
            };
        }

        return loss;
    }

    private static double[] Affine(LayerDescription layer, double[] theta, double[] input)
    {
        var z = new double[layer.Units];
        for (int o = 0; o < layer.Units; o++)
        {
            double sum = layer.HasBias ? theta[layer.BiasOffset + o] : 0;
            for (int i = 0; i < layer.Inputs; i++) sum += theta[layer.WeightOffset + o * layer.Inputs + i] * input[i];
            z[o] = sum;
        }

        return z;
    }

    private static double[] Normalize(double[] row, double mean, double variance, LayerDescription layer, double[] theta) =>
        Normalize(row, Enumerable.Repeat(mean, row.Length).ToArray(), Enumerable.Repeat(variance, row.Length).ToArray(), layer, theta);

    private static double[] Normalize(double[] row, double[] mean, double[] variance, LayerDescription layer, double[] theta)
    {
        int gain = layer.Find(TensorRole.Gain)!.Offset, shift = layer.Find(TensorRole.Shift)!.Offset;
        return row.Select((v, j) => theta[gain + j] * (v - mean[j]) / Math.Sqrt(variance[j] + layer.Epsilon) + theta[shift + j]).ToArray();
    }

    /// <summary>RMSNorm: γ ⊙ x/√(mean(x²) + ε) per sample, not centred, no shift.</summary>
    private static double[] RmsNormalize(double[] row, LayerDescription layer, double[] theta)
    {
        int gain = layer.Find(TensorRole.Gain)!.Offset;
        double rms = Math.Sqrt(row.Average(v => v * v) + layer.Epsilon);
        return row.Select((v, j) => theta[gain + j] * v / rms).ToArray();
    }

    private static double[][] BatchNorm(LayerDescription layer, double[] theta, double[] state, double[][] a, bool training)
    {
        int width = layer.Units;
        double[] mean, variance;
        if (training)
        {
            mean = Enumerable.Range(0, width).Select(j => a.Average(row => row[j])).ToArray();
            variance = Enumerable.Range(0, width).Select(j => a.Average(row => (row[j] - mean[j]) * (row[j] - mean[j]))).ToArray();
        }
        else
        {
            mean = state.AsSpan(layer.Find(TensorRole.RunningMean)!.Offset, width).ToArray();
            variance = state.AsSpan(layer.Find(TensorRole.RunningVariance)!.Offset, width).ToArray();
        }

        return a.Select(row => Normalize(row, mean, variance, layer, theta)).ToArray();
    }

    /// <summary>Normalize: (x − μ)/σ per feature with the statistics in the state, the same in training and inference (σ² = 0: only centred).</summary>
    private static double[][] Standardize(LayerDescription layer, double[] state, double[][] a)
    {
        int mean = layer.Find(TensorRole.RunningMean)!.Offset, variance = layer.Find(TensorRole.RunningVariance)!.Offset;
        return a.Select(row => row.Select((v, j) => (v - state[mean + j]) / (state[variance + j] > 0 ? Math.Sqrt(state[variance + j]) : 1)).ToArray()).ToArray();
    }

    private static double[][] Dropout(LayerDescription layer, double[][] a, ulong seed, int index) =>
        a.Select((row, r) => row.Select((v, j) => v * DropoutKernels.MaskValue(seed, index, r * layer.Units + j, (float)layer.Rate)).ToArray()).ToArray();

    private static double Mean(double[] row) => row.Average();

    private static double Variance(double[] row)
    {
        double mean = row.Average();
        return row.Average(v => (v - mean) * (v - mean));
    }

    public static double[] Activate(Activation activation, double[] z)
    {
        if (activation == Activation.Softmax)
        {
            double max = z.Max(), sum = z.Sum(v => Math.Exp(v - max));
            return z.Select(v => Math.Exp(v - max) / sum).ToArray();
        }

        return z.Select(v => activation switch
        {
            Activation.Identity => v,
            Activation.Sigmoid => 1 / (1 + Math.Exp(-v)),
            Activation.Tanh => Math.Tanh(v),
            Activation.ReLU => Math.Max(0, v),
            Activation.LeakyReLU => v > 0 ? v : 0.01 * v,
            Activation.GELU => 0.5 * v * (1 + Erf(v / Math.Sqrt(2))),
            Activation.SiLU => v / (1 + Math.Exp(-v)),
            Activation.ELU => v > 0 ? v : Math.Exp(v) - 1,
            Activation.Softplus => Math.Log(1 + Math.Exp(v)),
            Activation.Mish => v * Math.Tanh(Math.Log(1 + Math.Exp(v))),
            _ => throw new ArgumentOutOfRangeException(nameof(activation)),
        }).ToArray();
    }

    /// <summary>erf in double: its Taylor series for |x| ≤ 2, the continued fraction of erfc beyond.</summary>
    public static double Erf(double x)
    {
        double ax = Math.Abs(x);
        if (ax <= 2)
        {
            double sum = 0, term = x;
            for (int n = 0; n < 60; n++)
            {
                sum += term / (2 * n + 1);
                term *= -x * x / (n + 1);
            }

            return 2 / Math.Sqrt(Math.PI) * sum;
        }

        double f = ax;
        for (int n = 80; n >= 1; n--) f = ax + n / 2.0 / f;
        double erfc = Math.Exp(-ax * ax) / (Math.Sqrt(Math.PI) * f);
        return Math.Sign(x) * (1 - erfc);
    }
}
