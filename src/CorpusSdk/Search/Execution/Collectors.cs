using System;

namespace CorpusSdk.Search.Execution;

/// <summary>
/// What happens to the matching set after evaluation: the filters (author, dates), the count, the facet
/// counts, and the top-k selection in the requested order. All in the context's buffers.
/// </summary>
internal static class Collectors
{
    /// <summary>Keeps the matches that pass the filters (in place), counting facets; returns how many remain.</summary>
    public static int Filter(SearchContext context, in IndexView index, bool articles, int authorCount, int author, int fromDay, int toDay, bool facets)
    {
        if (facets)
        {
            StartFacets(context, authorCount);
        }

        int count = Filter(context, index, articles, author, fromDay, toDay, facets, default);
        if (facets)
        {
            FinishFacets(context, authorCount);
        }

        return count;
    }

    /// <summary>Empties the facet counts of <paramref name="authorCount"/> authors.</summary>
    public static void StartFacets(SearchContext context, int authorCount)
    {
        context.AuthorCounts.Reserve(authorCount);
        context.AuthorCounts.SetCount(authorCount);
        context.AuthorCounts.AsSpan().Clear();
        context.YearFacets.Clear();
    }

    /// <summary>Writes the author facets (most first) and sorts the year facets (latest first).</summary>
    public static void FinishFacets(SearchContext context, int authorCount)
    {
        WriteAuthorFacets(context, authorCount);
        context.YearFacets.AsSpan().Sort(static (a, b) => b.Value.CompareTo(a.Value));
    }

    /// <summary>
    /// Keeps the matches that pass the filters (in place) and, with <paramref name="facets"/>, adds them to the facet
    /// counts (author numbers mapped through <paramref name="authorMap"/> when it is not empty); returns how many remain.
    /// </summary>
    public static int Filter(SearchContext context, in IndexView index, bool articles, int author, int fromDay, int toDay, bool facets, ReadOnlySpan<int> authorMap)
    {
        Buffer<ScoredDoc> matches = context.Matches;
        bool filtered = author >= -1 || fromDay > int.MinValue || toDay < int.MaxValue;
        if (!filtered && !facets)
        {
            return matches.Count;
        }

        int write = 0;
        for (int i = 0; i < matches.Count; i++)
        {
            ScoredDoc doc = matches[i];
            int article = articles ? doc.Doc : index.PartArticles[doc.Doc];
            if (filtered)
            {
                int day = index.ArticleDays[article] - 1;
                if ((author >= -1 && index.ArticleAuthors[article] != author) || day < fromDay || day > toDay)
                {
                    continue;
                }
            }

            if (facets)
            {
                int articleAuthor = index.ArticleAuthors[article];
                context.AuthorCounts[authorMap.IsEmpty ? articleAuthor : authorMap[articleAuthor]]++;
                int days = index.ArticleDays[article];
                AddYear(context.YearFacets, days == 0 ? 0 : DateOnly.FromDayNumber(days - 1).Year);
            }

            matches[write++] = doc;
        }

        matches.Truncate(write);
        return write;
    }

    private static void AddYear(Buffer<FacetCount> years, int year)
    {
        for (int i = 0; i < years.Count; i++)
        {
            if (years[i].Value == year)
            {
                years[i] = new FacetCount(year, years[i].Count + 1);
                return;
            }
        }

        years.Add(new FacetCount(year, 1));
    }

    private static void WriteAuthorFacets(SearchContext context, int authors)
    {
        for (int a = 0; a < authors; a++)
        {
            if (context.AuthorCounts[a] > 0)
            {
                context.AuthorFacets.Add(new FacetCount(a, context.AuthorCounts[a]));
            }
        }

        context.AuthorFacets.AsSpan().Sort(static (x, y) => x.Count != y.Count ? y.Count.CompareTo(x.Count) : x.Value.CompareTo(y.Value));
    }

    /// <summary>Puts the best <paramref name="k"/> matches in the requested order into <see cref="SearchContext.Top"/>.</summary>
    public static void SelectTop(SearchContext context, in IndexView index, bool articles, SearchSort sort, int k)
    {
        Buffer<ScoredDoc> matches = context.Matches;
        Buffer<ScoredDoc> top = context.Top;
        top.Clear();
        k = Math.Min(k, matches.Count);
        if (k == 0)
        {
            return;
        }

        if (sort == SearchSort.CorpusOrder)
        {
            for (int i = 0; i < k; i++)
            {
                top.Add(matches[i]);
            }

            return;
        }

        // A bounded heap whose root is the worst kept hit.
        ScoredDoc[] heap = top.Reserve(k);
        int size = 0;
        for (int i = 0; i < matches.Count; i++)
        {
            ScoredDoc doc = Keyed(matches[i], index, articles, sort);
            if (size < k)
            {
                heap[size] = doc;
                SiftUp(heap, size++);
            }
            else if (Better(doc, heap[0]))
            {
                heap[0] = doc;
                SiftDown(heap, 0, size);
            }
        }

        // Best first.
        for (int end = size - 1; end > 0; end--)
        {
            (heap[0], heap[end]) = (heap[end], heap[0]);
            SiftDown(heap, 0, end);
        }

        top.SetCount(size);
        if (sort != SearchSort.Relevance)
        {
            for (int i = 0; i < size; i++)
            {
                heap[i].Score = ScoreOf(matches, heap[i].Doc);
            }
        }
    }

    /// <summary>For date sorts, the sort key replaces the score while selecting (newest: day; oldest: −day).</summary>
    private static ScoredDoc Keyed(ScoredDoc doc, in IndexView index, bool articles, SearchSort sort)
    {
        if (sort == SearchSort.Relevance)
        {
            return doc;
        }

        int article = articles ? doc.Doc : index.PartArticles[doc.Doc];
        int day = index.ArticleDays[article];
        return new ScoredDoc(doc.Doc, sort == SearchSort.Newest ? day : -day);
    }

    private static float ScoreOf(Buffer<ScoredDoc> matches, int doc)
    {
        int lo = 0, hi = matches.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (matches[mid].Doc == doc)
            {
                return matches[mid].Score;
            }

            if (matches[mid].Doc < doc)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return 0f;
    }

    /// <summary>Higher score first; equal scores in document order (as Lucene's top-k collector).</summary>
    private static bool Better(in ScoredDoc a, in ScoredDoc b) => a.Score > b.Score || (a.Score == b.Score && a.Doc < b.Doc);

    public static void SiftUp(ScoredDoc[] heap, int i)
    {
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Better(heap[parent], heap[i]))
            {
                return;
            }

            (heap[parent], heap[i]) = (heap[i], heap[parent]);
            i = parent;
        }
    }

    public static void SiftDown(ScoredDoc[] heap, int i, int size)
    {
        while (true)
        {
            int left = (2 * i) + 1;
            if (left >= size)
            {
                return;
            }

            int worst = left + 1 < size && Better(heap[left], heap[left + 1]) ? left + 1 : left;
            if (!Better(heap[i], heap[worst]))
            {
                return;
            }

            (heap[i], heap[worst]) = (heap[worst], heap[i]);
            i = worst;
        }
    }
}
