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
    /// <remarks>
    /// <para>When training throws, the network holds, by exception:</para>
    /// <list type="bullet">
    /// <item><see cref="OperationCanceledException"/> (the options' token, or a sample source that was cancelled): the
    /// weights of the last completed step; a token cancelled before the call changes nothing.</item>
    /// <item><see cref="TrainingDivergedException"/>: the last weights that gave a finite loss, and the exception's
    /// <see cref="TrainingDivergedException.History"/> has the epochs completed before it.</item>
    /// <item>Any other exception (an <see cref="IOException"/> from a sample source in epoch 3 or in the stall check's pass
    /// after the last epoch, bad data found while streaming, a schedule that fails at a late epoch, an exception from the
    /// progress callback): the weights it had before the call. The exception itself propagates unchanged.</item>
    /// </list>
    /// </remarks>
    /// <param name="network">
    /// The network; its <see cref="INetwork.Parameters"/> are initialised (unless the scheme is None) and trained. A network
    /// declared without <c>Inputs</c> and created without an input count (<c>new MyNet()</c>) takes the data's.
    /// </param>
    /// <param name="data">Training samples: InputCount inputs and OutputCount targets per sample.</param>
    /// <param name="validation">Validation samples, or null to split <paramref name="data"/> by <see cref="TrainingOptions.ValidationFraction"/>.</param>
    /// <param name="options">How to train.</param>
    /// <remarks>
    /// A <see cref="NormalizeAttribute"/> layer is adapted before the first epoch: one pass over the training samples (not
    /// the validation ones) gives each feature's mean and variance. With <see cref="InitializationScheme.None"/> (training
    /// continues from the weights the network has) the statistics are kept as they are.
    /// </remarks>
    /// <exception cref="ArgumentException">The data's sizes do not match the network, an option is out of range, the batch buffers would exceed the largest array, or the schedule gives a rate that is not positive and finite.</exception>
    /// <exception cref="InvalidDataException">A sample holds NaN or ∞, or a target outside the loss's domain (the message names the row), or there are no training samples; the network keeps the weights it had before the call.</exception>
    /// <exception cref="TrainingDivergedException">The loss became NaN or ∞; the network keeps the last good weights.</exception>
    /// <exception cref="OperationCanceledException">The options' token was cancelled; the network keeps the weights of the last completed step.</exception>
    public static TrainingHistory Train<TNet>(TNet network, ISampleSource data, ISampleSource? validation, TrainingOptions options)
        where TNet : INetwork<TNet>
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        options.CancellationToken.ThrowIfCancellationRequested();
        if (TNet.InputCountFromData) network.EnsureInputCount(data.InputCount);
        NetworkShape shape = ((INetwork)network).Shape;
        CheckSizes(shape, data, nameof(data));
        if (validation is not null) CheckSizes(shape, validation, nameof(validation));
        long? rows = validation is null ? data.Count : data.Count is long n && validation.Count is long m ? Math.Max(n, m) : null;
        if (validation is null && options.ValidationFraction > 0f)
        {
            // In-memory rows are split into two parts over the same arrays (the streamed split's rows), so that epochs keep the array gather.
            (data, validation) = data is InMemorySamples memory
                ? memory.Split(options.ValidationFraction, options.Seed)
                : SampleSplit.Create(data, options.ValidationFraction, options.Seed);
        }
        if (options.EarlyStoppingPatience is not null && validation is null)
            throw new ArgumentException("EarlyStoppingPatience needs validation data: pass a validation source or set ValidationFraction.", nameof(options));

        options.Schedule?.Reset(); // a new run: a schedule with state starts afresh, before its first rates are checked
        CheckSchedule(options);

        // One rule for every failure but cancellation and divergence: the network gets back the weights it came in with.
        float[] original = network.Parameters.ToArray(), originalState = network.State.ToArray();
        TrainingRun<TNet>? run = null;
        try
        {
            ParameterInitializer.Initialize(shape, network.Parameters, options.Initialization, options.Seed);
            if (options.Initialization != InitializationScheme.None)
            {
                ParameterInitializer.ResetState(shape, network.State);
                // [Normalize] takes the mean and variance of the training data, once, before the first epoch.
                InputStatistics.Adapt(shape, network.State, data, options.CancellationToken);
            }

            // The weights the run starts from, for the stall check's flat-loss rule (once per run, never per step).
            float[]? start = options.StallWarnings ? network.Parameters.ToArray() : null, startState = options.StallWarnings ? network.State.ToArray() : null;
            run = new TrainingRun<TNet>(network, options, shape, rows);
            run.Execute(data, validation);
            if (start is not null) run.History.Warnings = StallCheck.Run(network, shape, start, startState!, data, run.History, options);
            return run.History;
        }
        catch (OperationCanceledException)
        {
            throw;
        }
        catch (TrainingDivergedException diverged)
        {
            diverged.History ??= run?.History;
            throw;
        }
        catch
        {
            original.CopyTo(network.Parameters, 0);
            originalState.CopyTo(network.State, 0);
            throw;
        }
    }

    /// <summary>Epochs whose learning rate is checked before training; later epochs are checked as they start.</summary>
    internal const int ScheduleEpochsCheckedUpFront = 10_000;

    /// <summary>
    /// Asks the schedule for the first epochs' rates up front, so a bad schedule fails before any training; the rest
    /// (Epochs may be int.MaxValue) are checked as each epoch starts.
    /// </summary>
    private static void CheckSchedule(TrainingOptions options)
    {
        if (options.Schedule is null) return;
        int epochs = Math.Min(options.Epochs, ScheduleEpochsCheckedUpFront);
        for (int epoch = 0; epoch < epochs; epoch++) options.LearningRateAt(epoch);
    }

    private static void CheckSizes(NetworkShape shape, ISampleSource source, string name)
    {
        if (source.InputCount != shape.InputCount)
            throw new ArgumentException($"Network '{shape.Name}' takes {shape.InputCount} inputs but the {name} has {source.InputCount} per sample.", name);
        if (source.TargetCount != shape.OutputCount)
            throw new ArgumentException($"Network '{shape.Name}' has {shape.OutputCount} outputs but the {name} has {source.TargetCount} targets per sample.", name);
    }
}
