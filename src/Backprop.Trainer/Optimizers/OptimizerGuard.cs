namespace Backprop.Optimizers;

/// <summary>Argument checks shared by the optimizers.</summary>
internal static class OptimizerGuard
{
    public static void SameLength(Span<float> parameters, ReadOnlySpan<float> gradients)
    {
        if (parameters.Length != gradients.Length)
            throw new ArgumentException($"The gradient has {gradients.Length} values but there are {parameters.Length} parameters.", nameof(gradients));
    }

    public static void StateSize(float[] state, int parameterCount, string optimizer)
    {
        if (state.Length != parameterCount)
            throw new InvalidOperationException($"{optimizer} was reset for {state.Length} parameters but is stepping {parameterCount}; call Reset(parameterCount) first.");
    }
}
