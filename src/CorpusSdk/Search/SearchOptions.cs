using System;

namespace CorpusSdk;

/// <summary>What a search ranks: whole articles, or each title and block on its own.</summary>
public enum SearchUnit
{
    /// <summary>Articles, each scored over a title field and a body field; its matching parts are sub-results.</summary>
    Article = 0,

    /// <summary>Parts: each title and each block is a document.</summary>
    Part = 1,
}

/// <summary>The order of the hits.</summary>
public enum SearchSort
{
    /// <summary>Best score first (ties: corpus order).</summary>
    Relevance = 0,

    /// <summary>Latest publication date first (ties: corpus order).</summary>
    Newest = 1,

    /// <summary>Earliest publication date first (ties: corpus order).</summary>
    Oldest = 2,

    /// <summary>Corpus order: articles by ID, then title before blocks.</summary>
    CorpusOrder = 3,
}

/// <summary>
/// Options of a search. <c>default</c> ranks articles in <see cref="SearchMode.Default"/> by BM25
/// (k1 1.2, b 0.75, title weight 2) and returns the 10 best.
/// </summary>
public readonly record struct SearchOptions
{
    private readonly int? _top;
    private readonly float? _k1;
    private readonly float? _b;
    private readonly float? _titleWeight;
    private readonly bool? _subResults;

    /// <summary>Options with the given mode.</summary>
    /// <param name="mode">The analysis mode.</param>
    public SearchOptions(SearchMode mode) => Mode = mode;

    /// <summary>The analysis mode.</summary>
    public SearchMode Mode { get; init; }

    /// <summary>What is ranked: articles (default) or parts.</summary>
    public SearchUnit Unit { get; init; }

    /// <summary>The order of hits (default: relevance).</summary>
    public SearchSort Sort { get; init; }

    /// <summary>How many hits to skip (paging).</summary>
    public int Skip { get; init; }

    /// <summary>How many hits to return after <see cref="Skip"/> (default 10).</summary>
    public int Top { get => _top ?? 10; init => _top = value; }

    /// <summary>Only articles by this author (exact match), when set.</summary>
    public string? Author { get; init; }

    /// <summary>Only articles published on or after this date, when set.</summary>
    public DateOnly? From { get; init; }

    /// <summary>Only articles published on or before this date, when set.</summary>
    public DateOnly? To { get; init; }

    /// <summary>Count the matching set by author and by year (<see cref="SearchResults.AuthorFacets"/>, <see cref="SearchResults.YearFacets"/>).</summary>
    public bool Facets { get; init; }

    /// <summary>BM25 term-frequency saturation (default 1.2, as Lucene's <c>BM25Similarity</c>).</summary>
    public float K1 { get => _k1 ?? 1.2f; init => _k1 = value; }

    /// <summary>BM25 length normalisation, 0 to 1 (default 0.75, as Lucene's <c>BM25Similarity</c>).</summary>
    public float B { get => _b ?? 0.75f; init => _b = value; }

    /// <summary>Boost of a match in the title over one in the body (default 2).</summary>
    public float TitleWeight { get => _titleWeight ?? 2f; init => _titleWeight = value; }

    /// <summary>
    /// Whether each hit carries its matching parts (sub-results, best first) with their highlights (default true). False
    /// returns the ranked hits, scores and counts only (<see cref="SearchResults.GetParts(in RankedHit)"/> is empty and an
    /// article hit's <see cref="RankedHit.BlockIndex"/> is -1): for a result list that shows titles and fetches passages
    /// later, it saves reading the page's positions (about 1 µs a hit).
    /// </summary>
    public bool SubResults { get => _subResults ?? true; init => _subResults = value; }

    /// <summary>Ranks by scoring every match, without early termination (for tests that compare both ways).</summary>
    internal bool Exhaustive { get; init; }

    internal void Validate()
    {
        if ((uint)Mode > (uint)SearchMode.LuceneCompatible)
        {
            throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "Unknown search mode.");
        }

        if ((uint)Unit > (uint)SearchUnit.Part)
        {
            throw new ArgumentOutOfRangeException(nameof(Unit), Unit, "Unknown search unit.");
        }

        if ((uint)Sort > (uint)SearchSort.CorpusOrder)
        {
            throw new ArgumentOutOfRangeException(nameof(Sort), Sort, "Unknown sort.");
        }

        if (Skip < 0 || Top < 0)
        {
            throw new ArgumentOutOfRangeException(Skip < 0 ? nameof(Skip) : nameof(Top), "Skip and Top must be 0 or more.");
        }

        if (!(K1 >= 0) || !(B >= 0 && B <= 1) || !(TitleWeight >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(K1), "K1 and TitleWeight must be 0 or more and B between 0 and 1.");
        }
    }
}
