using System.Runtime.CompilerServices;
using Xunit;

namespace Backprop.Persistence.Tests;

/// <summary>
/// Files written by earlier releases keep loading. <c>Fixtures/SmallNet-v1.bpnw</c> was written by format version 1
/// (commit "Persistence tests: a format-1 fixture") for <c>RandomWeights.Fill(new SmallNet(), 1)</c>; it is never
/// regenerated. When the format moves on, add a fixture per version, and keep these.
/// </summary>
public class FormatFixtureTests
{
    private static string FixturePath(string name, [CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Fixtures", name);

    [Fact]
    public void A_version_1_file_keeps_loading_typed_untyped_and_into()
    {
        string path = FixturePath("SmallNet-v1.bpnw");
        float[] expected = RandomWeights.Fill(new SmallNet(), 1).Parameters;

        Assert.Equal(expected, NetworkFile.Load<SmallNet>(path).Parameters);
        using (FileStream stream = File.OpenRead(path))
        {
            INetwork untyped = NetworkFile.Load(stream);
            Assert.IsType<SmallNet>(untyped);
            Assert.Equal(expected, untyped.Parameters);
        }

        var target = new SmallNet();
        using (FileStream stream = File.OpenRead(path)) NetworkFile.LoadInto(target, stream);
        Assert.Equal(expected, target.Parameters);
    }

    [Fact]
    public void The_version_1_fixture_is_what_version_1_writes()
    {
        byte[] bytes = File.ReadAllBytes(FixturePath("SmallNet-v1.bpnw"));
        Assert.Equal(1, BitConverter.ToUInt16(bytes, 4));

        // Format 2 writes the same header and parameters, then a state count (0 here) before the checksum.
        byte[] current = NetworkFile.ToBytes(RandomWeights.Fill(new SmallNet(), 1));
        Assert.Equal(bytes.Length + 4, current.Length);
        Assert.Equal(bytes.AsSpan(6, bytes.Length - 10).ToArray(), current.AsSpan(6, bytes.Length - 10).ToArray());
        Assert.Equal(0, BitConverter.ToInt32(current, current.Length - 8));
    }
}
