using System.Text;
using CorpusSdk.Analysis;

namespace CorpusSdk.Generators.Text;

/// <summary>Small character facts the seed parser needs. Words are the analysis's (<c>CorpusSdk.Analysis.WordBreaker</c>), not defined here.</summary>
internal static class TextFacts
{
    /// <summary>The numeric value of an ASCII, Arabic-Indic or Extended Arabic-Indic digit, or -1.</summary>
    public static int DigitValue(char c)
    {
        if (c >= '0' && c <= '9')
        {
            return c - '0';
        }

        if (c >= '\u0660' && c <= '\u0669')
        {
            return c - '\u0660';
        }

        if (c >= '\u06F0' && c <= '\u06F9')
        {
            return c - '\u06F0';
        }

        return -1;
    }

    /// <summary>Bidi embedding, override and isolate controls (Trojan-source characters).</summary>
    public static bool IsBidiControl(char c) =>
        (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');

    /// <summary>
    /// A loose key for matching month names: each character folded as the search folds it
    /// (<see cref="ArabicNormalizer.Fold"/>: harakat, tatweel and joiners removed, alef forms, alef maqsura and
    /// ta marbuta folded, Latin lower-cased), inner white space collapsed.
    /// </summary>
    public static string FoldForLookup(string text)
    {
        var builder = new StringBuilder(text.Length);
        bool pendingSpace = false;
        foreach (char c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            char folded = ArabicNormalizer.Fold(c);
            if (folded == '\0')
            {
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(folded);
        }

        return builder.ToString();
    }
}
