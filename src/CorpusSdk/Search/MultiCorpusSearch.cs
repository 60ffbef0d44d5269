using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using CorpusSdk.Search.Execution;
using CorpusSdk.Search.Query;

namespace CorpusSdk;

/// <summary>
/// Searches several compiled corpora as one index (Lucene: an <c>IndexSearcher</c> over a <c>MultiReader</c>): one
/// ranked list whose BM25 scores use the statistics of all of them (document counts, document frequencies per field,
/// average lengths), so a hit scores and ranks exactly as it would in one corpus compiled from every seed. Each corpus is
/// evaluated with its own index and the shared statistics; the best hits of each are merged. Ties, and
/// <see cref="SearchSort.CorpusOrder"/>, follow the corpora in the order given, then each corpus's own order. Hits say
/// which corpus they come from (<see cref="RankedHit.CorpusIndex"/>, an index into <see cref="Corpora"/>); author facets
/// are merged by name (<see cref="GetAuthor(int)"/>) and year facets by year. Thread-safe, and a query allocates nothing
/// once its <see cref="SearchResults"/> are disposed, as with <see cref="CorpusSearch"/>.
/// </summary>
public sealed class MultiCorpusSearch
{
    private readonly CompiledCorpus[] _corpora;
    private readonly CorpusIndexData[] _data;
    private Totals? _wordTotals;
    private Totals? _luceneTotals;
    private AuthorTable? _authors;

    /// <summary>Searches <paramref name="corpora"/> together, in this order.</summary>
    /// <param name="corpora">One corpus or more (the same corpus twice counts twice).</param>
    /// <exception cref="ArgumentNullException"><paramref name="corpora"/> or one of them is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="corpora"/> is empty.</exception>
    public MultiCorpusSearch(params CompiledCorpus[] corpora)
    {
        ArgumentNullException.ThrowIfNull(corpora);
        if (corpora.Length == 0)
        {
            throw new ArgumentException("Give at least one corpus to search.", nameof(corpora));
        }

        _corpora = (CompiledCorpus[])corpora.Clone();
        _data = new CorpusIndexData[_corpora.Length];
        for (int c = 0; c < _corpora.Length; c++)
        {
            if (_corpora[c] is null)
            {
                throw new ArgumentNullException(nameof(corpora), "Corpus " + c + " is null.");
            }

            _data[c] = _corpora[c].SearchEngine.Data;
        }

        Corpora = new ReadOnlyCollection<CompiledCorpus>(_corpora);
    }

    /// <summary>The corpora searched, in order: <see cref="RankedHit.CorpusIndex"/> indexes this list.</summary>
    public IReadOnlyList<CompiledCorpus> Corpora { get; }

    /// <summary>The number of distinct authors over all the corpora (author numbers are 0 to this − 1, in the order of their UTF-8 bytes).</summary>
    public int AuthorCount => Authors.Names.Length;

    /// <summary>An author's name by number (the values of <see cref="SearchResults.AuthorFacets"/>).</summary>
    /// <param name="author">0 to <see cref="AuthorCount"/> − 1.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="author"/> is out of range.</exception>
    public string GetAuthor(int author)
    {
        string[] names = Authors.Names;
        ArgumentOutOfRangeException.ThrowIfNegative(author);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(author, names.Length);
        return names[author];
    }

