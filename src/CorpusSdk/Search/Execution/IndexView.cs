using System;
using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Unicode;

namespace CorpusSdk.Search.Execution;

/// <summary>The sections of the index one query reads, fetched once per query: corpus-wide ones and its mode's.</summary>
[SuppressMessage("Design", "CA1051", Justification = "Fields, not properties: a property getter would copy the section views on every read in hot loops.")]
internal readonly ref struct IndexView
{
    public IndexView(CorpusIndexData data, SearchMode mode)
    {
        Mode = mode;
        PartArticles = new IndexInts(data.GetSection(IndexSection.PartArticles, mode));
        PartBlocks = new IndexInts(data.GetSection(IndexSection.PartBlocks, mode));
        PartFirstTokens = new IndexInts(data.GetSection(IndexSection.PartFirstTokens, mode));
        PartLuceneStarts = new IndexInts(data.GetSection(IndexSection.PartLuceneStarts, mode));
        ArticleFirstParts = new IndexInts(data.GetSection(IndexSection.ArticleFirstParts, mode));
        ArticleAuthors = new IndexInts(data.GetSection(IndexSection.ArticleAuthors, mode));
        ArticleDays = new IndexInts(data.GetSection(IndexSection.ArticleDays, mode));
        TokenStarts = new IndexInts(data.GetSection(IndexSection.TokenStarts, mode));
        TokenLengths = new IndexInts(data.GetSection(IndexSection.TokenLengths, mode));
        Modes = new ModeView(data, mode);
        Normalized = mode == SearchMode.Default ? new ModeView(data, SearchMode.Normalized) : default;
    }

    public readonly SearchMode Mode;

    public readonly IndexInts PartArticles;

    public readonly IndexInts PartBlocks;

    public readonly IndexInts PartFirstTokens;

    public readonly IndexInts PartLuceneStarts;

    public readonly IndexInts ArticleFirstParts;

    public readonly IndexInts ArticleAuthors;

    public readonly IndexInts ArticleDays;

    public readonly IndexInts TokenStarts;

    public readonly IndexInts TokenLengths;

    /// <summary>The query's own mode.</summary>
    public readonly ModeView Modes;

    /// <summary>In the default mode, the normalized mode's index too (words matched as written score higher).</summary>
    public readonly ModeView Normalized;

    public int PartCount => PartArticles.Count;

    public int ArticleCount => ArticleFirstParts.Count - 1;

    /// <summary>The index of a term source: 0 = the query's mode, 1 = the normalized mode.</summary>
    [UnscopedRef]
    public readonly ref readonly ModeView Source(int source) => ref source == 0 ? ref Modes : ref Normalized;

    /// <summary>A part's length in the units of the query's mode (Lucene tokens, or words).</summary>
    public int PartLength(int part) => Mode == SearchMode.LuceneCompatible
        ? PartLuceneStarts[part + 1] - PartLuceneStarts[part]
        : PartFirstTokens[part + 1] - PartFirstTokens[part];
}

