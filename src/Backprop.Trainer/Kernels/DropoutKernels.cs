using System.Runtime.CompilerServices;
namespace Backprop.Kernels;

/// <summary>
/// Inverted dropout. The training forward keeps each value with probability 1 − rate, scaled by 1/(1 − rate), and stores
/// the factor (0 or 1/(1 − rate)) per value as the mask; backward multiplies by the mask. The mask of value i of layer
/// l is a pure function of (seed, l, i) — a counter-based generator — so it does not depend on threads or call order.
/// In inference dropout is the identity (no kernel).
/// </summary>
public static class DropoutKernels
{
    /// <summary>Training forward: output = input ⊙ mask, the mask drawn from (<paramref name="seed"/>, <paramref name="layer"/>, position).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ForwardTraining(ReadOnlySpan<float> input, Span<float> output, Span<float> mask, float rate, ulong seed, int layer)
    {
        float kept = 1f / (1f - rate);
        ulong stream = Stream(seed, layer);
        for (int i = 0; i < output.Length; i++)
        {
            float m = Uniform(stream, i) >= rate ? kept : 0f;
            mask[i] = m;
            output[i] = input[i] * m;
        }
    }

    /// <summary>Backward: ∂C/∂x = ∂C/∂y ⊙ mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Backward(ReadOnlySpan<float> mask, ReadOnlySpan<float> outputDelta, Span<float> inputDelta)
    {
        for (int i = 0; i < inputDelta.Length; i++) inputDelta[i] = outputDelta[i] * mask[i];
    }

    /// <summary>The mask value (0 or 1/(1 − rate)) of position <paramref name="index"/> of layer <paramref name="layer"/> for a step's seed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float MaskValue(ulong seed, int layer, int index, float rate) =>
        Uniform(Stream(seed, layer), index) >= rate ? 1f / (1f - rate) : 0f;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Stream(ulong seed, int layer) => Mix(seed ^ (0x9E3779B97F4A7C15UL * (ulong)(layer + 1)));

    /// <summary>A uniform number in [0, 1) for position <paramref name="index"/> of a stream (24 random bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float Uniform(ulong stream, int index) => (Mix(stream + 0xD1B54A32D192ED03UL * (ulong)(uint)index) >> 40) * (1f / (1 << 24));

    /// <summary>The key of one training step's masks, from the training seed and the step number.</summary>
    public static ulong StepSeed(int seed, long step) => Mix(Mix((ulong)(uint)seed) + (ulong)step);

    private static ulong Mix(ulong z) => SplitMix.Mix(z);
}
