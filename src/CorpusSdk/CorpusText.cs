using System;

namespace CorpusSdk;

/// <summary>
/// A piece of corpus text: a view over the compiled data. Reading it (<see cref="Span"/>,
/// <see cref="Length"/>, comparisons) never allocates; <see cref="ToString"/> returns a
/// <see cref="string"/>, which allocates only when the text is a part of a larger stored string.
/// </summary>
public readonly struct CorpusText : IEquatable<CorpusText>
{
    private readonly string? _source;
    private readonly int _start;
    private readonly int _length;

    /// <summary>Wraps a whole string.</summary>
    /// <param name="text">The text.</param>
    public CorpusText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _source = text;
        _start = 0;
        _length = text.Length;
    }

    private CorpusText(string source, int start, int length)
    {
        _source = source;
        _start = start;
        _length = length;
    }

    /// <summary>The empty text.</summary>
    public static CorpusText Empty => default;

    /// <summary>The characters, without copying.</summary>
    public ReadOnlySpan<char> Span => _source is null ? default : _source.AsSpan(_start, _length);

    /// <summary>Number of UTF-16 code units.</summary>
    public int Length => _length;

    /// <summary>True when the text has no characters.</summary>
    public bool IsEmpty => _length == 0;

    /// <summary>A part of this text, without copying.</summary>
    /// <param name="start">Offset of the first character.</param>
    /// <param name="length">Number of characters.</param>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside this text.</exception>
    public CorpusText Slice(int start, int length)
    {
        if ((uint)start > (uint)_length || (uint)length > (uint)(_length - start))
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"The range [{start}, {start}+{length}) is outside a text of length {_length}.");
        }

        return length == 0 ? default : new CorpusText(_source!, _start + start, length);
    }

    /// <summary>The text as a string. Allocates unless the text is a whole stored string.</summary>
    public override string ToString()
    {
        if (_source is null)
        {
            return string.Empty;
        }

        return _start == 0 && _length == _source.Length ? _source : _source.Substring(_start, _length);
    }

    /// <summary>Ordinal comparison with another text.</summary>
    /// <param name="other">The other text.</param>
    public bool Equals(CorpusText other) => Span.SequenceEqual(other.Span);

    /// <summary>Ordinal comparison with characters.</summary>
    /// <param name="other">The characters.</param>
    public bool Equals(ReadOnlySpan<char> other) => Span.SequenceEqual(other);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj switch
    {
        CorpusText text => Equals(text),
        string s => Equals(s.AsSpan()),
        _ => false,
    };

    /// <inheritdoc/>
    public override int GetHashCode() => string.GetHashCode(Span, StringComparison.Ordinal);

    /// <summary>Ordinal equality.</summary>
    /// <param name="left">The first text.</param>
    /// <param name="right">The second text.</param>
    public static bool operator ==(CorpusText left, CorpusText right) => left.Equals(right);

    /// <summary>Ordinal inequality.</summary>
    /// <param name="left">The first text.</param>
    /// <param name="right">The second text.</param>
    public static bool operator !=(CorpusText left, CorpusText right) => !left.Equals(right);

    /// <summary>Same as <see cref="Span"/>.</summary>
    public ReadOnlySpan<char> AsSpan() => Span;
}
