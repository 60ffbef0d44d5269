using System;

namespace CorpusSdk.Analysis;

/// <summary>The analysis modes, in the order their indexes are stored (same values as <c>CorpusSdk.SearchMode</c>).</summary>
internal enum AnalysisMode
{
    Default = 0,
    Exact = 1,
    Normalized = 2,
    LuceneCompatible = 3,
}

/// <summary>One word of a text: its position and its range in the text.</summary>
internal readonly struct AnalyzedWord
{
    public AnalyzedWord(int position, int start, int length)
    {
        Position = position;
        Start = start;
        Length = length;
    }

    /// <summary>Word number in the text: every word counts, even one too long to index (as Lucene counts it).</summary>
    public int Position { get; }

    /// <summary>Offset of the word's first character.</summary>
    public int Start { get; }

    /// <summary>Number of characters.</summary>
    public int Length { get; }

    /// <summary>False for a word over <see cref="WordBreaker.MaxWordLength"/> characters: it has a position but no terms.</summary>
    public bool HasTerms => Length <= WordBreaker.MaxWordLength;
}

/// <summary>
/// The one analyzer of CorpusSdk, used at index time (the generator), at query time (the runtime) and by
/// the Lucene parity tests: words with their positions (<see cref="Next"/>), and the terms of a word in a
/// mode (<see cref="Terms"/>).
/// </summary>
internal ref struct TextAnalyzer
{
    /// <summary>The most terms one word yields in any mode.</summary>
    public const int MaxTerms = LightStemmer.MaxCandidates;

    private readonly ReadOnlySpan<char> _text;
    private int _cursor;
    private int _position;

    public TextAnalyzer(ReadOnlySpan<char> text)
    {
        _text = text;
        _cursor = 0;
        _position = 0;
    }

    /// <summary>The next word, or false at the end.</summary>
    public bool Next(out AnalyzedWord word)
    {
        if (!WordBreaker.Next(_text, ref _cursor, out int start, out int length))
        {
            word = default;
            return false;
        }

        word = new AnalyzedWord(_position++, start, length);
        return true;
    }

    /// <summary>
    /// Writes the terms of <paramref name="word"/> in <paramref name="mode"/>: the analysed form into
    /// <paramref name="chars"/> (at least <see cref="WordBreaker.MaxWordLength"/> long) and each term as a
    /// range of it into <paramref name="terms"/> (at least <see cref="MaxTerms"/> long), the word's own form first.
    /// Returns the number of terms, or -1 when the mode drops the word (a Lucene stop word). A Lucene token
    /// whose term is empty (a word of marks only) returns one empty term: Lucene indexes and counts it.
    /// </summary>
    public static int Terms(ReadOnlySpan<char> word, AnalysisMode mode, Span<char> chars, Span<LightStemmer.Candidate> terms)
    {
        if (word.Length > WordBreaker.MaxWordLength)
        {
            return 0;
        }

        switch (mode)
        {
            case AnalysisMode.Exact:
                word.CopyTo(chars);
                terms[0] = new LightStemmer.Candidate(0, word.Length, LightStemmer.Form.Word);
                return 1;
            case AnalysisMode.LuceneCompatible:
            {
                int length = LuceneArabic.Analyze(word, chars);
                if (length < 0)
                {
                    return -1;
                }

                terms[0] = new LightStemmer.Candidate(0, length, LightStemmer.Form.Word);
                return 1;
            }

            case AnalysisMode.Normalized:
            {
                int length = ArabicNormalizer.Normalize(word, chars);
                if (length == 0)
                {
                    return 0;
                }

                terms[0] = new LightStemmer.Candidate(0, length, LightStemmer.Form.Word);
                return 1;
            }

            default:
            {
                int length = ArabicNormalizer.Normalize(word, chars);
                return length == 0 ? 0 : LightStemmer.Candidates(chars.Slice(0, length), terms);
            }
        }
    }
}
