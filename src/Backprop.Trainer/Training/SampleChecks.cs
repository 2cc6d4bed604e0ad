namespace Backprop.Training;

/// <summary>The checks every pass over samples makes, with the messages that name the row.</summary>
internal static class SampleChecks
{
    /// <summary>Throws when a value is NaN or ∞.</summary>
    /// <exception cref="InvalidDataException">A value is not finite; the message names the row, the value and its position.</exception>
    public static void Finite(ReadOnlySpan<float> values, long row, string what)
    {
        if (Backprop.Kernels.StepKernels.AllFinite(values)) return; // vectorised; the loop below finds the value to name
        for (int i = 0; i < values.Length; i++)
            if (!float.IsFinite(values[i]))
                throw new InvalidDataException(
                    $"Row {row}: {what} value {i} is {(float.IsNaN(values[i]) ? "NaN" : values[i] > 0 ? "+Infinity" : "-Infinity")}; every input and target must be a finite number.");
    }
}
