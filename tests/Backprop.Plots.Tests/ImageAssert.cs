using System.Buffers.Binary;
using System.Xml.Linq;
using SkiaSharp;
using Xunit;

namespace Backprop.Plots.Tests;

/// <summary>Checks on the bytes of a PNG and the text of an SVG.</summary>
internal static class ImageAssert
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The PNG signature, an IHDR chunk first with the expected size, and a decodable image; returns the decoded bitmap.</summary>
    public static SKBitmap ValidPng(byte[] png, int width, int height)
    {
        Assert.True(png.Length > 33, $"a PNG of {png.Length} bytes is too short");
        Assert.Equal(PngSignature, png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        SKBitmap bitmap = SKBitmap.Decode(png) ?? throw new Xunit.Sdk.XunitException("SkiaSharp cannot decode the PNG.");
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        return bitmap;
    }

    /// <summary>At least <paramref name="minimum"/> distinct colours: the image is not blank or a flat fill.</summary>
    public static void ManyColours(SKBitmap bitmap, int minimum)
    {
        var colours = new HashSet<uint>();
        for (int y = 0; y < bitmap.Height; y += 2)
            for (int x = 0; x < bitmap.Width; x += 2)
                colours.Add((uint)bitmap.GetPixel(x, y));
        Assert.True(colours.Count >= minimum, $"the image has only {colours.Count} distinct colours (expected at least {minimum})");
    }

    /// <summary>An &lt;svg&gt; root in the SVG namespace with the expected width and height; returns the document.</summary>
    public static XDocument ValidSvg(string svg, int width, int height)
    {
        XDocument document = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(ns + "svg", document.Root!.Name);
        Assert.Equal(width.ToString(), document.Root.Attribute("width")?.Value);
        Assert.Equal(height.ToString(), document.Root.Attribute("height")?.Value);
        return document;
    }

    /// <summary>Whether a pixel is mostly red (class 1) or mostly blue (class 0).</summary>
    public static bool IsReddish(SKColor c) => c.Red > c.Blue + 40;

    /// <inheritdoc cref="IsReddish"/>
    public static bool IsBluish(SKColor c) => c.Blue > c.Red + 40;
}
