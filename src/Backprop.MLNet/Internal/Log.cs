using Microsoft.ML.Runtime;

namespace Backprop.MLNet.Internal;

/// <summary>Writes to an ML.NET channel, whose messages reach <c>MLContext.Log</c> subscribers.</summary>
internal static class Log
{
    public static void Info(IChannel channel, string message) =>
        channel.Info(MessageSensitivity.None, message);

    /// <summary>ML.NET's trainers write their per-iteration lines at Trace: seen with <c>MLContext.Log</c> at that level.</summary>
    public static void Trace(IChannel channel, string message) =>
        channel.Trace(MessageSensitivity.None, message);

    /// <summary>
    /// A Trace line formatted only when a listener reads it: ML.NET's channel message keeps the format and
    /// <paramref name="arguments"/> (this array itself, so nothing is allocated) and calls <c>string.Format</c> in its
    /// <c>Message</c> property, which <c>MLContext</c> reads only for a <c>Log</c> subscriber.
    /// </summary>
    public static void Trace(IChannel channel, object[] arguments) =>
        channel.Trace(MessageSensitivity.None, "{0}", arguments);

    public static void Warning(IChannel channel, string message) =>
        channel.Warning(MessageSensitivity.None, message);
}
