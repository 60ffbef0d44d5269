using System;
using System.Globalization;

namespace CorpusSdk.Analysis;

/// <summary>
/// Splits text into words by the Unicode word-boundary rules (UAX #29) that Lucene's
/// StandardTokenizer applies: letters with their combining marks, digits, and the joins
/// <c>don't</c>, <c>U.S.A</c>, <c>1,000</c>, <c>١٬٠٠٠</c>. Punctuation, the Arabic comma, quotation marks
/// and brackets separate words. Supplementary-plane characters are not letters here.
/// Shared by the generator (index time) and the runtime (query time).
/// </summary>
internal static class WordBreaker
{
    /// <summary>Words longer than this are skipped, as Lucene does.</summary>
    public const int MaxWordLength = 255;

    private enum Kind : byte
    {
        Other,
        Letter,
        Numeric,
        MidLetter,
        MidNum,
        MidNumLet,
        SingleQuote,
        ExtendNumLet,
        Extend,
        Ideographic,
    }

    /// <summary>
    /// The number of words in <paramref name="text"/> as <see cref="Next"/> finds them, long ones included (each takes
    /// a position in the index). The one word count of CorpusSdk: <c>Article.WordCount</c> and the seed parser's
    /// block measures use it, so they count what the search sees.
    /// </summary>
    public static int Count(ReadOnlySpan<char> text)
    {
        int count = 0;
        int position = 0;
        while (Next(text, ref position, out _, out _))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// Finds the next word at or after <paramref name="position"/>. Returns false at the end.
    /// Words longer than <see cref="MaxWordLength"/> are still returned; callers skip them.
    /// </summary>
    public static bool Next(ReadOnlySpan<char> text, ref int position, out int start, out int length)
    {
        int i = position;
        while (i < text.Length)
        {
            Kind kind = Classify(text[i]);
            if (kind == Kind.Ideographic)
            {
                start = i;
                i = SkipExtend(text, i + 1);
                length = i - start;
                position = i;
                return true;
            }

            if (kind is Kind.Letter or Kind.Numeric or Kind.ExtendNumLet)
            {
                start = i;
                bool hasWordChar = kind != Kind.ExtendNumLet;
                Kind previous = kind;
                i = SkipExtend(text, i + 1);
                while (i < text.Length)
                {
                    Kind next = Classify(text[i]);
                    if (next is Kind.Letter or Kind.Numeric or Kind.ExtendNumLet)
                    {
                        hasWordChar |= next != Kind.ExtendNumLet;
                        previous = next;
                        i = SkipExtend(text, i + 1);
                        continue;
                    }

                    if (next is Kind.MidLetter or Kind.MidNum or Kind.MidNumLet or Kind.SingleQuote)
                    {
                        int after = SkipExtend(text, i + 1);
                        Kind following = after < text.Length ? Classify(text[after]) : Kind.Other;
                        bool letters = previous == Kind.Letter && following == Kind.Letter && next != Kind.MidNum;
                        bool numbers = previous == Kind.Numeric && following == Kind.Numeric && next != Kind.MidLetter;
                        if (letters || numbers)
                        {
                            previous = following;
                            i = SkipExtend(text, after + 1);
                            continue;
                        }
                    }

                    break;
                }

                if (hasWordChar)
                {
                    length = i - start;
                    position = i;
                    return true;
                }

                continue;
            }

            i++;
        }

        start = text.Length;
        length = 0;
        position = text.Length;
        return false;
    }

    private static int SkipExtend(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && Classify(text[i]) == Kind.Extend)
        {
            i++;
        }

        return i;
    }

    private static Kind Classify(char c)
    {
        if (c < 0x80)
        {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            {
                return Kind.Letter;
            }

            if (c >= '0' && c <= '9')
            {
                return Kind.Numeric;
            }

            return c switch
            {
                ':' => Kind.MidLetter,
                ',' or ';' => Kind.MidNum,
                '.' => Kind.MidNumLet,
                '\'' => Kind.SingleQuote,
                '_' => Kind.ExtendNumLet,
                _ => Kind.Other,
            };
        }

        switch (c)
        {
            case '\u00B7': case '\u0387': case '\u05F4': case '\u2027': case '\uFE13': case '\uFE55': case '\uFF1A':
                return Kind.MidLetter;
            case '\u037E': case '\u0589': case '\u060C': case '\u060D': case '\u066C': case '\u07F8': case '\u2044':
            case '\uFE10': case '\uFE14': case '\uFE50': case '\uFE54': case '\uFF0C': case '\uFF1B':
                return Kind.MidNum;
            case '\u2018': case '\u2019': case '\u2024': case '\uFE52': case '\uFF07': case '\uFF0E':
                return Kind.MidNumLet;
            case '\u066B':
                return Kind.Numeric;
            case '\u200C': case '\u200D':
                return Kind.Extend;
        }

        if (char.IsSurrogate(c))
        {
            return Kind.Other;
        }

        if ((c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || (c >= '\u3040' && c <= '\u30FF'))
        {
            return Kind.Ideographic;
        }

        switch (CharUnicodeInfo.GetUnicodeCategory(c))
        {
            case UnicodeCategory.UppercaseLetter:
            case UnicodeCategory.LowercaseLetter:
            case UnicodeCategory.TitlecaseLetter:
            case UnicodeCategory.ModifierLetter:
            case UnicodeCategory.OtherLetter:
            case UnicodeCategory.LetterNumber:
                return Kind.Letter;
            case UnicodeCategory.DecimalDigitNumber:
                return Kind.Numeric;
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.SpacingCombiningMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.Format:
                return Kind.Extend;
            case UnicodeCategory.ConnectorPunctuation:
                return Kind.ExtendNumLet;
            default:
                return Kind.Other;
        }
    }
}
