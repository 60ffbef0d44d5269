namespace CorpusSdk;

/// <summary>
/// One highlighted occurrence of a query word or phrase: the article, the part (title or block) and the
/// range of characters in that part's original text (diacritics included).
/// </summary>
/// <param name="ArticleIndex">Index into <c>Corpus.Articles</c> (of the corpus <see cref="CorpusIndex"/>).</param>
/// <param name="BlockIndex">Index into <see cref="Article.Blocks"/>, or -1 for the title.</param>
/// <param name="Start">Offset of the first matched character in the part's text.</param>
/// <param name="Length">Number of matched characters.</param>
public readonly record struct SearchHit(int ArticleIndex, int BlockIndex, int Start, int Length)
{
    /// <summary>The corpus of the hit: an index into <see cref="MultiCorpusSearch.Corpora"/>; 0 when one corpus is searched.</summary>
    public int CorpusIndex { get; init; }

    /// <summary>True when the hit is in the article's title.</summary>
    public bool IsTitle => BlockIndex < 0;
}

/// <summary>
/// One ranked result: an article (<see cref="SearchUnit.Article"/>) or a part (<see cref="SearchUnit.Part"/>),
/// with its score. Its matching parts are <see cref="SearchResults.GetParts(in RankedHit)"/>, best first.
/// </summary>
public readonly record struct RankedHit
{
    internal RankedHit(int corpusIndex, int articleIndex, int blockIndex, float score, int firstPart, int partCount)
    {
        CorpusIndex = corpusIndex;
        ArticleIndex = articleIndex;
        BlockIndex = blockIndex;
        Score = score;
        FirstPart = firstPart;
        PartCount = partCount;
    }

    /// <summary>The corpus of the hit: an index into <see cref="MultiCorpusSearch.Corpora"/>; 0 when one corpus is searched.</summary>
    public int CorpusIndex { get; }

    /// <summary>Index into <c>Corpus.Articles</c> (of the corpus <see cref="CorpusIndex"/>).</summary>
    public int ArticleIndex { get; }

    /// <summary>The part ranked (-1 for the title) with <see cref="SearchUnit.Part"/>; the best part with <see cref="SearchUnit.Article"/>.</summary>
    public int BlockIndex { get; }

    /// <summary>The BM25 score (0 when the query has only exclusions of nothing).</summary>
    public float Score { get; }

    internal int FirstPart { get; }

    internal int PartCount { get; }
}

/// <summary>A part (title or block) of a ranked hit that matches the query, with its score and highlights.</summary>
public readonly record struct PartHit
{
    internal PartHit(int corpusIndex, int articleIndex, int blockIndex, float score, int firstHighlight, int highlightCount)
    {
        CorpusIndex = corpusIndex;
        ArticleIndex = articleIndex;
        BlockIndex = blockIndex;
        Score = score;
        FirstHighlight = firstHighlight;
        HighlightCount = highlightCount;
    }

    /// <summary>The corpus of the hit: an index into <see cref="MultiCorpusSearch.Corpora"/>; 0 when one corpus is searched.</summary>
    public int CorpusIndex { get; }

    /// <summary>Index into <c>Corpus.Articles</c> (of the corpus <see cref="CorpusIndex"/>).</summary>
    public int ArticleIndex { get; }

    /// <summary>Index into <see cref="Article.Blocks"/>, or -1 for the title.</summary>
    public int BlockIndex { get; }

    /// <summary>True for the title.</summary>
    public bool IsTitle => BlockIndex < 0;

    /// <summary>The part's own BM25 score: it orders an article's parts.</summary>
    public float Score { get; }

    internal int FirstHighlight { get; }

    internal int HighlightCount { get; }
}

/// <summary>One facet value and how many matching hits have it.</summary>
/// <param name="Value">An author number (<see cref="CorpusSearch.GetAuthor(int)"/>, or <see cref="MultiCorpusSearch.GetAuthor(int)"/> for several corpora) or a year.</param>
/// <param name="Count">Matching articles (or parts) with that value.</param>
public readonly record struct FacetCount(int Value, int Count);
