using System.Runtime.CompilerServices;
namespace Backprop.Kernels;

/// <summary>
/// Root-mean-square normalisation over each row of <c>width</c> features: x̂ = x·r with r = 1/√(mean(x²) + ε) (no
/// centring), y = γ ⊙ x̂ (no shift). Forward and backward side by side; the training forward keeps r per row. One row is
/// one sample, so the per-sample and batched passes call the same kernels with 1 or batchSize rows; nothing is allocated.
/// </summary>
public static class RMSNormKernels
{
    /// <summary>
    /// Inference: y = γ ⊙ x·r for every row. Shapes: input, output [rows × width], gain [width];
    /// <paramref name="output"/> may be <paramref name="input"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> gain, int width, float epsilon)
    {
        for (int start = 0; start + width <= output.Length; start += width)
            Normalize(input.Slice(start, width), output.Slice(start, width), gain, Reciprocal(input.Slice(start, width), epsilon));
    }

    /// <summary>
    /// Training: as <see cref="Forward"/>, keeping each row's r = 1/√(mean(x²) + ε) in <paramref name="reciprocals"/>.
    /// Shapes: input, output [rows × width], gain [width], reciprocals [rows].
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ForwardTraining(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> gain, Span<float> reciprocals, int width, float epsilon)
    {
        for (int row = 0, start = 0; start + width <= output.Length; row++, start += width)
        {
            float reciprocal = Reciprocal(input.Slice(start, width), epsilon);
            reciprocals[row] = reciprocal;
            Normalize(input.Slice(start, width), output.Slice(start, width), gain, reciprocal);
        }
    }

    /// <summary>
    /// Backward, from ∂C/∂y (<paramref name="outputDelta"/>): ∂γ += Σ rows ∂y ⊙ x̂; and, unless <paramref name="inputDelta"/>
    /// is empty, ∂x = r·(g − x̂·mean(g ⊙ x̂)) with g = ∂y ⊙ γ. Shapes: input, outputDelta, inputDelta [rows × width],
    /// gain, gainGradients [width], reciprocals [rows] (from <see cref="ForwardTraining"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> outputDelta, ReadOnlySpan<float> gain,
        ReadOnlySpan<float> reciprocals, Span<float> gainGradients, Span<float> inputDelta, int width)
    {
        for (int row = 0, start = 0; start + width <= outputDelta.Length; row++, start += width)
        {
            float reciprocal = reciprocals[row];
            double sumGX = 0;
            for (int j = 0; j < width; j++)
            {
                float xHat = input[start + j] * reciprocal, dy = outputDelta[start + j];
                gainGradients[j] += dy * xHat;
                sumGX += dy * gain[j] * xHat;
            }

            if (inputDelta.IsEmpty) continue;
            float meanGX = (float)(sumGX / width);
            for (int j = 0; j < width; j++)
            {
                float xHat = input[start + j] * reciprocal;
                inputDelta[start + j] = reciprocal * (outputDelta[start + j] * gain[j] - xHat * meanGX);
            }
        }
    }

    /// <summary>r = 1/√(mean(x²) + ε) of one row, the mean square summed in double.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static float Reciprocal(ReadOnlySpan<float> row, float epsilon)
    {
        double squares = 0;
        foreach (float v in row) squares += (double)v * v;
        return (float)(1.0 / Math.Sqrt(squares / row.Length + epsilon));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Normalize(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> gain, float reciprocal)
    {
        for (int j = 0; j < output.Length; j++) output[j] = gain[j] * (input[j] * reciprocal);
    }
}
