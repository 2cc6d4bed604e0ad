namespace Backprop.Persistence;

/// <summary>Why a network file could not be loaded.</summary>
public enum NetworkFileError
{
    /// <summary>The data does not start with the Backprop network magic number.</summary>
    NotANetworkFile,

    /// <summary>The file was written by a newer format version than this library reads.</summary>
    UnsupportedVersion,

    /// <summary>The data ends before the file does.</summary>
    Truncated,

    /// <summary>The content is inconsistent or fails its checksum.</summary>
    Corrupt,

    /// <summary>The file holds a network of another shape than the one being loaded.</summary>
    ShapeMismatch,

    /// <summary>The network type named in the file cannot be found or created.</summary>
    UnknownNetworkType,
}

/// <summary>A network file could not be loaded; nothing was written into any network.</summary>
public sealed class NetworkFileException : IOException
{
    /// <summary>Creates the exception.</summary>
    public NetworkFileException(NetworkFileError error, string message, Exception? inner = null)
        : base(message, inner) => Error = error;

    /// <summary>What is wrong with the file.</summary>
    public NetworkFileError Error { get; }
}
