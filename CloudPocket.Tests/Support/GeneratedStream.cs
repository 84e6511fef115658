using System.Security.Cryptography;

namespace CloudPocket.Tests.Support;

// A large, repeatable, non-seekable body produced on the fly, so a 200 MiB upload never sits in test memory.
// It hashes what it hands out, so the test knows the expected SHA-256 without a second pass.
public sealed class GeneratedStream(long length, int seed) : Stream
{
    private readonly Random _random = new(seed);
    private readonly IncrementalHash _sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private long _position;
    private string? _sha256Hex;

    // Known once the whole stream was read; HttpClient disposes request content after sending, so it is kept here.
    public string Sha256Hex => _sha256Hex ?? throw new InvalidOperationException("The stream was not read to its end.");

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position { get => _position; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = (int)Math.Min(buffer.Length, length - _position);
        _random.NextBytes(buffer[..count]);
        _sha256.AppendData(buffer[..count]);
        _position += count;
        if (_position == length && _sha256Hex is null)
        {
            _sha256Hex = Convert.ToHexStringLower(_sha256.GetHashAndReset());
        }

        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        Task.FromResult(Read(buffer.AsSpan(offset, count)));

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _sha256.Dispose();
        }

        base.Dispose(disposing);
    }
}
