using Backprop.Initialization;
using Backprop.Schedules;

namespace Backprop.Training;

/// <summary>
/// Mini-batch training of any generated network: stream the samples, run the generated batched backward pass for the
/// mean gradient, add the L2 term, clip, step the optimizer; validate, stop early, report. Single-threaded and in a
/// fixed order, so the same seed and data give bit-identical weights.
/// </summary>
public static class NetworkTrainer
{
    /// <summary>Trains <paramref name="network"/> on <paramref name="data"/> (validation per <see cref="TrainingOptions.ValidationFraction"/>).</summary>
    /// <inheritdoc cref="Train{TNet}(TNet, ISampleSource, ISampleSource?, TrainingOptions)"/>
    public static TrainingHistory Train<TNet>(TNet network, ISampleSource data, TrainingOptions options)
        where TNet : INetwork<TNet> => Train(network, data, null, options);

    /// <summary>Trains <paramref name="network"/> in place and returns the history of the run.</summary>
    /// <param name="network">The network; its <see cref="INetwork.Parameters"/> are initialised (unless the scheme is None) and trained.</param>
    /// <param name="data">Training samples: InputCount inputs and OutputCount targets per sample.</param>
    /// <param name="validation">Validation samples, or null to split <paramref name="data"/> by <see cref="TrainingOptions.ValidationFraction"/>.</param>
    /// <param name="options">How to train.</param>
    /// <exception cref="ArgumentException">The data's sizes do not match the network, an option is out of range, or the schedule gives a rate that is not positive and finite.</exception>
    /// <exception cref="InvalidDataException">A sample holds NaN or ∞ (the message names the row), or there are no training samples; the network keeps the weights it had before the call.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or ∞; the network keeps the last good weights.</exception>
    /// <exception cref="OperationCanceledException">The options' token was cancelled; the network keeps the weights of the last completed step.</exception>
    public static TrainingHistory Train<TNet>(TNet network, ISampleSource data, ISampleSource? validation, TrainingOptions options)
        where TNet : INetwork<TNet>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        NetworkShape shape = TNet.Shape;
        CheckSizes(shape, data, nameof(data));
        if (validation is not null) CheckSizes(shape, validation, nameof(validation));
        else if (options.ValidationFraction > 0f) (data, validation) = SampleSplit.Create(data, options.ValidationFraction, options.Seed);
        if (options.EarlyStoppingPatience is not null && validation is null)
            throw new ArgumentException("EarlyStoppingPatience needs validation data: pass a validation source or set ValidationFraction.", nameof(options));

        CheckSchedule(options);

        // Bad data is found while streaming; when it is, the network gets back the weights it came in with.
        float[] original = network.Parameters.ToArray(), originalState = network.State.ToArray();
        try
        {
            ParameterInitializer.Initialize(shape, network.Parameters, options.Initialization, options.Seed);
            if (options.Initialization != InitializationScheme.None) ParameterInitializer.ResetState(shape, network.State);
            var run = new TrainingRun<TNet>(network, options, shape);
            run.Execute(data, validation);
            return run.History;
        }
        catch (InvalidDataException)
        {
            original.CopyTo(network.Parameters, 0);
            originalState.CopyTo(network.State, 0);
            throw;
        }
    }

    /// <summary>Asks the schedule for every epoch's rate up front, so a bad schedule fails before any training.</summary>
    private static void CheckSchedule(TrainingOptions options)
    {
        if (options.Schedule is not ILearningRateSchedule schedule) return;
        for (int epoch = 0; epoch < options.Epochs; epoch++)
        {
            float rate = schedule.LearningRate(options.LearningRate, epoch);
            if (!(rate > 0f) || !float.IsFinite(rate))
                throw new ArgumentException(
                    $"The learning-rate schedule {schedule.GetType().Name} gives {rate} for epoch {epoch + 1} (base rate {options.LearningRate}); every epoch's learning rate must be a positive finite number.",
                    nameof(options));
        }
    }

    private static void CheckSizes(NetworkShape shape, ISampleSource source, string name)
    {
        if (source.InputCount != shape.InputCount)
            throw new ArgumentException($"Network '{shape.Name}' takes {shape.InputCount} inputs but the {name} has {source.InputCount} per sample.", name);
        if (source.TargetCount != shape.OutputCount)
            throw new ArgumentException($"Network '{shape.Name}' has {shape.OutputCount} outputs but the {name} has {source.TargetCount} targets per sample.", name);
    }
}
