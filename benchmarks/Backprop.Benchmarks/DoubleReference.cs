namespace Backprop.Benchmarks;

/// <summary>
/// The anchors' SGD run in double precision, with plain loops and no generated code: the same initial weights
/// (widened from float32), the same batch order, the same float32 learning rate. Float32 implementations of a
/// workload differ from each other by summation order; this run tells how far each is from the exact answer.
/// Parameter layout as in the generated networks: per layer W[units × inputs] row-major, then b[units].
/// </summary>
public sealed class DoubleReference
{
    private enum Act { Sigmoid, Tanh, ReLU, Softmax }

    private readonly AnchorData _data;
    private readonly Act[] _activations;
    private readonly double[] _parameters;

    /// <summary>Where layer l's weights start in the flat parameter buffer (its biases follow them).</summary>
    private readonly int[] _offsets;

    public DoubleReference(AnchorData data)
    {
        _data = data;
        _activations = data.Name switch
        {
            "xor" => [Act.Sigmoid, Act.Sigmoid],
            "iris" => [Act.Tanh, Act.Softmax],
            "mnist" => [Act.ReLU, Act.Softmax],
            "wide" => [Act.ReLU, Act.ReLU, Act.Softmax],
            _ => throw new ArgumentException($"Unknown workload '{data.Name}'.", nameof(data)),
        };
        _parameters = Array.ConvertAll(data.InitialParameters, p => (double)p);
        int[] sizes = data.Sizes;
        _offsets = new int[sizes.Length - 1];
        for (int l = 0, offset = 0; l < _offsets.Length; offset += sizes[l + 1] * (sizes[l] + 1), l++) _offsets[l] = offset;
    }

    /// <summary>Trains for the workload's epochs and returns the mean loss over the training set.</summary>
    public double TrainAndMeasure()
    {
        var gradients = new double[_parameters.Length];
        int rows = _data.Rows, batch = _data.BatchSize;
        for (int epoch = 0; epoch < _data.Epochs; epoch++)
        {
            for (int start = 0; start < rows; start += batch)
            {
                int count = Math.Min(batch, rows - start);
                Array.Clear(gradients);
                for (int r = 0; r < count; r++)
                {
                    int row = _data.Order is null ? start + r : _data.Order[epoch * rows + start + r];
                    Sample(row, gradients);
                }

                double rate = _data.LearningRate / (double)count;
                for (int i = 0; i < _parameters.Length; i++) _parameters[i] -= rate * gradients[i];
            }
        }

        double sum = 0;
        for (int row = 0; row < rows; row++) sum += Sample(row, null);
        return sum / rows;
    }

    /// <summary>Forward and (when <paramref name="gradients"/> is given) backward for one row; returns its loss.</summary>
    private double Sample(int row, double[]? gradients)
    {
        int[] sizes = _data.Sizes;
        int layers = sizes.Length - 1;
        var a = new double[layers + 1][];
        a[0] = Array.ConvertAll(_data.Inputs.AsSpan(row * sizes[0], sizes[0]).ToArray(), x => (double)x);
        int[] offsets = _offsets;

        for (int l = 0; l < layers; l++)
        {
            int inputs = sizes[l], units = sizes[l + 1];
            var z = new double[units];
            for (int o = 0; o < units; o++)
            {
                double s = _parameters[offsets[l] + units * inputs + o];
                for (int i = 0; i < inputs; i++) s += _parameters[offsets[l] + o * inputs + i] * a[l][i];
                z[o] = s;
            }

            a[l + 1] = Activate(_activations[l], z);
        }

        double[] output = a[layers];
        ReadOnlySpan<float> target = _data.Targets.AsSpan(row * output.Length, output.Length);
        double loss = 0;
        var delta = new double[output.Length];
        for (int o = 0; o < output.Length; o++)
        {
            if (_activations[layers - 1] == Act.Softmax)
            {
                // Softmax + cross-entropy: δ = p − t.
                if (target[o] != 0) loss -= target[o] * Math.Log(output[o]);
                delta[o] = output[o] - target[o];
            }
            else
            {
                // ½(t − o)² through a sigmoid: δ = (o − t)·o(1 − o).
                loss += 0.5 * (target[o] - output[o]) * (target[o] - output[o]);
                delta[o] = (output[o] - target[o]) * Derivative(_activations[layers - 1], output[o]);
            }
        }

        if (gradients is null) return loss;
        for (int l = layers - 1; l >= 0; l--)
        {
            int inputs = sizes[l], units = sizes[l + 1];
            var previous = new double[inputs];
            for (int o = 0; o < units; o++)
            {
                gradients[offsets[l] + units * inputs + o] += delta[o];
                for (int i = 0; i < inputs; i++)
                {
                    gradients[offsets[l] + o * inputs + i] += delta[o] * a[l][i];
                    previous[i] += _parameters[offsets[l] + o * inputs + i] * delta[o];
                }
            }

            if (l > 0)
                for (int i = 0; i < inputs; i++) previous[i] *= Derivative(_activations[l - 1], a[l][i]);
            delta = previous;
        }

        return loss;
    }

    private static double[] Activate(Act activation, double[] z)
    {
        var a = new double[z.Length];
        switch (activation)
        {
            case Act.Sigmoid: for (int i = 0; i < z.Length; i++) a[i] = 1 / (1 + Math.Exp(-z[i])); break;
            case Act.Tanh: for (int i = 0; i < z.Length; i++) a[i] = Math.Tanh(z[i]); break;
            case Act.ReLU: for (int i = 0; i < z.Length; i++) a[i] = Math.Max(z[i], 0); break;
            default:
                double max = z.Max(), sum = 0;
                for (int i = 0; i < z.Length; i++) sum += a[i] = Math.Exp(z[i] - max);
                for (int i = 0; i < z.Length; i++) a[i] /= sum;
                break;
        }

        return a;
    }

    /// <summary>f′ written in terms of the activation's output a.</summary>
    private static double Derivative(Act activation, double a) => activation switch
    {
        Act.Sigmoid => a * (1 - a),
        Act.Tanh => 1 - a * a,
        _ => a > 0 ? 1 : 0,
    };
}
