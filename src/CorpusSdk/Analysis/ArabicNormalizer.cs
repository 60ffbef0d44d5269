using System;

namespace CorpusSdk.Analysis;

/// <summary>
/// Normalisation of one word, in place or into a buffer (never allocates). Two flavours:
/// <see cref="Normalize"/> is CorpusSdk's (digits folded, tatweel, harakat and U+0670 removed, آ أ إ ٱ → ا,
/// ى → ي, ة → ه, Latin lower-cased); <see cref="NormalizeLucene"/> is exactly Lucene 4.8's ArabicNormalizer.
/// </summary>
internal static class ArabicNormalizer
{
    /// <summary>Writes the normalised form of <paramref name="word"/> into <paramref name="destination"/> (at least as long) and returns its length.</summary>
    public static int Normalize(ReadOnlySpan<char> word, Span<char> destination)
    {
        int length = 0;
        foreach (char c in word)
        {
            char folded = Fold(c);
            if (folded != '\0')
            {
                destination[length++] = folded;
            }
        }

        return length;
    }

    /// <summary>One character of <see cref="Normalize"/>; '\0' means "drop it".</summary>
    public static char Fold(char c)
    {
        if (c < 0x80)
        {
            return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }

        if (c >= '\u0660' && c <= '\u0669')
        {
            return (char)('0' + (c - '\u0660'));
        }

        if (c >= '\u06F0' && c <= '\u06F9')
        {
            return (char)('0' + (c - '\u06F0'));
        }

        switch (c)
        {
            case '\u0622': case '\u0623': case '\u0625': case '\u0671':
                return '\u0627';
            case '\u0649':
                return '\u064A';
            case '\u0629':
                return '\u0647';
            case '\u0640': case '\u0670':
                return '\0';
        }

        if ((c >= '\u064B' && c <= '\u065F') || (c >= '\u0610' && c <= '\u061A') || (c >= '\u06D6' && c <= '\u06ED'))
        {
            return '\0';
        }

        // Invisible joiners and direction marks inside a word carry no meaning for search.
        if (c is '\u200C' or '\u200D' or '\u200E' or '\u200F' or '\u061C' or '\uFEFF')
        {
            return '\0';
        }

        return ToLowerInvariant(c);
    }

    /// <summary>
    /// <c>char.ToLowerInvariant</c>, without the call for characters that have no case (ASCII is mapped here; Arabic,
    /// Syriac, Thaana, NKo and their presentation forms are returned as they are). Besides being faster, it keeps an Arabic
    /// query from loading ICU, which .NET does on the first culture-aware case mapping (~6 ms of a process's first answer).
    /// </summary>
    public static char ToLowerInvariant(char c)
    {
        if (c < 0x80)
        {
            return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c | 0x20) : c;
        }

        return (c >= '\u0600' && c <= '\u08FF') || (c >= '\uFB50' && c <= '\uFDFF') || (c >= '\uFE70' && c <= '\uFEFF')
            ? c
            : char.ToLowerInvariant(c);
    }

    /// <summary>Lucene 4.8 ArabicNormalizer, in place: returns the new length.</summary>
    public static int NormalizeLucene(Span<char> s, int length)
    {
        for (int i = 0; i < length; i++)
        {
            switch (s[i])
            {
                case '\u0622': case '\u0623': case '\u0625':
                    s[i] = '\u0627';
                    break;
                case '\u0649':
                    s[i] = '\u064A';
                    break;
                case '\u0629':
                    s[i] = '\u0647';
                    break;
                case '\u0640': case '\u064B': case '\u064C': case '\u064D': case '\u064E': case '\u064F': case '\u0650': case '\u0651': case '\u0652':
                    length = Delete(s, i, length);
                    i--;
                    break;
            }
        }

        return length;
    }

    internal static int Delete(Span<char> s, int position, int length)
    {
        if (position < length - 1)
        {
            s.Slice(position + 1, length - position - 1).CopyTo(s.Slice(position));
        }

        return length - 1;
    }
}
