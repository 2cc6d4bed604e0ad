using Backprop.Training;

namespace Backprop.Trainer.Tests.Training;

/// <summary>The four XOR rows.</summary>
internal static class XorData
{
    public static readonly float[,] Inputs = { { 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 } };
    public static readonly float[,] Targets = { { 0 }, { 1 }, { 1 }, { 0 } };
    public static readonly float[,] OneHotTargets = { { 1, 0 }, { 0, 1 }, { 0, 1 }, { 1, 0 } };

    public static InMemorySamples Samples() => new(Inputs, Targets);

    public static InMemorySamples OneHotSamples() => new(Inputs, OneHotTargets);
}
