using System;
using System.IO;
using System.Text;

namespace CorpusSdk.Cli.Output;

/// <summary>
/// A write-only stream that decodes UTF-8 bytes into a <see cref="TextWriter"/>, so byte-oriented
/// writers (<see cref="System.Text.Json.Utf8JsonWriter"/>) can stream into the CLI's standard output
/// writer. A UTF-8 sequence split across writes is carried over by a stateful decoder.
/// </summary>
internal sealed class TextWriterStream : Stream
{
    private readonly TextWriter _output;
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetDecoder();
    private readonly char[] _chars = new char[4096];

    public TextWriterStream(TextWriter output) => _output = output;

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
        while (true)
        {
            _decoder.Convert(buffer, _chars, flush: false, out int bytesUsed, out int charsUsed, out bool completed);
            _output.Write(_chars, 0, charsUsed);
            buffer = buffer[bytesUsed..];
            if (completed && buffer.IsEmpty)
            {
                return;
            }
        }
    }

    public override void Flush() => _output.Flush();

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
