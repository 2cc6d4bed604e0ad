namespace Backprop.Training;

/// <summary>
/// The targets each loss is defined for, checked per row as samples are read: a target outside its loss's domain
/// gives a finite but meaningless loss (binary cross-entropy of a target 2 goes below zero) and trains towards nothing.
/// </summary>
internal static class TargetDomain
{
    /// <summary>How far from 1 a softmax target row may sum (float rounding of smoothed labels), as an absolute difference.</summary>
    public const float SumTolerance = 1e-3f;

    /// <summary>Throws unless <paramref name="target"/> (finite values, already checked) is in the domain of <paramref name="loss"/>.</summary>
    /// <param name="loss">The network's loss.</param>
    /// <param name="target">One row's targets.</param>
    /// <param name="row">The row number, for the message.</param>
    /// <exception cref="InvalidDataException">A target is outside the loss's domain; the message names the row, the value and the domain.</exception>
    /// <exception cref="NotSupportedException">The loss is not one this switch knows: every loss must state its domain here.</exception>
    public static void Check(Loss loss, ReadOnlySpan<float> target, long row)
    {
        switch (loss)
        {
            case Loss.SquaredError:
            case Loss.MeanSquaredError:
            case Loss.Huber:
            case Loss.MeanAbsoluteError:
                return; // regression: any finite target

            case Loss.BinaryCrossEntropy:
                for (int i = 0; i < target.Length; i++)
                    if (!(target[i] >= 0f && target[i] <= 1f))
                        throw new InvalidDataException(
                            $"Row {row}: target value {i} is {target[i]}; BinaryCrossEntropy needs targets in [0, 1] (a probability, or 0/1 for a label).");
                return;

            case Loss.SoftmaxCrossEntropy:
                double sum = 0;
                for (int i = 0; i < target.Length; i++)
                {
                    if (!(target[i] >= 0f && target[i] <= 1f))
                        throw new InvalidDataException(
                            $"Row {row}: target value {i} is {target[i]}; SoftmaxCrossEntropy needs targets in [0, 1] that sum to 1 (one-hot for a class label).");
                    sum += target[i];
                }

                if (Math.Abs(sum - 1) > SumTolerance)
                    throw new InvalidDataException(
                        $"Row {row}: the targets sum to {sum:G6}; SoftmaxCrossEntropy needs targets in [0, 1] that sum to 1 within {SumTolerance} (one-hot for a class label).");
                return;

            default:
                throw new NotSupportedException($"Loss {loss} has no target domain; state it in {nameof(TargetDomain)}.{nameof(Check)}.");
        }
    }
}
