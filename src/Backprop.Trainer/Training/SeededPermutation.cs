using System.Runtime.CompilerServices;
namespace Backprop.Training;

/// <summary>
/// The Fisher–Yates permutation that <c>new Random(seed)</c> gives, without allocating: the seeded
/// <see cref="Random"/> is Knuth's subtractive generator (its .NET Framework-compatible algorithm, fixed for seeded
/// instances), reproduced here with its 56-value state on the stack, so that the trainer can shuffle every epoch
/// into a reused buffer in exactly the order <see cref="InMemorySamples"/> has always used.
/// </summary>
internal static class SeededPermutation
{
    /// <summary>Fills <paramref name="order"/> with a permutation of 0..order.Length−1 determined by <paramref name="seed"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // once per epoch: too rarely for tiering to promote it soon (on one CPU, seconds)
    public static void Fill(Span<int> order, int seed)
    {
        for (int i = 0; i < order.Length; i++) order[i] = i;
        var generator = new Generator(seed, stackalloc int[56]);
        for (int i = order.Length - 1; i > 0; i--)
        {
            int j = generator.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
    }

    /// <summary>System.Random's seeded algorithm (Net5CompatSeedImpl): Initialize, InternalSample, Sample, Next(max).</summary>
    private ref struct Generator
    {
        private readonly Span<int> _state;
        private int _next, _nextP;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public Generator(int seed, Span<int> state)
        {
            _state = state;
            int subtraction = seed == int.MinValue ? int.MaxValue : Math.Abs(seed);
            int mj = 161803398 - subtraction, mk = 1, ii = 0;
            state[55] = mj;
            for (int i = 1; i < 55; i++)
            {
                if ((ii += 21) >= 55) ii -= 55;
                state[ii] = mk;
                mk = mj - mk;
                if (mk < 0) mk += int.MaxValue;
                mj = state[ii];
            }

            for (int k = 1; k < 5; k++)
            {
                for (int i = 1; i < 56; i++)
                {
                    int n = i + 30;
                    if (n >= 55) n -= 55;
                    state[i] -= state[1 + n];
                    if (state[i] < 0) state[i] += int.MaxValue;
                }
            }

            _next = 0;
            _nextP = 21;
        }

        public int Next(int maxValue) => (int)(InternalSample() * (1.0 / int.MaxValue) * maxValue);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int InternalSample()
        {
            int next = _next, nextP = _nextP;
            if (++next >= 56) next = 1;
            if (++nextP >= 56) nextP = 1;
            int value = _state[next] - _state[nextP];
            if (value == int.MaxValue) value--;
            if (value < 0) value += int.MaxValue;
            _state[next] = value;
            _next = next;
            _nextP = nextP;
            return value;
        }
    }
}
