namespace Backprop.Persistence;

/// <summary>
/// The fields of a network file before its parameters, as read: small and bounded (two strings of at most 64 KiB),
/// so they are read and checked against the target network before any payload is allocated.
/// </summary>
/// <param name="Version">The format version (1 … <see cref="NetworkFile.FormatVersion"/>).</param>
/// <param name="TypeName">"Namespace.Type, Assembly" of the network that wrote the file.</param>
/// <param name="Signature">The shape signature, e.g. "in=4;Dense(16,Tanh,bias);…".</param>
/// <param name="Hash">FNV-1a 64 of the signature.</param>
/// <param name="InputCount">The declared input count.</param>
/// <param name="OutputCount">The declared output count.</param>
/// <param name="ParameterCount">The declared number of parameters that follow the header.</param>
/// <param name="PayloadOffset">The offset of the first parameter in the file.</param>
internal sealed record NetworkFileHeader(
    ushort Version, string TypeName, string Signature, ulong Hash, int InputCount, int OutputCount, int ParameterCount, long PayloadOffset);
