using System.Runtime.CompilerServices;
namespace Backprop.Kernels;

/// <summary>
/// Layer normalisation over each row of <c>width</c> features: x̂ = (x − μ)·r with μ the row's mean and r = 1/√(σ² + ε)
/// (σ² the biased variance), y = γ ⊙ x̂ + β. Forward and backward side by side; the training forward keeps μ and r per row.
/// </summary>
public static class LayerNormKernels
{
    /// <summary>Inference: y = γ ⊙ (x − μ)·r + β for every row; <paramref name="output"/> may be <paramref name="input"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> gain, ReadOnlySpan<float> shift, int width, float epsilon)
    {
        for (int start = 0; start + width <= output.Length; start += width)
        {
            (float mean, float reciprocal) = Statistics(input.Slice(start, width), epsilon);
            Normalize(input.Slice(start, width), output.Slice(start, width), gain, shift, mean, reciprocal);
        }
    }

    /// <summary>Training: as <see cref="Forward"/>, keeping each row's μ in <paramref name="means"/> and r in <paramref name="reciprocalDeviations"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ForwardTraining(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> gain, ReadOnlySpan<float> shift,
        Span<float> means, Span<float> reciprocalDeviations, int width, float epsilon)
    {
        for (int row = 0, start = 0; start + width <= output.Length; row++, start += width)
        {
            (float mean, float reciprocal) = Statistics(input.Slice(start, width), epsilon);
            means[row] = mean;
            reciprocalDeviations[row] = reciprocal;
            Normalize(input.Slice(start, width), output.Slice(start, width), gain, shift, mean, reciprocal);
        }
    }

    /// <summary>
    /// Backward, from ∂C/∂y (<paramref name="outputDelta"/>): ∂γ += Σ rows ∂y ⊙ x̂; ∂β += Σ rows ∂y; and, unless
    /// <paramref name="inputDelta"/> is empty, ∂x = r·(g − mean(g) − x̂·mean(g ⊙ x̂)) with g = ∂y ⊙ γ.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> outputDelta, ReadOnlySpan<float> gain,
        ReadOnlySpan<float> means, ReadOnlySpan<float> reciprocalDeviations, Span<float> gainGradients, Span<float> shiftGradients,
        Span<float> inputDelta, int width)
    {
        for (int row = 0, start = 0; start + width <= outputDelta.Length; row++, start += width)
        {
            float mean = means[row], reciprocal = reciprocalDeviations[row];
            double sumG = 0, sumGX = 0;
            for (int j = 0; j < width; j++)
            {
                float xHat = (input[start + j] - mean) * reciprocal, dy = outputDelta[start + j];
                gainGradients[j] += dy * xHat;
                shiftGradients[j] += dy;
                float g = dy * gain[j];
                sumG += g;
                sumGX += g * xHat;
            }

            if (inputDelta.IsEmpty) continue;
            float meanG = (float)(sumG / width), meanGX = (float)(sumGX / width);
            for (int j = 0; j < width; j++)
            {
                float xHat = (input[start + j] - mean) * reciprocal;
                inputDelta[start + j] = reciprocal * (outputDelta[start + j] * gain[j] - meanG - xHat * meanGX);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (float Mean, float Reciprocal) Statistics(ReadOnlySpan<float> row, float epsilon)
    {
        double sum = 0;
        foreach (float v in row) sum += v;
        double mean = sum / row.Length, squares = 0;
        foreach (float v in row) squares += (v - mean) * (v - mean);
        return ((float)mean, (float)(1.0 / Math.Sqrt(squares / row.Length + epsilon)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Normalize(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> gain, ReadOnlySpan<float> shift, float mean, float reciprocal)
    {
        for (int j = 0; j < output.Length; j++) output[j] = gain[j] * ((input[j] - mean) * reciprocal) + shift[j];
    }
}
