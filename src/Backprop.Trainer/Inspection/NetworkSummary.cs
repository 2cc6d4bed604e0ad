using System.Globalization;
using System.Text;

namespace Backprop.Inspection;

/// <summary>
/// A table of a network's layers, like Keras's <c>model.summary()</c>: per layer its name, kind, output shape (per sample),
/// activation and parameter count (and state values, when the network has any), then the totals and the memory the
/// parameters take as float32.
/// </summary>
/// <example>
/// <code>
/// Console.WriteLine(NetworkSummary.Format(IrisNet.Shape));   // or IrisNet.Shape.Summary()
/// </code>
/// </example>
public static class NetworkSummary
{
    /// <summary>The summary of <paramref name="shape"/>, one line per layer, lines ended by <c>\n</c>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="shape"/> is null.</exception>
    public static string Format(NetworkShape shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        bool state = shape.StateCount > 0;
        var rows = new List<string[]> { new[] { "Layer", "Kind", "Output", "Activation", "Parameters" }.Concat(state ? ["State"] : Array.Empty<string>()).ToArray() };
        rows.Add(Row(state, "(input)", "Input", $"[{shape.InputCount}]", "", "0", "0"));
        foreach (LayerDescription layer in shape.Layers)
            rows.Add(Row(state, layer.Name, layer.Rules.SummaryKind(layer), $"[{layer.Units}]", layer.Rules.SummaryActivation(layer),
                Number(layer.ParameterCount), Number(layer.StateCount)));

        int[] widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        int total = widths.Sum() + 3 * (widths.Length - 1);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{shape.Name} (loss {shape.Loss})\n");
        Append(text, rows[0], widths);
        text.Append('─', total).Append('\n');
        foreach (string[] row in rows.Skip(1)) Append(text, row, widths);
        text.Append('─', total).Append('\n');
        text.Append(CultureInfo.InvariantCulture, $"Parameters: {Number(shape.ParameterCount)} ({ByteSize.Format(4L * shape.ParameterCount)} as float32; the gradients take as much again)\n");
        text.Append(CultureInfo.InvariantCulture, $"State values: {Number(shape.StateCount)}{(state ? $" ({ByteSize.Format(4L * shape.StateCount)}, running statistics, not trained)" : "")}\n");
        return text.ToString();
    }

    private static string[] Row(bool state, string name, string kind, string output, string activation, string parameters, string stateValues) =>
        state ? [name, kind, output, activation, parameters, stateValues] : [name, kind, output, activation, parameters];

    private static void Append(StringBuilder text, string[] row, int[] widths)
    {
        var line = new StringBuilder();
        for (int c = 0; c < row.Length; c++)
        {
            if (c > 0) line.Append("   ");
            bool numeric = c >= 4; // parameter and state counts align right
            line.Append(numeric ? row[c].PadLeft(widths[c]) : row[c].PadRight(widths[c]));
        }

        text.Append(line.ToString().TrimEnd()).Append('\n');
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
