namespace Backprop.Persistence.Tests;

/// <summary>
/// A read-only stream of <see cref="Length"/> bytes: <c>prefix</c>, then zeros, produced on demand (a 2 GB "file"
/// costs nothing). Counts the bytes handed out, so a test can prove that a loader stopped early.
/// </summary>
internal sealed class ZeroPaddedStream(byte[] prefix, long length, bool seekable) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => seekable;

    public override bool CanWrite => false;

    public override long Length => seekable ? length : throw new NotSupportedException();

    public override long Position
    {
        get => seekable ? BytesRead : throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = (int)Math.Min(buffer.Length, length - BytesRead);
        for (int i = 0; i < n; i++)
        {
            long at = BytesRead + i;
            buffer[i] = at < prefix.Length ? prefix[at] : (byte)0;
        }

        BytesRead += n;
        return n;
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>
/// A file stream on a disk that fills up: the first <c>capacity</c> bytes are written (so the file is partly there),
/// then every write, or the flush, fails with "No space left on device".
/// </summary>
internal sealed class DiskFullStream(Stream inner, long capacity, bool failOnFlush = false) : Stream
{
    private long _written;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        int fits = (int)Math.Min(buffer.Length, capacity - _written);
        inner.Write(buffer[..fits]);
        _written += fits;
        if (fits < buffer.Length) throw new IOException("No space left on device");
    }

    public override void Flush()
    {
        inner.Flush();
        if (failOnFlush) throw new IOException("No space left on device");
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>A network of <see cref="SmallNet"/>'s shape whose weights cannot be read: saving it fails after the file is opened.</summary>
internal sealed class UnreadableNetwork : INetwork
{
    public NetworkShape Shape => SmallNet.Shape;

    public float[] Parameters => throw new IOException("The weights are on a device that went away.");

    public float[] Gradients => new float[SmallNet.ParameterCount];

    public void Forward(ReadOnlySpan<float> input, Span<float> output) => throw new NotSupportedException();

    public float Backward(ReadOnlySpan<float> input, ReadOnlySpan<float> target) => throw new NotSupportedException();
}
