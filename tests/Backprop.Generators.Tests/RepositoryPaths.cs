using System.Runtime.CompilerServices;

namespace Backprop.Generators.Tests;

/// <summary>Files of the repository, found from this source file's path (so the tests read the working tree, not a copy).</summary>
internal static class RepositoryPaths
{
    public static string DiagnosticsDocs => Combine("docs", "diagnostics.md");

    private static string Combine(string folder, string file, [CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", folder, file));
}
