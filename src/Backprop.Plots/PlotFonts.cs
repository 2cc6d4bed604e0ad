using ScottPlot;

namespace Backprop.Plots;

/// <summary>
/// The font every plot of this package is drawn with: DejaVu Sans, embedded in the assembly, so that labels render the
/// same on every machine, including one with no font installed (SkiaSharp's Linux assets bring none and find none there).
/// </summary>
public static class PlotFonts
{
    /// <summary>The family name under which the embedded font is registered with ScottPlot.</summary>
    public const string FamilyName = "DejaVu Sans";

    private static readonly Lazy<bool> Registered = new(Register, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Sets every label, tick, title and legend of <paramref name="plot"/> to the embedded font. The plots this package
    /// makes already use it; call this on a <see cref="Plot"/> of your own before adding it to a <see cref="Figure"/>.
    /// </summary>
    /// <param name="plot">The plot to restyle.</param>
    /// <returns>The same plot.</returns>
    public static Plot Apply(Plot plot)
    {
        ArgumentNullException.ThrowIfNull(plot);
        EnsureRegistered();
        plot.Font.Set(FamilyName);
        return plot;
    }

    /// <summary>Registers the embedded font with ScottPlot once per process (ahead of the system's fonts).</summary>
    internal static void EnsureRegistered() => _ = Registered.Value;

    private static bool Register()
    {
        Fonts.FontResolvers.Insert(0, new EmbeddedFontResolver(FamilyName));
        return true;
    }
}
