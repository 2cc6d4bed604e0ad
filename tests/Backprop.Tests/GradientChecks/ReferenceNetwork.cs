namespace Backprop.Tests.GradientChecks;

/// <summary>
/// An independent double-precision implementation of a dense network described by a <see cref="NetworkShape"/>:
/// forward pass and loss only, written straight from the definitions, for finite-difference checks.
/// </summary>
internal static class ReferenceNetwork
{
    public static double[] Forward(NetworkShape shape, double[] parameters, double[] input)
    {
        double[] a = input;
        foreach (LayerDescription layer in shape.Layers)
        {
            var z = new double[layer.Units];
            for (int o = 0; o < layer.Units; o++)
            {
                double sum = layer.HasBias ? parameters[layer.BiasOffset + o] : 0;
                for (int i = 0; i < layer.Inputs; i++) sum += parameters[layer.WeightOffset + o * layer.Inputs + i] * a[i];
                z[o] = sum;
            }

            a = Activate(layer.Activation, z);
        }

        return a;
    }

    public static double Loss(NetworkShape shape, double[] parameters, double[] input, double[] target)
    {
        double[] output = Forward(shape, parameters, input);
        double loss = 0;
        for (int i = 0; i < output.Length; i++)
        {
            double o = output[i], t = target[i];
            loss += shape.Loss switch
            {
                Backprop.Loss.SquaredError => 0.5 * (t - o) * (t - o),
                Backprop.Loss.MeanSquaredError => (t - o) * (t - o) / output.Length,
                Backprop.Loss.BinaryCrossEntropy => -(t * Math.Log(o) + (1 - t) * Math.Log(1 - o)),
                _ => t == 0 ? 0 : -t * Math.Log(o),
            };
        }

        return loss;
    }

    private static double[] Activate(Activation activation, double[] z)
    {
        var a = new double[z.Length];
        if (activation == Activation.Softmax)
        {
            double max = z.Max(), sum = z.Sum(v => Math.Exp(v - max));
            for (int i = 0; i < z.Length; i++) a[i] = Math.Exp(z[i] - max) / sum;
            return a;
        }

        for (int i = 0; i < z.Length; i++)
        {
            a[i] = activation switch
            {
                Activation.Identity => z[i],
                Activation.Sigmoid => 1 / (1 + Math.Exp(-z[i])),
                Activation.Tanh => Math.Tanh(z[i]),
                Activation.ReLU => Math.Max(0, z[i]),
                Activation.LeakyReLU => z[i] > 0 ? z[i] : 0.01 * z[i],
                _ => throw new ArgumentOutOfRangeException(nameof(activation)),
            };
        }

        return a;
    }
}