/// <summary>The per-mode sections: dictionary, postings, positions and document frequencies.</summary>
[SuppressMessage("Design", "CA1051", Justification = "Fields, not properties: a property getter would copy the section views on every read in hot loops.")]
internal readonly ref struct ModeView
{
    public ModeView(CorpusIndexData data, SearchMode mode)
    {
        Terms = data.GetSection(IndexSection.Terms, mode);
        TermOffsets = new IndexInts(data.GetSection(IndexSection.TermOffsets, mode));
        TermPostings = new IndexInts(data.GetSection(IndexSection.TermPostings, mode));
        PostingParts = new IndexInts(data.GetSection(IndexSection.PostingParts, mode));
        PostingEnds = new IndexInts(data.GetSection(IndexSection.PostingEnds, mode));
        Positions = new IndexInts(data.GetSection(IndexSection.Positions, mode));
        TermTitleArticles = new IndexInts(data.GetSection(IndexSection.TermTitleArticles, mode));
        TermArticlePostings = new IndexInts(data.GetSection(IndexSection.TermArticlePostings, mode));
        ArticleDocs = new IndexInts(data.GetSection(IndexSection.ArticleDocs, mode));
        ArticleTitleFreqs = new IndexInts(data.GetSection(IndexSection.ArticleTitleFreqs, mode));
        ArticleBodyFreqs = new IndexInts(data.GetSection(IndexSection.ArticleBodyFreqs, mode));
        TermBodyArticles = new IndexInts(data.GetSection(IndexSection.TermBodyArticles, mode));
        TermBlocks = new IndexInts(data.GetSection(IndexSection.TermBlocks, mode));
        ArticleBlockBounds = new IndexInts(data.GetSection(IndexSection.ArticleBlockBounds, mode));
        PairStarts = new IndexInts(data.GetSection(IndexSection.PairStarts, mode));
        PairSeconds = new IndexInts(data.GetSection(IndexSection.PairSeconds, mode));
        PairArticlePostings = new IndexInts(data.GetSection(IndexSection.PairArticlePostings, mode));
        var pairMin = new IndexInts(data.GetSection(IndexSection.PairMinArticles, mode));
        PairMinArticles = pairMin.Count == 1 && PairStarts.Count == TermCount + 1 ? pairMin[0] : 0;
    }

    public readonly ReadOnlySpan<byte> Terms;

    public readonly IndexInts TermOffsets;

    public readonly IndexInts TermPostings;

    public readonly IndexInts PostingParts;

    public readonly IndexInts PostingEnds;

    public readonly IndexInts Positions;

    public readonly IndexInts TermTitleArticles;

    /// <summary>Article-level postings: (article, title tf, body tf), so article queries never walk parts.</summary>
    public readonly IndexInts TermArticlePostings;

    public readonly IndexInts ArticleDocs;

    public readonly IndexInts ArticleTitleFreqs;

    public readonly IndexInts ArticleBodyFreqs;

    public readonly IndexInts TermBodyArticles;

    public readonly IndexInts TermBlocks;

    /// <summary>Four numbers per block of 16 article postings: largest title tf, shortest title, largest body tf, shortest body (empty in an index without them).</summary>
    public readonly IndexInts ArticleBlockBounds;

    /// <summary>Pairs each term starts: [PairStarts[t], PairStarts[t+1]) of <see cref="PairSeconds"/> (empty without a pair index).</summary>
    public readonly IndexInts PairStarts;

    /// <summary>The second term of each pair, ascending per first term.</summary>
    public readonly IndexInts PairSeconds;

    /// <summary>Each pair's article postings: [PairArticlePostings[i], PairArticlePostings[i+1]) of <see cref="ArticleDocs"/>.</summary>
    public readonly IndexInts PairArticlePostings;

    /// <summary>
    /// The fewest articles each of two terms must be in for the pair index to be complete between them; 0 when this mode
    /// has no pair index.
    /// </summary>
    public readonly int PairMinArticles;

    public int TermCount => TermOffsets.Count - 1;

    /// <summary>
    /// Whether the pair index answers the phrase «<paramref name="first"/> <paramref name="second"/>» (both words in at least
    /// <see cref="PairMinArticles"/> articles), and if so its article postings [<paramref name="start"/>, <paramref name="end"/>)
    /// (empty when the words never stand side by side in one part).
    /// </summary>
    public bool TryFindPair(int first, int second, out int start, out int end)
    {
        start = end = 0;
        if (PairMinArticles <= 0 || first < 0 || second < 0
            || TermArticlePostings[first + 1] - TermArticlePostings[first] < PairMinArticles
            || TermArticlePostings[second + 1] - TermArticlePostings[second] < PairMinArticles)
        {
            return false;
        }

        int lo = PairStarts[first];
        int hi = PairStarts[first + 1] - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            int value = PairSeconds[mid];
            if (value == second)
            {
                start = PairArticlePostings[mid];
                end = PairArticlePostings[mid + 1];
                return true;
            }

            if (value < second)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return true;
    }

    /// <summary>Where posting <paramref name="posting"/>'s positions start in <see cref="Positions"/>.</summary>
    public int PositionStart(int posting) => posting == 0 ? 0 : PostingEnds[posting - 1];

    public ReadOnlySpan<byte> Term(int term) => Terms.Slice(TermOffsets[term], TermOffsets[term + 1] - TermOffsets[term]);

    /// <summary>
    /// <paramref name="text"/> as UTF-8 (lone surrogates as U+FFFD, as <c>Encoding.UTF8</c> writes them) into
    /// <paramref name="bytes"/>, which must hold three bytes a char; returns the length. <c>Utf8.FromUtf16</c> rather than
    /// <c>Encoding.UTF8</c>: the first use of an <c>Encoding</c> costs a process ~2 ms, more than its first query.
    /// </summary>
    public static int EncodeUtf8(ReadOnlySpan<char> text, Span<byte> bytes)
    {
        OperationStatus status = Utf8.FromUtf16(text, bytes, out _, out int written);
        return status == OperationStatus.Done ? written : throw new ArgumentException("The buffer is too small for the text's UTF-8.", nameof(bytes));
    }

    /// <summary>The term's number, or -1. <paramref name="bytes"/> is scratch for its UTF-8.</summary>
    public int Find(ReadOnlySpan<char> term, Span<byte> bytes)
    {
        ReadOnlySpan<byte> key = bytes.Slice(0, EncodeUtf8(term, bytes));
        int lo = 0;
        int hi = TermCount - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            int order = CompareBytes(Term(mid), key);
            if (order == 0)
            {
                return mid;
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

        return -1;
    }

    /// <summary>
    /// Ordinal comparison of two terms. A plain loop, not <c>SequenceCompareTo</c>: terms are short, and the framework's
    /// vectorized comparison is compiled at tier 0 on the first query (its precompiled code is not used on AVX2 machines).
    /// </summary>
    public static int CompareBytes(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
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

    /// <summary>The terms that start with <paramref name="prefix"/>: [first, end).</summary>
    public (int First, int End) PrefixRange(ReadOnlySpan<char> prefix, Span<byte> bytes)
    {
        ReadOnlySpan<byte> key = bytes.Slice(0, EncodeUtf8(prefix, bytes));
        int lo = 0;
        int hi = TermCount;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (CompareBytes(Term(mid), key) < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        int end = lo;
        while (end < TermCount && Term(end).StartsWith(key))
        {
            end++;
        }

        return (lo, end);
    }
}
