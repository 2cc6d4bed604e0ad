using Backprop.Training;

/// <summary>
/// Calls <paramref name="callback"/> on the training thread after every epoch, while the network holds that epoch's
/// weights (unlike <see cref="Progress{T}"/>, which posts to another thread later).
/// </summary>
internal sealed class EpochCallback(Action<EpochReport> callback) : IProgress<EpochReport>
{
    public void Report(EpochReport value) => callback(value);
}
