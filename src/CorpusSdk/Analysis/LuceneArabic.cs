using System;

namespace CorpusSdk.Analysis;

/// <summary>
/// Lucene 4.8 ArabicAnalyzer after tokenisation, reproduced exactly: lower-case, drop the default
/// Arabic stop words (before normalisation, as Lucene does), ArabicNormalizer, then the Larkey
/// light10 ArabicStemmer. The stop word list is Lucene's (Apache License 2.0,
/// lucene/analysis/common/src/resources/org/apache/lucene/analysis/ar/stopwords.txt).
/// </summary>
internal static class LuceneArabic
{
    /// <summary>Lucene's default Arabic stop words, sorted ordinally for binary search.</summary>
    private static readonly string[] StopWords = Sorted(
    [
        "أ", "ألا", "أما", "أن", "أنت", "أنه", "أنها", "أو", "أى", "أي", "أيضا", "إذا", "إلا", "إلى", "إلي", "إما", "إن", "إنه",
        "إنها", "ا", "اذا", "الآن", "الا", "الان", "التى", "التي", "الذى", "الذي", "الذين", "الى", "الي", "اما", "ان", "انت",
        "انه", "انها", "او", "اى", "اي", "ايضا", "ب", "بأن", "بان", "بعد", "بعض", "به", "بها", "بين", "بينما", "تكون", "تلك",
        "ثم", "جميع", "حتى", "حيث", "خلال", "ذلك", "ضمن", "على", "عليه", "عليها", "عن", "عند", "عندما", "غير", "ف", "فأن",
        "فان", "فما", "فهو", "فهى", "فهي", "في", "فيه", "فيها", "قبل", "قد", "كان", "كانت", "كل", "كما", "لا", "لدى", "لك",
        "لكن", "لم", "لن", "له", "لها", "ما", "مع", "من", "منذ", "منه", "منها", "نحو", "هذا", "هذه", "هناك", "هو", "هى",
        "هي", "و", "وأن", "وإن", "وان", "وفي", "وكان", "وكانت", "وكل", "ولا", "ولم", "ولن", "وما", "ومن", "وهو", "وهى",
        "وهي", "يكون",
    ]);

    private static readonly string[] Prefixes = ["\u0627\u0644", "\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0641\u0627\u0644", "\u0644\u0644", "\u0648"];

    private static readonly string[] Suffixes =
    [
        "\u0647\u0627", "\u0627\u0646", "\u0627\u062A", "\u0648\u0646", "\u064A\u0646", "\u064A\u0647", "\u064A\u0629", "\u0647", "\u0629", "\u064A",
    ];

    private static string[] Sorted(string[] words)
    {
        Array.Sort(words, StringComparer.Ordinal);
        return words;
    }

    /// <summary>Number of stop words (Lucene's list has 119).</summary>
    public static int StopWordCount => StopWords.Length;

    /// <summary>
    /// Analyses one token as Lucene does. Writes the term into <paramref name="destination"/> (at least
    /// as long as the token) and returns its length, or -1 when the token is a stop word.
    /// </summary>
    public static int Analyze(ReadOnlySpan<char> token, Span<char> destination)
    {
        int length = token.Length;
        for (int i = 0; i < length; i++)
        {
            destination[i] = ArabicNormalizer.ToLowerInvariant(token[i]);
        }

        if (IsStopWord(destination.Slice(0, length)))
        {
            return -1;
        }

        length = ArabicNormalizer.NormalizeLucene(destination, length);
        length = StemPrefix(destination, length);
        return StemSuffix(destination, length);
    }

    /// <summary>
    /// Ordinal order of two words (the sign of <c>SequenceCompareTo</c>), as a plain loop: the framework's generic
    /// comparison over chars is one of the few methods a precompiled first query would otherwise still JIT.
    /// </summary>
    private static int CompareOrdinal(string a, ReadOnlySpan<char> b)
    {
        int length = Math.Min(a.Length, b.Length);
        for (int i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return a[i] - b[i];
            }
        }

        return a.Length - b.Length;
    }

    /// <summary>True for a word of Lucene's default Arabic stop set (exact, case already folded).</summary>
    public static bool IsStopWord(ReadOnlySpan<char> word)
    {
        int lo = 0;
        int hi = StopWords.Length - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            int order = CompareOrdinal(StopWords[mid], word);
            if (order == 0)
            {
                return true;
            }

            if (order < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return false;
    }

    private static int StemPrefix(Span<char> s, int length)
    {
        foreach (string prefix in Prefixes)
        {
            if (StartsWithCheckLength(s, length, prefix))
            {
                s.Slice(prefix.Length, length - prefix.Length).CopyTo(s);
                return length - prefix.Length;
            }
        }

        return length;
    }

    private static int StemSuffix(Span<char> s, int length)
    {
        foreach (string suffix in Suffixes)
        {
            if (EndsWithCheckLength(s, length, suffix))
            {
                length -= suffix.Length;
            }
        }

        return length;
    }

    private static bool StartsWithCheckLength(Span<char> s, int length, string prefix)
    {
        if (prefix.Length == 1 && length < 4)
        {
            return false;
        }

        if (length < prefix.Length + 2)
        {
            return false;
        }

        return s.Slice(0, length).StartsWith(prefix.AsSpan());
    }

    private static bool EndsWithCheckLength(Span<char> s, int length, string suffix)
    {
        if (length < suffix.Length + 2)
        {
            return false;
        }

        return s.Slice(0, length).EndsWith(suffix.AsSpan());
    }
}
