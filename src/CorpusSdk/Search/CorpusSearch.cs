using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Threading;
using CorpusSdk.Search.Execution;
using CorpusSdk.Search.Query;

namespace CorpusSdk;

/// <summary>
/// Full-text search over a compiled corpus, with the index the generator built at compile time. A query
/// (docs/search.md) is parsed (<see cref="QueryParser"/>), planned against the index (<see cref="QueryPlanner"/>:
/// analysis, term lookup, cost order), evaluated by postings cursors in the space of articles or parts
/// (<see cref="Evaluator"/>), scored with BM25 (<see cref="Bm25"/>), filtered, counted, faceted and cut to a
/// page (<see cref="Collectors"/>); only the returned hits get sub-results and highlights. Nothing builds an
/// <see cref="Article"/> object, and a query allocates nothing once its <see cref="SearchResults"/> are disposed.
/// Thread-safe: each thread uses its own buffers.
/// </summary>
public sealed class CorpusSearch
{
    private readonly CorpusIndexData _data;
    private CorpusStatistics? _wordStatistics;
    private CorpusStatistics? _luceneStatistics;
    private string?[]? _authors;

    /// <summary>Creates the engine. Called by generated code.</summary>
    /// <param name="data">The compiled index.</param>
    /// <exception cref="CorpusFormatException">The index was compiled in another corpus format than this runtime reads.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public CorpusSearch(CorpusIndexData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        CorpusFormat.Check(data.FormatVersion, "The search index of this corpus");
        _data = data;
        AuthorCount = new IndexInts(data.GetSection(IndexSection.AuthorOffsets, SearchMode.Default)).Count - 1;
    }

    /// <summary>The corpus searched (building it builds every article; searching does not need it).</summary>
    public ArticleCollection Articles => _data.Articles;

    /// <summary>The number of articles.</summary>
    public int ArticleCount => _data.ArticleCount;

    /// <summary>The number of distinct authors (author numbers are 0 to this − 1, in ordinal order).</summary>
    public int AuthorCount { get; }

    /// <summary>One article by its index, built on first use without building the others.</summary>
    /// <param name="index">An index into <see cref="Articles"/>, as hits carry.</param>
    public Article GetArticle(int index) => _data.GetArticle(index);

    /// <summary>An author's name by number (facet values); the string is made once and kept.</summary>
    /// <param name="author">0 to <see cref="AuthorCount"/> − 1.</param>
    public string GetAuthor(int author)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(author);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(author, AuthorCount);
        string?[] authors = _authors ??= new string?[AuthorCount];
        if (authors[author] is { } name)
        {
            return name;
        }

        name = Encoding.UTF8.GetString(AuthorBytes(author));
        Volatile.Write(ref authors[author], name);
        return name;
    }

    /// <summary>
    /// Whether this corpus's index holds <paramref name="mode"/>: every mode unless the project that built it set
    /// <c>CorpusSdkSearchModes</c> (a mode left out takes its postings out of the assembly). Searching or counting in a mode
    /// that is not indexed throws <see cref="NotSupportedException"/>.
    /// </summary>
    /// <param name="mode">A search mode.</param>
    public bool IsIndexed(SearchMode mode) =>
        (uint)mode <= (uint)SearchMode.LuceneCompatible && !_data.GetSection(IndexSection.TermPostings, mode).IsEmpty;

    /// <summary>Throws <see cref="NotSupportedException"/>, naming the modes there are, when <paramref name="mode"/> is not indexed.</summary>
    internal void RequireMode(SearchMode mode)
    {
        if (IsIndexed(mode))
        {
            return;
        }

        var indexed = new List<string>();
        for (SearchMode m = SearchMode.Default; m <= SearchMode.LuceneCompatible; m++)
        {
            if (IsIndexed(m))
            {
                indexed.Add(m.ToString());
            }
        }

        throw new NotSupportedException(
            "This corpus has no index for search mode " + mode + ": it was built with CorpusSdkSearchModes=" + string.Join(";", indexed) +
            ". Search one of those modes (SearchOptions.Mode), or add " + mode + " to CorpusSdkSearchModes in the project that compiles the seeds.");
    }

    /// <summary>Ranks the articles that match <paramref name="query"/> with the default options (10 best, default mode).</summary>
    /// <param name="query">The query (docs/search.md).</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    public SearchResults Search(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Search(query.AsSpan(), default);
    }

    /// <summary>Searches. Dispose the results when done with them.</summary>
    /// <param name="query">The query (docs/search.md); a query it cannot read gives results with an <see cref="SearchResults.Error"/>.</param>
    /// <param name="options">Mode, unit, sort, paging, filters, facets and BM25 parameters.</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public SearchResults Search(ReadOnlySpan<char> query, in SearchOptions options)
    {
        options.Validate();
        RequireMode(options.Mode);
        SearchContext context = SearchContext.Rent();
        context.ResetResults();
        var results = new SearchResults(context);
        if (!Evaluate(context, query, options, scoring: true, out bool ranked))
        {
            return results;
        }

        bool articles = options.Unit == SearchUnit.Article;
        var index = new IndexView(_data, options.Mode);
        if (!ranked)
        {
            Collectors.SelectTop(context, index, articles, options.Sort, TopCount(options));
        }

        var evaluator = new Evaluator(context, index, articles, scoring: true);
        for (int i = options.Skip; i < context.Top.Count; i++)
        {
            Highlighter.AddHit(context, evaluator, index, articles, context.Top[i], corpus: 0, options.SubResults);
        }

        return results;
    }

    /// <summary>Counts the articles that match <paramref name="query"/> (default mode), without ranking.</summary>
    /// <param name="query">The query.</param>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is null.</exception>
    public int Count(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Count(query.AsSpan(), default);
    }

    /// <summary>Counts the articles (or parts) that match, after the filters, without scoring them; 0 for a query with an error.</summary>
    /// <param name="query">The query.</param>
    /// <param name="options">Mode, unit and filters (sort, paging and facets do not apply).</param>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public int Count(ReadOnlySpan<char> query, in SearchOptions options)
    {
        options.Validate();
        RequireMode(options.Mode);
        SearchContext context = SearchContext.Rent();
        int generation = context.Generation;
        try
        {
            context.ResetResults();
            return Evaluate(context, query, options with { Facets = false }, scoring: false, out _) ? context.TotalCount : 0;
        }
        finally
        {
            context.Return(generation);
        }
    }

    /// <summary>
    /// Parses, plans, evaluates, filters and counts; false when there is nothing to rank. <paramref name="ranked"/>:
    /// the top hits are already in <see cref="SearchContext.Top"/> (articles by relevance, no filter or facet: the
    /// count by bitsets and the top k with early termination, without listing every match).
    /// </summary>
    private bool Evaluate(SearchContext context, ReadOnlySpan<char> query, in SearchOptions options, bool scoring, out bool ranked)
    {
        ranked = false;
        int syntax = QueryParser.Parse(query, context.Syntax, out QueryError error);
        if (error.Kind != QueryErrorKind.None)
        {
            context.Error = error;
            return false;
        }

        var index = new IndexView(_data, options.Mode);
        bool articles = options.Unit == SearchUnit.Article;
        int root = QueryPlanner.Plan(context, query, index, syntax, QueryCollection.Alone, articles);
        if (root < 0)
        {
            return false;
        }

        bool lucene = options.Mode == SearchMode.LuceneCompatible;
        context.Scorer.Prepare(options, Statistics(index), index.ArticleCount, index.PartCount, articles, lucene);
        var evaluator = new Evaluator(context, index, articles, scoring);
        evaluator.Weigh();
        context.Root = root;

        int author = options.Author is null ? -2 : FindAuthor(options.Author);
        int from = options.From is { } f ? f.DayNumber : int.MinValue;
        int to = options.To is { } t ? t.DayNumber : int.MaxValue;
        bool unfiltered = author == -2 && from == int.MinValue && to == int.MaxValue && !options.Facets;
        if (articles && unfiltered && (!scoring || (options.Sort == SearchSort.Relevance && !options.Exhaustive && evaluator.CanPrune(root))))
        {
            if (scoring && context.Plan[root].Kind == PlanKind.Phrase && !context.Plan[root].Paired)
            {
                // Counted and ranked in one pass.
                context.TotalCount = evaluator.CountAndSelectPhrase(root, TopCount(options));
                ranked = true;
                return context.TotalCount > 0;
            }

            if (scoring && TopCount(options) > 0 && evaluator.CountsWhileSelecting(root))
            {
                // A term less set exclusions: counted in the pass that ranks it.
                context.TotalCount = evaluator.SelectTopPruned(root, TopCount(options));
                ranked = true;
                return context.TotalCount > 0;
            }

            context.TotalCount = evaluator.CountArticles(root);
            if (scoring && context.TotalCount > 0)
            {
                evaluator.ResetCursors();
                evaluator.SelectTopPruned(root, Math.Min(TopCount(options), context.TotalCount));
                ranked = true;
            }

            return context.TotalCount > 0;
        }

        evaluator.Enumerate(root, context.Matches);
        context.TotalCount = Collectors.Filter(context, index, articles, AuthorCount, author, from, to, options.Facets);
        return context.TotalCount > 0;
    }

    /// <summary>How many of the best hits a page needs: skip + top.</summary>
    internal static int TopCount(in SearchOptions options) => (int)Math.Min((long)options.Skip + options.Top, int.MaxValue);

    /// <summary>The corpus's totals for BM25 in the length unit of <paramref name="index"/>'s mode, computed once.</summary>
    internal CorpusStatistics Statistics(in IndexView index)
    {
        if (index.Mode == SearchMode.LuceneCompatible)
        {
            return _luceneStatistics ??= CorpusStatistics.Compute(index);
        }

        return _wordStatistics ??= CorpusStatistics.Compute(index);
    }

    /// <summary>The compiled index.</summary>
    internal CorpusIndexData Data => _data;

    /// <summary>The author's number, or -1 when no article has this author.</summary>
    internal int FindAuthor(string author)
    {
        int lo = 0, hi = AuthorCount - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            int order = CompareUtf8(AuthorBytes(mid), author);
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

    /// <summary>An author's name as UTF-8, read in place from the index.</summary>
    internal ReadOnlySpan<byte> AuthorBytes(int author)
    {
        var offsets = new IndexInts(_data.GetSection(IndexSection.AuthorOffsets, SearchMode.Default));
        return _data.GetSection(IndexSection.Authors, SearchMode.Default).Slice(offsets[author], offsets[author + 1] - offsets[author]);
    }

    /// <summary>Compares UTF-8 bytes with a string's UTF-8 encoding, without encoding it into a buffer.</summary>
    private static int CompareUtf8(ReadOnlySpan<byte> utf8, string text)
    {
        Span<byte> encoded = stackalloc byte[4];
        int i = 0;
        for (int c = 0; c < text.Length; c++)
        {
            int count;
            if (char.IsHighSurrogate(text[c]) && c + 1 < text.Length && char.IsLowSurrogate(text[c + 1]))
            {
                count = ModeView.EncodeUtf8(text.AsSpan(c, 2), encoded);
                c++;
            }
            else
            {
                count = ModeView.EncodeUtf8(text.AsSpan(c, 1), encoded);
            }

            for (int b = 0; b < count; b++, i++)
            {
                if (i >= utf8.Length)
                {
                    return -1;
                }

                if (utf8[i] != encoded[b])
                {
                    return utf8[i].CompareTo(encoded[b]);
                }
            }
        }

        return i == utf8.Length ? 0 : 1;
    }

    /// <summary>The text of the part a hit is in (its title or block); builds only that article.</summary>
    /// <param name="hit">A hit of this corpus.</param>
    public CorpusText GetPartText(in SearchHit hit)
    {
        Article article = _data.GetArticle(hit.ArticleIndex);
        return hit.BlockIndex < 0 ? article.Title : article.Blocks[hit.BlockIndex].Text;
    }

    /// <summary>
    /// Writes a keyword-in-context snippet: about <see cref="SnippetOptions.Context"/> characters each
    /// side, cut at spaces, never inside a surrogate pair or between a letter and its combining marks.
    /// </summary>
    /// <param name="hit">A hit of this corpus.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="written">Characters written (0 when it does not fit).</param>
    /// <param name="options">Markers and context; <see cref="SnippetOptions.Default"/> when null.</param>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    public bool TryWriteSnippet(in SearchHit hit, Span<char> destination, out int written, SnippetOptions? options = null) =>
        TryWritePartSnippet(new ReadOnlySpan<SearchHit>(in hit), destination, out written, options);

    /// <summary>
    /// Writes a keyword-in-context snippet of one part around its first highlight, marking every highlight that
    /// falls inside it (<see cref="SearchResults.GetHighlights(in PartHit)"/> gives them in text order).
    /// </summary>
    /// <param name="highlights">Highlights of one part, in text order; the snippet is empty when there are none.</param>
    /// <param name="destination">Where to write.</param>
    /// <param name="written">Characters written (0 when it does not fit).</param>
    /// <param name="options">Markers and context; <see cref="SnippetOptions.Default"/> when null.</param>
    /// <returns>False when <paramref name="destination"/> is too small.</returns>
    public bool TryWritePartSnippet(ReadOnlySpan<SearchHit> highlights, Span<char> destination, out int written, SnippetOptions? options = null)
    {
        written = 0;
        if (highlights.IsEmpty)
        {
            return true;
        }

        options ??= SnippetOptions.Default;
        SearchHit hit = highlights[0];
        ReadOnlySpan<char> text = GetPartText(hit).Span;
        int start = Math.Clamp(hit.Start, 0, text.Length);
        int end = Math.Clamp(hit.Start + hit.Length, start, text.Length);
        int context = Math.Max(0, options.Context);

        int left = Math.Max(0, start - context);
        if (left > 0)
        {
            int space = text.Slice(left, start - left).IndexOf(' ');
            left = space >= 0 ? left + space + 1 : left;
            while (left < start && IsJoinedToPrevious(text[left]))
            {
                left++;
            }
        }

        int right = Math.Min(text.Length, end + context);
        if (right < text.Length)
        {
            int space = text.Slice(end, right - end).LastIndexOf(' ');
            right = space >= 0 ? end + space : right;
            while (right < text.Length && IsJoinedToPrevious(text[right]))
            {
                right++;
            }
        }

        var writer = new SpanWriter(destination);
        if (left > 0)
        {
            writer.Write(options.Ellipsis);
        }

        int at = left;
        foreach (SearchHit highlight in highlights)
        {
            int from = Math.Clamp(highlight.Start, 0, text.Length);
            int to = Math.Clamp(highlight.Start + highlight.Length, from, text.Length);
            if (highlight.CorpusIndex != hit.CorpusIndex || highlight.ArticleIndex != hit.ArticleIndex || highlight.BlockIndex != hit.BlockIndex || from < at || to > right)
            {
                continue; // another part, overlapping an earlier mark, or outside the window
            }

            writer.Write(text.Slice(at, from - at));
            writer.Write(options.Before);
            writer.Write(text.Slice(from, to - from));
            writer.Write(options.After);
            at = to;
        }

        writer.Write(text.Slice(at, right - at));
        if (right < text.Length)
        {
            writer.Write(options.Ellipsis);
        }

        written = writer.Overflowed ? 0 : writer.Length;
        return !writer.Overflowed;
    }

    private static bool IsJoinedToPrevious(char c)
    {
        if (char.IsLowSurrogate(c))
        {
            return true;
        }

        UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            || c is '\u200C' or '\u200D';
    }

    /// <summary>Writes into a span and notes when it ran out of room.</summary>
    private ref struct SpanWriter
    {
        private readonly Span<char> _destination;

        public SpanWriter(Span<char> destination)
        {
            _destination = destination;
            Length = 0;
            Overflowed = false;
        }

        public int Length { get; private set; }

        public bool Overflowed { get; private set; }

        public void Write(ReadOnlySpan<char> text)
        {
            if (Overflowed || Length + text.Length > _destination.Length)
            {
                Overflowed = true;
                return;
            }

            text.CopyTo(_destination.Slice(Length));
            Length += text.Length;
        }

        public void Write(string? text) => Write(text.AsSpan());
    }
}
