namespace Backprop.Schedules;

/// <summary>How <see cref="OneCycle"/> moves between its rates (PyTorch's <c>anneal_strategy</c>).</summary>
public enum AnnealStrategy
{
    /// <summary>end + (start − end)(1 + cos(π p)) / 2 for the fraction p of the phase (PyTorch's <c>'cos'</c>).</summary>
    Cosine,

    /// <summary>start + (end − start) p (PyTorch's <c>'linear'</c>).</summary>
    Linear,
}

/// <summary>
/// The one-cycle policy (Smith and Topin, 2018), PyTorch's <c>torch.optim.lr_scheduler.OneCycleLR</c> (two phases) with
/// one step per epoch: the rate rises from η_max / <see cref="DivFactor"/> to η_max over the first
/// <see cref="PctStart"/> of the <see cref="TotalEpochs"/>, then falls to η_max / (DivFactor · <see cref="FinalDivFactor"/>)
/// at the last epoch.
/// </summary>
/// <remarks>
/// <para>As PyTorch computes it, with T = TotalEpochs: phase 1 ends at step s₁ = PctStart·T − 1 and phase 2 at T − 1;
/// epoch t ≤ s₁ takes the fraction p = t / s₁ of phase 1 (initial → max), a later epoch p = (t − s₁)/(T − 1 − s₁) of
/// phase 2 (max → final), each annealed by <see cref="Strategy"/>. When s₁ is exactly 0 (PyTorch fails there on 0/0)
/// epoch 0 takes η_max.</para>
/// <para>Per-epoch granularity: the trainer's schedules give one rate per epoch, so the cycle is counted in epochs
/// (PyTorch usually steps it per mini-batch, with total_steps = epochs × batches). Set the run's Epochs to TotalEpochs;
/// an epoch at or past TotalEpochs is an error, as stepping past total_steps is in PyTorch. PyTorch's momentum cycling
/// (cycle_momentum) and three_phase are not provided. Computed in double.</para>
/// </remarks>
public sealed class OneCycle : ILearningRateSchedule
{
    /// <summary>Creates the schedule; the defaults are PyTorch's.</summary>
    /// <param name="totalEpochs">T ≥ 1, the epochs of the cycle (PyTorch's <c>total_steps</c>, here in epochs).</param>
    /// <param name="maxRate">η_max, the peak rate (PyTorch's <c>max_lr</c>); null (the default) takes the base rate of the training options.</param>
    /// <param name="pctStart">The fraction of the cycle spent rising, in (0, 1) (PyTorch's <c>pct_start</c>).</param>
    /// <param name="divFactor">The initial rate is η_max / divFactor, divFactor ≥ 1 (PyTorch's <c>div_factor</c>).</param>
    /// <param name="finalDivFactor">The final rate is the initial rate / finalDivFactor, finalDivFactor ≥ 1 (PyTorch's <c>final_div_factor</c>).</param>
    /// <param name="strategy">Cosine (the default) or linear annealing within each phase.</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is out of its range (the message names it and the range).</exception>
    public OneCycle(int totalEpochs, float? maxRate = null, float pctStart = 0.3f, float divFactor = 25f, float finalDivFactor = 1e4f,
        AnnealStrategy strategy = AnnealStrategy.Cosine)
    {
        if (totalEpochs < 1) throw new ArgumentOutOfRangeException(nameof(totalEpochs), totalEpochs, "OneCycle: the cycle length (totalEpochs) must be at least 1 epoch.");
        if (maxRate is float max && (!(max > 0f) || !float.IsFinite(max)))
            throw new ArgumentOutOfRangeException(nameof(maxRate), maxRate, "OneCycle: the peak rate (maxRate) must be a positive finite number, or null for the base rate.");
        if (!(pctStart > 0f && pctStart < 1f)) throw new ArgumentOutOfRangeException(nameof(pctStart), pctStart, "OneCycle: the rising fraction (pctStart) must be in (0, 1).");
        if (!(divFactor >= 1f) || !float.IsFinite(divFactor))
            throw new ArgumentOutOfRangeException(nameof(divFactor), divFactor, "OneCycle: the initial division (divFactor) must be a finite number of at least 1.");
        if (!(finalDivFactor >= 1f) || !float.IsFinite(finalDivFactor))
            throw new ArgumentOutOfRangeException(nameof(finalDivFactor), finalDivFactor, "OneCycle: the final division (finalDivFactor) must be a finite number of at least 1.");
        if (!Enum.IsDefined(strategy)) throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "OneCycle: the annealing (strategy) must be AnnealStrategy.Cosine or AnnealStrategy.Linear.");
        TotalEpochs = totalEpochs;
        MaxRate = maxRate;
        PctStart = pctStart;
        DivFactor = divFactor;
        FinalDivFactor = finalDivFactor;
        Strategy = strategy;
    }

    /// <summary>T, the epochs of the cycle.</summary>
    public int TotalEpochs { get; }

    /// <summary>η_max, the peak rate; null takes the base rate.</summary>
    public float? MaxRate { get; }

    /// <summary>The fraction of the cycle spent rising.</summary>
    public float PctStart { get; }

    /// <summary>η_max / initial rate.</summary>
    public float DivFactor { get; }

    /// <summary>Initial rate / final rate.</summary>
    public float FinalDivFactor { get; }

    /// <summary>How each phase is annealed.</summary>
    public AnnealStrategy Strategy { get; }

    /// <inheritdoc />
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> is negative or at least <see cref="TotalEpochs"/>.</exception>
    public float LearningRate(float baseRate, int epoch)
    {
        if (epoch < 0 || epoch >= TotalEpochs)
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch,
                $"OneCycle: the cycle lasts totalEpochs = {TotalEpochs} epochs (0 to {TotalEpochs - 1}) and was asked for the rate of epoch {epoch} (epoch number {(long)epoch + 1}); set totalEpochs to the run's Epochs.");
        double max = MaxRate ?? baseRate, initial = max / DivFactor, final = initial / FinalDivFactor;
        double rising = (double)PctStart * TotalEpochs - 1, last = TotalEpochs - 1;
        if (epoch <= rising) return (float)Anneal(initial, max, rising > 0 ? epoch / rising : 1);
        return (float)Anneal(max, final, (epoch - rising) / (last - rising));
    }

    private double Anneal(double start, double end, double fraction) => Strategy switch
    {
        AnnealStrategy.Cosine => end + (start - end) / 2 * (Math.Cos(Math.PI * fraction) + 1),
        AnnealStrategy.Linear => (end - start) * fraction + start,
        _ => throw new InvalidOperationException($"Unknown anneal strategy {Strategy}."),
    };
}
