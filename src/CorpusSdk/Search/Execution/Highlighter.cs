using System;

namespace CorpusSdk.Search.Execution;

/// <summary>
/// Builds the returned hits: for each, its matching parts (sub-results) with their own scores, best first,
/// and each part's highlights (the character ranges of the words and phrases that matched). Positions are
/// read only here, and only for the hits of the page.
/// </summary>
internal static class Highlighter
{
    public static void AddHit(SearchContext context, in Evaluator evaluator, in IndexView index, bool articles, ScoredDoc doc, int corpus, bool subResults = true)
    {
        int firstPart = context.Parts.Count;
        if (!subResults)
        {
            // The hit alone: no positions read.
            int hitArticle = articles ? doc.Doc : index.PartArticles[doc.Doc];
            context.Hits.Add(new RankedHit(corpus, hitArticle, articles ? -1 : index.PartBlocks[doc.Doc] - 1, doc.Score, firstPart, 0));
            return;
        }

        evaluator.ResetCursors();
        int article;
        if (articles)
        {
            article = doc.Doc;
            int end = index.ArticleFirstParts[article + 1];
            for (int part = index.ArticleFirstParts[article]; part < end; part++)
            {
                AddPart(context, evaluator, index, part, null, corpus);
            }

            // Best part first; equal scores in text order.
            SortParts(context.Parts.AsSpan(firstPart, context.Parts.Count - firstPart));
        }
        else
        {
            article = index.PartArticles[doc.Doc];
            AddPart(context, evaluator, index, doc.Doc, doc.Score, corpus);
        }

        int count = context.Parts.Count - firstPart;
        int block = count > 0 ? context.Parts[firstPart].BlockIndex : -1;
        context.Hits.Add(new RankedHit(corpus, article, block, doc.Score, firstPart, count));
    }

    private static void AddPart(SearchContext context, in Evaluator evaluator, in IndexView index, int part, float? score, int corpus)
    {
        Buffer<long> spans = context.Spans;
        spans.Clear();
        if (!evaluator.MatchPart(context.Root, part, spans, out float partScore))
        {
            return;
        }

        Span<long> sorted = spans.AsSpan();
        SmallSort.Sort(sorted);
        int article = index.PartArticles[part];
        int block = index.PartBlocks[part] - 1;
        int first = context.Highlights.Count;
        long previous = -1;
        foreach (long span in sorted)
        {
            if (span == previous)
            {
                continue;
            }

            previous = span;
            int position = (int)(span >> 16);
            int last = position + (int)(span & 0xFFFF) - 1;
            int start = index.TokenStarts[position];
            int end = index.TokenStarts[last] + index.TokenLengths[last];
            context.Highlights.Add(new SearchHit(article, block, start, end - start) { CorpusIndex = corpus });
        }

        context.Parts.Add(new PartHit(corpus, article, block, score ?? partScore, first, context.Highlights.Count - first));
    }

    /// <summary>
    /// Best part first, equal scores in text order (block indexes are distinct, so the order is total). An insertion
    /// sort: an article has few parts, and the framework's sort with a comparison compiles about ten methods on the first query.
    /// </summary>
    private static void SortParts(Span<PartHit> parts)
    {
        for (int i = 1; i < parts.Length; i++)
        {
            PartHit part = parts[i];
            int j = i - 1;
            while (j >= 0 && Before(part, parts[j]))
            {
                parts[j + 1] = parts[j];
                j--;
            }

            parts[j + 1] = part;
        }

        static bool Before(in PartHit a, in PartHit b) => a.Score != b.Score ? a.Score > b.Score : a.BlockIndex < b.BlockIndex;
    }
}

/// <summary>
/// Sorts the short runs of positions the engine sorts per hit by insertion, longer ones with the framework's sort: the
/// first query then compiles none of the framework's generic sort helpers (seven methods for <c>long</c>).
/// </summary>
internal static class SmallSort
{
    private const int InsertionLimit = 64;

    public static void Sort(Span<long> values)
    {
        if (values.Length > InsertionLimit)
        {
            values.Sort();
            return;
        }

        for (int i = 1; i < values.Length; i++)
        {
            long value = values[i];
            int j = i - 1;
            while (j >= 0 && values[j] > value)
            {
                values[j + 1] = values[j];
                j--;
            }

            values[j + 1] = value;
        }
    }
}
