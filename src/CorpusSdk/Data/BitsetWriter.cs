using System;
using System.Runtime.CompilerServices;

namespace CorpusSdk;

/// <summary>
/// Sets bits of ascending values (articles) in a bitset, a word at a time: the word in hand collects its bits and is or-ed into the
/// set when the articles move past it (one write a word, not a read-modify-write a bit that waits for the last one).
/// </summary>
internal ref struct BitsetWriter
{
    private readonly Span<ulong> _set;
    private int _word;
    private ulong _bits;

    public BitsetWriter(Span<ulong> set)
    {
        _set = set;
        _word = -1;
    }

    /// <summary>Sets <paramref name="article"/>'s bit (articles ascend).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int article)
    {
        int word = article >> 6;
        if (word != _word)
        {
            Flush();
            _word = word;
        }

        _bits |= 1UL << article;
    }

    /// <summary>Writes the word in hand.</summary>
    public void Flush()
    {
        if (_word >= 0)
        {
            _set[_word] |= _bits;
        }

        _bits = 0;
    }
}