    /// <summary>The article of a hit (built on first use without building the others).</summary>
    /// <param name="hit">A hit of these corpora.</param>
    /// <exception cref="ArgumentOutOfRangeException">The hit's corpus or article is out of range.</exception>
    public Article GetArticle(in RankedHit hit)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hit.CorpusIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(hit.CorpusIndex, _corpora.Length);
        return _corpora[hit.CorpusIndex].SearchEngine.GetArticle(hit.ArticleIndex);
    }

    /// <summary>
    /// Writes a keyword-in-context snippet of one part around its first highlight, with the engine of the highlights'
    /// corpus (<see cref="CorpusSearch.TryWritePartSnippet(ReadOnlySpan{SearchHit}, Span{char}, out int, SnippetOptions?)"/>).
    /// </summary>
    /// <param name="highlights">Highlights of one part, in text order (<see cref="SearchResults.GetHighlights(in PartHit)"/>).</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="written">Characters written (0 when it does not fit).</param>
    /// <param name="options">Markers and context; <see cref="SnippetOptions.Default"/> when null.</param>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The highlights' corpus is out of range.</exception>
    public bool TryWritePartSnippet(ReadOnlySpan<SearchHit> highlights, Span<char> destination, out int written, SnippetOptions? options = null)
    {
        if (highlights.IsEmpty)
        {
            written = 0;
            return true;
        }

        int corpus = highlights[0].CorpusIndex;
        ArgumentOutOfRangeException.ThrowIfNegative(corpus);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(corpus, _corpora.Length);
        return _corpora[corpus].SearchEngine.TryWritePartSnippet(highlights, destination, out written, options);
    }

    /// <summary>Ranks the articles of all the corpora that match <paramref name="query"/> with the default options (10 best, default mode).</summary>
    /// <param name="query">The query (docs/search.md).</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    public SearchResults Search(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Search(query.AsSpan(), default);
    }

    /// <summary>Searches all the corpora as one index. Dispose the results when done with them.</summary>
    /// <param name="query">The query (docs/search.md); a query it cannot read gives results with an <see cref="SearchResults.Error"/>.</param>
    /// <param name="options">Mode, unit, sort, paging, filters, facets and BM25 parameters, as for one corpus.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public SearchResults Search(ReadOnlySpan<char> query, in SearchOptions options)
    {
        options.Validate();
        for (int c = 0; c < _corpora.Length; c++)
        {
            _corpora[c].SearchEngine.RequireMode(options.Mode);
        }
        SearchContext context = SearchContext.Rent();
        context.ResetResults();
        var results = new SearchResults(context);
        int syntax = QueryParser.Parse(query, context.Syntax, out QueryError error);
        if (error.Kind != QueryErrorKind.None)
        {
            context.Error = error;
            return results;
        }

        bool articles = options.Unit == SearchUnit.Article;
        Totals totals = GetTotals(options.Mode);
        context.Scorer.Prepare(options, totals.Statistics, totals.Articles, totals.Parts, articles, options.Mode == SearchMode.LuceneCompatible);
        AuthorTable? authors = options.Facets ? Authors : null;
        if (authors is not null)
        {
            Collectors.StartFacets(context, authors.Names.Length);
        }

        // Each corpus: plan with the collection's statistics, evaluate, filter, count, facet, keep its best hits.
        int end = CorpusSearch.TopCount(options);
        Buffer<CorpusDoc> merged = context.Merged;
        merged.Clear();
        int planned = -1;
        for (int c = 0; c < _data.Length; c++)
        {
            var index = new IndexView(_data[c], options.Mode);
            context.Scorer.UseLengths(_corpora[c].SearchEngine.Statistics(index));
            int root = QueryPlanner.Plan(context, query, index, syntax, new QueryCollection(_data, c), options.Unit == SearchUnit.Article);
            if (root < 0)
            {
                break; // nothing to find: the plan is the same in every corpus
            }

            planned = c;
            context.Root = root;
            context.Matches.Clear();
            var evaluator = new Evaluator(context, index, articles, scoring: true);
            evaluator.Weigh();
            evaluator.Enumerate(root, context.Matches);
            context.TotalCount += Filter(context, index, c, articles, options, authors);
            Collectors.SelectTop(context, index, articles, options.Sort, end);
            for (int i = 0; i < context.Top.Count; i++)
            {
                ScoredDoc doc = context.Top[i];
                merged.Add(new CorpusDoc { Corpus = c, Doc = doc.Doc, Score = doc.Score, Key = SortKey(index, articles, options.Sort, doc) });
            }
        }

        if (authors is not null)
        {
            Collectors.FinishFacets(context, authors.Names.Length);
        }

        // The page: the best of the merged lists (ties in corpus order).
        merged.AsSpan().Sort(static (a, b) =>
            a.Key != b.Key ? b.Key.CompareTo(a.Key) : a.Corpus != b.Corpus ? a.Corpus.CompareTo(b.Corpus) : a.Doc.CompareTo(b.Doc));
        int pageEnd = Math.Min(end, merged.Count);
        if (options.Skip >= pageEnd)
        {
            return results;
        }

        // Sub-results and highlights need each corpus's plan: corpus by corpus (the last planned first, its plan is still
        // there), then the hits back in page order.
        context.PageOrder.Clear();
        for (int c = planned; c >= 0; c--)
        {
            var index = new IndexView(_data[c], options.Mode);
            context.Scorer.UseLengths(_corpora[c].SearchEngine.Statistics(index));
            bool ready = c == planned;
            for (int p = options.Skip; p < pageEnd; p++)
            {
                CorpusDoc doc = merged[p];
                if (doc.Corpus != c)
                {
                    continue;
                }

                if (!ready)
                {
                    context.Root = QueryPlanner.Plan(context, query, index, syntax, new QueryCollection(_data, c), options.Unit == SearchUnit.Article);
                    new Evaluator(context, index, articles, scoring: true).Weigh();
                    ready = true;
                }

                var evaluator = new Evaluator(context, index, articles, scoring: true);
                Highlighter.AddHit(context, evaluator, index, articles, new ScoredDoc(doc.Doc, doc.Score), c, options.SubResults);
                context.PageOrder.Add(p);
            }
        }

        context.PageOrder.AsSpan().Sort(context.Hits.AsSpan());
        return results;
    }

    /// <summary>Counts the articles of all the corpora that match <paramref name="query"/> (default mode), without ranking.</summary>
    /// <param name="query">The query.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    public int Count(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Count(query.AsSpan(), default);
    }

    /// <summary>Counts the articles (or parts) of all the corpora that match, after the filters, without scoring them; 0 for a query with an error.</summary>
    /// <param name="query">The query.</param>
    /// <param name="options">Mode, unit and filters (sort, paging and facets do not apply).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public int Count(ReadOnlySpan<char> query, in SearchOptions options)
    {
        options.Validate();
        for (int c = 0; c < _corpora.Length; c++)
        {
            _corpora[c].SearchEngine.RequireMode(options.Mode);
        }
        SearchContext context = SearchContext.Rent();
        int generation = context.Generation;
        try
        {
            context.ResetResults();
            int syntax = QueryParser.Parse(query, context.Syntax, out QueryError error);
            if (error.Kind != QueryErrorKind.None)
            {
                return 0;
            }

            bool articles = options.Unit == SearchUnit.Article;
            int count = 0;
            for (int c = 0; c < _data.Length; c++)
            {
                // Matching does not depend on the statistics: each corpus is planned alone.
                var index = new IndexView(_data[c], options.Mode);
                int root = QueryPlanner.Plan(context, query, index, syntax, QueryCollection.Alone, articles);
                if (root < 0)
                {
                    return 0;
                }

                context.Matches.Clear();
                new Evaluator(context, index, articles, scoring: false).Enumerate(root, context.Matches);
                count += Filter(context, index, c, articles, options, null);
            }

            return count;
        }
        finally
        {
            context.Return(generation);
        }
    }

    /// <summary>Keeps corpus <paramref name="corpus"/>'s matches that pass the filters, adding them to the facets when given.</summary>
    private int Filter(SearchContext context, in IndexView index, int corpus, bool articles, in SearchOptions options, AuthorTable? authors)
    {
        int author = options.Author is null ? -2 : _corpora[corpus].SearchEngine.FindAuthor(options.Author);
        int from = options.From is { } f ? f.DayNumber : int.MinValue;
        int to = options.To is { } t ? t.DayNumber : int.MaxValue;
        return Collectors.Filter(context, index, articles, author, from, to, authors is not null, authors is null ? default : authors.Maps[corpus]);
    }

    /// <summary>The key hits are ordered by, higher first (as <see cref="Collectors.SelectTop"/> orders one corpus).</summary>
    private static float SortKey(in IndexView index, bool articles, SearchSort sort, ScoredDoc doc)
    {
        if (sort == SearchSort.Relevance)
        {
            return doc.Score;
        }

        if (sort == SearchSort.CorpusOrder)
        {
            return 0f;
        }

        int day = index.ArticleDays[articles ? doc.Doc : index.PartArticles[doc.Doc]];
        return sort == SearchSort.Newest ? day : -day;
    }

    private Totals GetTotals(SearchMode mode)
    {
        bool lucene = mode == SearchMode.LuceneCompatible;
        Totals? totals = lucene ? _luceneTotals : _wordTotals;
        if (totals is not null)
        {
            return totals;
        }

        long titleTokens = 0, bodyTokens = 0;
        int titleDocs = 0, bodyArticles = 0, blockDocs = 0, articleCount = 0, partCount = 0;
        for (int c = 0; c < _data.Length; c++)
        {
            var index = new IndexView(_data[c], mode);
            CorpusStatistics stats = _corpora[c].SearchEngine.Statistics(index);
            titleTokens += stats.TitleTokens;
            bodyTokens += stats.BodyTokens;
            titleDocs += stats.TitleDocs;
            bodyArticles += stats.BodyArticles;
            blockDocs += stats.BlockDocs;
            articleCount += index.ArticleCount;
            partCount += index.PartCount;
        }

        // Totals only: each corpus's document lengths are taken from its own statistics (Bm25.UseLengths).
        var sum = new CorpusStatistics
        {
            TitleTokens = titleTokens, BodyTokens = bodyTokens, TitleDocs = titleDocs, BodyArticles = bodyArticles, BlockDocs = blockDocs,
            PartLengths = [], TitleLengths = [], BodyLengths = [], PartNormBytes = [], TitleNormBytes = [], BodyNormBytes = [],
            ChunkMinTitles = [], ChunkMinBodies = [],
        };
        totals = new Totals(sum, articleCount, partCount);
        if (lucene)
        {
            _luceneTotals = totals;
        }
        else
        {
            _wordTotals = totals;
        }

        return totals;
    }

    /// <summary>The authors of all the corpora, merged by name in UTF-8 order, and each corpus's map into them; made once.</summary>
    private AuthorTable Authors
    {
        get
        {
            if (_authors is { } table)
            {
                return table;
            }

            var names = new List<(byte[] Utf8, string Name)>();
            foreach (CompiledCorpus corpus in _corpora)
            {
                CorpusSearch engine = corpus.SearchEngine;
                for (int a = 0; a < engine.AuthorCount; a++)
                {
                    names.Add((engine.AuthorBytes(a).ToArray(), engine.GetAuthor(a)));
                }
            }

            names.Sort(static (x, y) => x.Utf8.AsSpan().SequenceCompareTo(y.Utf8));
            var distinct = new List<string>();
            for (int i = 0; i < names.Count; i++)
            {
                if (i == 0 || !names[i].Utf8.AsSpan().SequenceEqual(names[i - 1].Utf8))
                {
                    distinct.Add(names[i].Name);
                }
            }

            string[] all = distinct.ToArray();
            var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < all.Length; i++)
            {
                numbers[all[i]] = i;
            }

            var maps = new int[_corpora.Length][];
            for (int c = 0; c < _corpora.Length; c++)
            {
                CorpusSearch engine = _corpora[c].SearchEngine;
                maps[c] = new int[engine.AuthorCount];
                for (int a = 0; a < maps[c].Length; a++)
                {
                    maps[c][a] = numbers[engine.GetAuthor(a)];
                }
            }

            return _authors = new AuthorTable(all, maps);
        }
    }

    /// <summary>BM25 totals of all the corpora for one way of counting lengths.</summary>
    private sealed record Totals(CorpusStatistics Statistics, int Articles, int Parts);

    /// <summary>Merged author names and, per corpus, each of its author numbers' merged number.</summary>
    private sealed record AuthorTable(string[] Names, int[][] Maps);
}
