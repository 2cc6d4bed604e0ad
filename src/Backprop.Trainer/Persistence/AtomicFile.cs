namespace Backprop.Persistence;

/// <summary>
/// Replaces a file all at once: the new content goes to a temporary file in the same folder, is flushed to disk, and
/// is then renamed over the target. A reader sees the old file or the new one, never a mix; when anything fails (a
/// full disk, a write error, no permission to rename) the temporary file is deleted and the old file is unchanged.
/// </summary>
internal static class AtomicFile
{
    /// <summary>How the temporary file is opened in production: created new, not shared.</summary>
    public static Stream OpenTemporary(string path) =>
        new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 4096, FileOptions.None);

    /// <summary>Writes <paramref name="contents"/> to <paramref name="path"/>, replacing it atomically.</summary>
    /// <param name="path">The target file.</param>
    /// <param name="contents">The complete new content.</param>
    /// <param name="openTemporary">Opens the temporary file for writing (a seam for tests that fail mid-write).</param>
    /// <param name="what">What is being saved, for the error message ("network 'IrisNet'").</param>
    /// <exception cref="IOException">The write or the rename failed; the message names the file, and the old file is unchanged.</exception>
    public static void Write(string path, byte[] contents, Func<string, Stream> openTemporary, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        string target = Path.GetFullPath(path);
        string folder = Path.GetDirectoryName(target) ?? throw new ArgumentException($"'{path}' is not a file path.", nameof(path));
        string temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (Stream stream = openTemporary(temporary))
            {
                stream.Write(contents);
                if (stream is FileStream file) file.Flush(flushToDisk: true);
                else stream.Flush();
            }

            File.Move(temporary, target, overwrite: true);
        }
        catch (Exception exception)
        {
            TryDelete(temporary);
            if (exception is IOException and not NetworkFileException)
                throw new IOException($"Saving {what} to '{target}' failed: {exception.Message} The previous file, if there was one, is unchanged.", exception);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The original failure is the one to report; a leftover ".tmp" file is harmless and never read.
        }
    }
}
