using System.Globalization;

namespace Backprop.Inspection;

/// <summary>A byte count as people read it, in binary units: "1023 B", "1.5 KiB", "3 MiB", "2.25 GiB" (the summary and the ML.NET log).</summary>
internal static class ByteSize
{
    public static string Format(long bytes) => bytes switch
    {
        < 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KiB"),
        < 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):0.##} GiB"),
    };
}
