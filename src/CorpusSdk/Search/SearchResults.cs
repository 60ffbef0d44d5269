using System;
using CorpusSdk.Search.Execution;

namespace CorpusSdk;

/// <summary>
/// The outcome of <see cref="CorpusSearch.Search(ReadOnlySpan{char}, in SearchOptions)"/> (or of
/// <see cref="MultiCorpusSearch.Search(ReadOnlySpan{char}, in SearchOptions)"/> over several corpora): the query error if
/// any, the number of matches, the page of ranked hits with their parts and highlights, and facet counts.
/// Dispose it (<c>using</c>) to lend its buffers to the next query: a search then allocates nothing.
/// Using it after disposal throws <see cref="ObjectDisposedException"/>.
/// </summary>
public readonly struct SearchResults : IDisposable
{
    private readonly SearchContext? _context;
    private readonly int _generation;

    internal SearchResults(SearchContext context)
    {
        _context = context;
        _generation = context.Generation;
    }

    /// <summary>Why the query could not be run, or null.</summary>
    public QueryError? Error => Context.Error.Kind == QueryErrorKind.None ? null : Context.Error;

    /// <summary>True when the query was read without error.</summary>
    public bool IsValid => Context.Error.Kind == QueryErrorKind.None;

    /// <summary>How many articles (or parts) match, after the filters; not limited by paging.</summary>
    public int TotalCount => Context.TotalCount;

    /// <summary>The hits of the requested page, in the requested order.</summary>
    public ReadOnlySpan<RankedHit> Hits => Context.Hits.AsSpan();

    /// <summary>The matching parts of a hit, best first (one, the part itself, with <see cref="SearchUnit.Part"/>).</summary>
    /// <param name="hit">A hit of these results.</param>
    public ReadOnlySpan<PartHit> GetParts(in RankedHit hit) => Context.Parts.AsSpan(hit.FirstPart, hit.PartCount);

    /// <summary>The highlighted words and phrases of a part, in text order.</summary>
    /// <param name="part">A part of these results.</param>
    public ReadOnlySpan<SearchHit> GetHighlights(in PartHit part) => Context.Highlights.AsSpan(part.FirstHighlight, part.HighlightCount);

    /// <summary>
    /// With <see cref="SearchOptions.Facets"/>: matches per author (<see cref="CorpusSearch.GetAuthor(int)"/>, or
    /// <see cref="MultiCorpusSearch.GetAuthor(int)"/> over several corpora), most first.
    /// </summary>
    public ReadOnlySpan<FacetCount> AuthorFacets => Context.AuthorFacets.AsSpan();

    /// <summary>With <see cref="SearchOptions.Facets"/>: matches per publication year, latest first (0: no date).</summary>
    public ReadOnlySpan<FacetCount> YearFacets => Context.YearFacets.AsSpan();

    private SearchContext Context
    {
        get
        {
            if (_context is null || _context.Generation != _generation)
            {
                throw new ObjectDisposedException(nameof(SearchResults), "These search results were disposed; keep them in a using block while you read them.");
            }

            return _context;
        }
    }

    /// <summary>Gives the buffers back for the next query on this thread. Safe to call twice.</summary>
    public void Dispose() => _context?.Return(_generation);
}
