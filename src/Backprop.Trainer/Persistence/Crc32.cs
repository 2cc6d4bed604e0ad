namespace Backprop.Persistence;

/// <summary>CRC-32 (IEEE 802.3, as zip and PNG use): detects any single-bit error and all burst errors up to 32 bits.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = CreateTable();

    /// <summary>The CRC-32 of <paramref name="data"/>.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => Append(0, data);

    /// <summary>
    /// The CRC-32 of the bytes that gave <paramref name="crc"/> followed by <paramref name="data"/>: a file read in
    /// pieces is checked without holding it whole (<c>Append(Compute(a), b) == Compute(a + b)</c>).
    /// </summary>
    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        crc = ~crc;
        foreach (byte b in data) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] CreateTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }

        return table;
    }
}
