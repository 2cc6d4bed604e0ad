using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;

namespace Backprop;

/// <summary>
/// The <see cref="ActivationInfoAttribute"/> of every <see cref="Activation"/>: one table, read by the runtime and, compiled
/// into it with the enum, by the generator.
/// </summary>
#if BACKPROP_GENERATOR
internal
#else
public
#endif
static class ActivationTable
{
    private static readonly Dictionary<Activation, ActivationInfoAttribute> Table = typeof(Activation)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.GetCustomAttribute<ActivationInfoAttribute>() is not null)
        .ToDictionary(f => (Activation)f.GetValue(null)!, f => f.GetCustomAttribute<ActivationInfoAttribute>()!);

    /// <summary>The description of <paramref name="activation"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a declared activation.</exception>
    public static ActivationInfoAttribute Of(Activation activation) =>
        Table.TryGetValue(activation, out ActivationInfoAttribute? info)
            ? info
            : throw new ArgumentOutOfRangeException(nameof(activation), activation, "Unknown activation.");

    /// <summary>Whether <paramref name="activation"/> is a declared activation (a defined value with its description).</summary>
    public static bool IsKnown(Activation activation) => Table.ContainsKey(activation);

    /// <summary>Every declared activation.</summary>
    public static IEnumerable<Activation> All => Table.Keys;
}
