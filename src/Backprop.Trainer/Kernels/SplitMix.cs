using System.Runtime.CompilerServices;

namespace Backprop.Kernels;

/// <summary>SplitMix64's finaliser, the one mixing function of the counter-based draws (dropout masks, the validation split).</summary>
internal static class SplitMix
{
    /// <summary>A bijective mix of 64 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
