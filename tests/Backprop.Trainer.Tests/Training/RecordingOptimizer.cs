using Backprop.Optimizers;

namespace Backprop.Trainer.Tests.Training;

/// <summary>
/// Wraps an optimizer and records, for every step, the parameters before it, the gradient it was given and the
/// parameters after it; <see cref="AfterStep"/> lets a test act after step n (cancel, corrupt a weight).
/// </summary>
internal sealed class RecordingOptimizer(IOptimizer inner) : IOptimizer
{
    public List<float[]> Before { get; } = [];

    public List<float[]> Gradients { get; } = [];

    public List<float[]> After { get; } = [];

    public List<float> LearningRates { get; } = [];

    public Action<int, float[]>? AfterStep { get; init; }

    public int Resets { get; private set; }

    public void Reset(int parameterCount)
    {
        Resets++;
        inner.Reset(parameterCount);
    }

    public void Step(Span<float> parameters, ReadOnlySpan<float> gradients, float learningRate)
    {
        Before.Add(parameters.ToArray());
        Gradients.Add(gradients.ToArray());
        LearningRates.Add(learningRate);
        inner.Step(parameters, gradients, learningRate);
        float[] after = parameters.ToArray();
        AfterStep?.Invoke(After.Count + 1, after);
        after.CopyTo(parameters);
        After.Add(parameters.ToArray());
    }
}
