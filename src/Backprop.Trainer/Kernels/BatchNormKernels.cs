using System.Runtime.CompilerServices;
namespace Backprop.Kernels;

/// <summary>
/// Batch normalisation per feature over the rows of a batch: x̂ = (x − μ)·r, y = γ ⊙ x̂ + β, with μ, σ² the batch's
/// mean and biased variance in training (r = 1/√(σ² + ε)) and the running statistics in inference. Forward and backward
/// side by side; the training forward keeps μ and r per feature and moves the running statistics.
/// </summary>
public static class BatchNormKernels
{
    /// <summary>Inference: y = γ ⊙ (x − running mean)/√(running variance + ε) + β; <paramref name="output"/> may be <paramref name="input"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ForwardInference(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> gain, ReadOnlySpan<float> shift,
        ReadOnlySpan<float> runningMean, ReadOnlySpan<float> runningVariance, int rows, int width, float epsilon)
    {
        for (int j = 0; j < width; j++)
        {
            float reciprocal = (float)(1.0 / Math.Sqrt(runningVariance[j] + (double)epsilon)), mean = runningMean[j];
            for (int i = j; i < rows * width; i += width) output[i] = gain[j] * ((input[i] - mean) * reciprocal) + shift[j];
        }
    }

    /// <summary>
    /// Training: per feature, μ and σ² of the batch's rows, y = γ ⊙ (x − μ)·r + β; keeps μ in <paramref name="batchMean"/> and r
    /// in <paramref name="batchReciprocal"/>; moves the running statistics by <paramref name="momentum"/> (the variance with the
    /// unbiased batch variance). A batch of one row leaves the running statistics as they are.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ForwardTraining(ReadOnlySpan<float> input, Span<float> output, ReadOnlySpan<float> gain, ReadOnlySpan<float> shift,
        Span<float> batchMean, Span<float> batchReciprocal, Span<float> runningMean, Span<float> runningVariance, int rows, int width,
        float epsilon, float momentum)
    {
        for (int j = 0; j < width; j++)
        {
            double sum = 0;
            for (int i = j; i < rows * width; i += width) sum += input[i];
            double mean = sum / rows, squares = 0;
            for (int i = j; i < rows * width; i += width) squares += (input[i] - mean) * (input[i] - mean);
            double variance = squares / rows;
            float reciprocal = (float)(1.0 / Math.Sqrt(variance + epsilon));
            batchMean[j] = (float)mean;
            batchReciprocal[j] = reciprocal;
            for (int i = j; i < rows * width; i += width) output[i] = gain[j] * ((input[i] - (float)mean) * reciprocal) + shift[j];
            if (rows > 1)
            {
                runningMean[j] = (float)((1 - momentum) * runningMean[j] + momentum * mean);
                runningVariance[j] = (float)((1 - momentum) * runningVariance[j] + momentum * squares / (rows - 1));
            }
        }
    }

    /// <summary>
    /// Backward, from ∂C/∂y: ∂γ += Σᵢ ∂yᵢ x̂ᵢ; ∂β += Σᵢ ∂yᵢ; and, unless <paramref name="inputDelta"/> is empty,
    /// ∂xᵢ = (γ r / N)(N ∂yᵢ − Σ ∂y − x̂ᵢ Σ ∂y x̂) per feature, N being the rows.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> outputDelta, ReadOnlySpan<float> gain,
        ReadOnlySpan<float> batchMean, ReadOnlySpan<float> batchReciprocal, Span<float> gainGradients, Span<float> shiftGradients,
        Span<float> inputDelta, int rows, int width)
    {
        for (int j = 0; j < width; j++)
        {
            float mean = batchMean[j], reciprocal = batchReciprocal[j];
            double sumDy = 0, sumDyX = 0;
            for (int i = j; i < rows * width; i += width)
            {
                float xHat = (input[i] - mean) * reciprocal;
                sumDy += outputDelta[i];
                sumDyX += outputDelta[i] * xHat;
            }

            gainGradients[j] += (float)sumDyX;
            shiftGradients[j] += (float)sumDy;
            if (inputDelta.IsEmpty) continue;
            float factor = gain[j] * reciprocal / rows, meanDy = (float)sumDy, meanDyX = (float)sumDyX;
            for (int i = j; i < rows * width; i += width)
            {
                float xHat = (input[i] - mean) * reciprocal;
                inputDelta[i] = factor * (rows * outputDelta[i] - meanDy - xHat * meanDyX);
            }
        }
    }
}
