using System.Runtime.CompilerServices;

namespace Backprop;

/// <summary>Argument checks shared by generated networks, with messages that name the network and both sizes.</summary>
public static class NetworkGuard
{
    /// <summary>Throws when <paramref name="actual"/> is not <paramref name="expected"/>.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Length(int actual, int expected, string network, string what,
        [CallerArgumentExpression(nameof(actual))] string? parameter = null)
    {
        if (actual != expected) Throw(actual, expected, network, what, parameter);
    }

    /// <summary>Throws when a batched span is too short for <paramref name="batchSize"/> rows of <paramref name="perRow"/>.</summary>
    /// <exception cref="ArgumentException">The span is too short or the batch size is not positive.</exception>
    public static void Batch(int actual, int batchSize, int perRow, string network, string what,
        [CallerArgumentExpression(nameof(actual))] string? parameter = null)
    {
        if (batchSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"{network}: the batch size must be positive.");
        if ((long)actual < (long)batchSize * perRow)
            throw new ArgumentException($"{network}: {what} has {actual} values; a batch of {batchSize} needs {(long)batchSize * perRow} ({batchSize} × {perRow}).", parameter);
    }

    /// <summary>Throws when a batched workspace is shorter than <paramref name="batchSize"/> × <paramref name="perRow"/> + <paramref name="fixedSize"/>.</summary>
    /// <exception cref="ArgumentException">The span is too short or the batch size is not positive.</exception>
    public static void Batch(int actual, int batchSize, int perRow, string network, string what, int fixedSize,
        [CallerArgumentExpression(nameof(actual))] string? parameter = null)
    {
        if (batchSize <= 0)
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"{network}: the batch size must be positive.");
        long needed = (long)batchSize * perRow + fixedSize;
        if (actual < needed)
            throw new ArgumentException($"{network}: {what} has {actual} values; a batch of {batchSize} needs {needed} ({batchSize} × {perRow} + {fixedSize}).", parameter);
    }

    private static void Throw(int actual, int expected, string network, string what, string? parameter) =>
        throw new ArgumentException($"{network}: {what} has {actual} values; expected {expected}.", parameter);
}
