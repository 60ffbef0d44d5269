using System;

namespace CorpusSdk.Analysis;

/// <summary>
/// CorpusSdk's default stemming, designed to keep Lucene's recall without its damage (docs/search.md):
/// a normalised word yields candidate forms that are all substrings of it — the word itself, the word
/// without one clitic prefix (ال, وال, بال, كال, فال, لل, ول, فل, وب, فب, و, ف, ب, ل, ك) when at least three
/// letters remain (four after a lone ك, which starts far more words as a root letter than as the
/// clitic "like": كيري is not ك + يرى, كامل is not ك + أمل), and either of those without one suffix
/// (ها هم هما كم نا ان ات ون ين يه ه ي, and ا) when at least three letters remain. Whether a suffix-stripped stem is kept is decided by the index builder,
/// which sees the whole corpus (see <see cref="IsStemAccepted"/>); at query time every candidate is
/// simply looked up, so a stem that was not indexed matches nothing.
/// </summary>
internal static class LightStemmer
{
    /// <summary>The most candidates one word can produce.</summary>
    public const int MaxCandidates = 64;

    /// <summary>The first <see cref="ArticleCount"/> prefixes are the article forms and لل (see <see cref="StemLetters"/>).</summary>
    private const int ArticleCount = 6;

    private static readonly string[] Prefixes =
    [
        "\u0648\u0627\u0644", "\u0641\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644", "\u0644\u0644", "\u0627\u0644",
        "\u0648\u0644", "\u0641\u0644", "\u0648\u0628", "\u0641\u0628", "\u0648", "\u0641", "\u0628", "\u0644", "\u0643",
    ];

    private static readonly string[] Suffixes =
    [
        "\u0647\u0645\u0627", "\u0647\u0627", "\u0647\u0645", "\u0643\u0645", "\u0646\u0627", "\u0627\u0646", "\u0627\u062A",
        "\u0648\u0646", "\u064A\u0646", "\u064A\u0647", "\u0647", "\u064A", "\u0627",
    ];

    /// <summary>What produced a candidate.</summary>
    public enum Form : byte
    {
        /// <summary>The normalised word itself.</summary>
        Word,

        /// <summary>The word without a clitic prefix.</summary>
        Prefixless,

        /// <summary>The word (or its prefixless form) without a suffix.</summary>
        Stem,

        /// <summary>A stem made by removing a final ا, which is kept only when another suffix made the same stem.</summary>
        StemWithoutAlef,
    }

    /// <summary>One candidate: a range of the normalised word.</summary>
    public readonly struct Candidate
    {
        public Candidate(int start, int length, Form form)
        {
            Start = start;
            Length = length;
            Form = form;
        }

        public int Start { get; }

        public int Length { get; }

        public Form Form { get; }
    }

    /// <summary>
    /// Writes the candidates of a normalised word into <paramref name="destination"/> (at least
    /// <see cref="MaxCandidates"/> long), without duplicates, the word itself first. Returns the count.
    /// </summary>
    public static int Candidates(ReadOnlySpan<char> word, Span<Candidate> destination)
    {
        int count = 0;
        Add(word, destination, ref count, new Candidate(0, word.Length, Form.Word));
        if (!IsArabicWord(word))
        {
            return count;
        }

        int bases = 1;
        foreach (string prefix in Prefixes)
        {
            int minimum = prefix.Length == 1 && prefix[0] == '\u0643' ? 4 : 3;
            if (word.Length - prefix.Length >= minimum && word.StartsWith(prefix.AsSpan()))
            {
                Add(word, destination, ref count, new Candidate(prefix.Length, word.Length - prefix.Length, Form.Prefixless));
            }
        }

        bases = count;
        for (int b = 0; b < bases; b++)
        {
            Candidate basis = destination[b];
            ReadOnlySpan<char> form = word.Slice(basis.Start, basis.Length);
            foreach (string suffix in Suffixes)
            {
                if (form.Length - suffix.Length >= 3 && form.EndsWith(suffix.AsSpan()))
                {
                    Form kind = suffix.Length == 1 && suffix[0] == '\u0627' ? Form.StemWithoutAlef : Form.Stem;
                    Add(word, destination, ref count, new Candidate(basis.Start, basis.Length - suffix.Length, kind));
                }
            }
        }

        return count;
    }

    /// <summary>
    /// The index builder's rule for a suffix-stripped stem: four letters or more are kept; a
    /// three-letter stem only when it also occurs in the corpus as a word or prefixless form
    /// (so كيري, بوتين, إيران keep their last letters); a stem made by dropping a final ا only when
    /// another suffix made the same stem (أمريكا meets الأمريكي at أمريك). <paramref name="length"/> is
    /// <see cref="StemLetters"/>: a leading article does not count (القوة → القو is a two-letter stem).
    /// </summary>
    public static bool IsStemAccepted(int length, Form form, bool attestedAsWord, bool madeByOtherSuffix) => form switch
    {
        Form.Word or Form.Prefixless => true,
        Form.StemWithoutAlef => madeByOtherSuffix && (length >= 4 || attestedAsWord),
        _ => length >= 4 || attestedAsWord,
    };

    /// <summary>
    /// The letters of a stem that count for <see cref="IsStemAccepted"/>: its length without a leading
    /// article (ال وال بال كال فال) or لل. The stem of the word itself keeps its article, so without this
    /// السنوات → السنو would meet السنوية → السنو, and القوات → القو would meet القوة → القو.
    /// </summary>
    public static int StemLetters(ReadOnlySpan<char> stem)
    {
        for (int i = 0; i < ArticleCount; i++)
        {
            string article = Prefixes[i];
            if (stem.Length > article.Length && stem.StartsWith(article.AsSpan()))
            {
                return stem.Length - article.Length;
            }
        }

        return stem.Length;
    }

    private static void Add(ReadOnlySpan<char> word, Span<Candidate> destination, ref int count, Candidate candidate)
    {
        if (count >= MaxCandidates)
        {
            return;
        }

        ReadOnlySpan<char> text = word.Slice(candidate.Start, candidate.Length);
        for (int i = 0; i < count; i++)
        {
            if (word.Slice(destination[i].Start, destination[i].Length).SequenceEqual(text))
            {
                return;
            }
        }

        destination[count++] = candidate;
    }

    private static bool IsArabicWord(ReadOnlySpan<char> word)
    {
        foreach (char c in word)
        {
            if (c < '\u0621' || c > '\u064A')
            {
                return false;
            }
        }

        return word.Length > 0;
    }
}
