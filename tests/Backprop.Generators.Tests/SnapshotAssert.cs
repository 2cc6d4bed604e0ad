using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace Backprop.Generators.Tests;

/// <summary>
/// Snapshot testing in Verify's layout: <c>Snapshots/Name.verified.cs</c> next to the test is the accepted text; on a
/// mismatch the new text is written to <c>Name.received.cs</c> and the test fails with the first differing lines.
/// Set <c>BACKPROP_ACCEPT=1</c> to accept the received text as the new snapshot.
/// </summary>
internal static class SnapshotAssert
{
    public const string AcceptVariable = "BACKPROP_ACCEPT";

    public static void Matches(string name, string actual, [CallerFilePath] string testFile = "")
    {
        string folder = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        string verified = Path.Combine(folder, name + ".verified.cs");
        string received = Path.Combine(folder, name + ".received.cs");
        actual = actual.Replace("\r\n", "\n");
        string? expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }

        Directory.CreateDirectory(folder);
        File.WriteAllText(received, actual);
        throw new XunitException(expected is null
            ? $"No snapshot {verified} yet. The generated text is in {received}; run with {AcceptVariable}=1 to accept it."
            : $"Generated code differs from {verified} (new text in {received}; {AcceptVariable}=1 accepts it).\n{FirstDifference(expected, actual)}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] a = expected.Split('\n'), b = actual.Split('\n');
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            string left = i < a.Length ? a[i] : "<end of file>", right = i < b.Length ? b[i] : "<end of file>";
            if (left != right) return $"line {i + 1}:\n- {left}\n+ {right}";
        }

        return "(only line endings differ)";
    }
}
