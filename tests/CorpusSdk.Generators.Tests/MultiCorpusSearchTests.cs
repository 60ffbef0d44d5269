using CorpusSdk.Generators.Parsing;
using CorpusSdk.SyntheticCorpus;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// Oracle for <see cref="MultiCorpusSearch"/>: searching corpora A and B (and A, B, C) together must give what one corpus
/// compiled from all their seeds gives — same hits in the same order, same scores, parts, highlights, counts and facets —
/// for many queries, both units, the default and Lucene-compatible modes, paging, sorts and filters. The corpora are built
/// in memory by the production parser, indexer and layout from synthetic seeds and the real seed, split by ID so that
/// the union's article order is A's then B's.
/// </summary>
public sealed class MultiCorpusSearchTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly Lazy<Split> Two = new(() => Split.Build([70]));

    private static readonly Lazy<Split> Three = new(() => Split.Build([40, 110]));

    [Fact]
    public void Two_corpora_search_as_one_index_of_both()
    {
        Split split = Two.Value;
        int hits = split.CompareAll(out int mixedPages);
        output.WriteLine($"{split.Queries.Length} queries × {split.Options.Length} options, {hits} hits compared, {mixedPages} pages mixing corpora");
        Assert.True(hits > 5_000, $"only {hits} hits compared");
        Assert.True(mixedPages > 100, $"only {mixedPages} pages with hits of both corpora");
    }

    [Fact]
    public void Three_corpora_search_as_one_index_of_all()
    {
        Split split = Three.Value;
        int hits = split.CompareAll(out int mixedPages);
        output.WriteLine($"{split.Queries.Length} queries × {split.Options.Length} options, {hits} hits compared, {mixedPages} pages mixing corpora");
        Assert.True(hits > 5_000, $"only {hits} hits compared");
        Assert.True(mixedPages > 100, $"only {mixedPages} pages with hits of several corpora");
    }

    [Fact]
    public void Queries_include_words_that_only_one_corpus_has()
    {
        // The planner's path for a term another corpus lacks (an empty leaf that still weighs in) is exercised.
        Split split = Two.Value;
        int onlyFirst = 0, onlySecond = 0;
        foreach (SearchOptions options in new[] { new SearchOptions(SearchMode.Default), new SearchOptions(SearchMode.LuceneCompatible) })
        {
            onlyFirst += split.Queries.Count(q => split.Parts[0].SearchEngine.Count(q, options) > 0 && split.Parts[1].SearchEngine.Count(q, options) == 0);
            onlySecond += split.Queries.Count(q => split.Parts[0].SearchEngine.Count(q, options) == 0 && split.Parts[1].SearchEngine.Count(q, options) > 0);
        }

        Assert.True(onlyFirst >= 2 && onlySecond >= 2, $"{onlyFirst} queries match only the first corpus, {onlySecond} only the second");
    }

    [Fact]
    public void A_corpus_searched_alone_scores_differently_from_the_union()
    {
        // What the oracle guards against: each corpus's own statistics give other scores than the union's.
        Split split = Two.Value;
        int differ = 0;
        foreach (string query in split.Queries)
        {
            using SearchResults alone = split.Parts[1].SearchEngine.Search(query);
            using SearchResults union = split.Union.SearchEngine.Search(query, new SearchOptions { Top = int.MaxValue });
            foreach (RankedHit hit in alone.Hits)
            {
                foreach (RankedHit other in union.Hits)
                {
                    if (other.ArticleIndex == split.Offsets[1] + hit.ArticleIndex && other.Score != hit.Score)
                    {
                        differ++;
                    }
                }
            }
        }

        Assert.True(differ > 50, $"only {differ} hits score differently alone");
    }

    [Fact]
    public void Default_mode_stems_are_chosen_per_corpus_a_documented_limit()
    {
        // docs/search.md, "Several corpora at once", Limits: the stem صين of الصيني is indexed only where the corpus
        // also has صين (here: B's الصين), so A compiled alone does not index it, and A with B finds less than A ∪ B.
        static string Seed(string body) => "عنوان\n\nكتبه سارة علي | 1 أكتوبر, 2016\n\n" + body + "\n";
        (string, string) a = ("/seeds/a.txt", Seed("قال المسؤول الصيني كلاما.")), b = ("/seeds/b.txt", Seed("زار الوفد الصين أمس."));
        CompiledCorpus union = SectionIndexData.Corpus([a, b]);
        var multi = new MultiCorpusSearch(SectionIndexData.Corpus([a]), SectionIndexData.Corpus([b]));

        Assert.Equal(2, union.SearchEngine.Count("الصين"));
        Assert.Equal(1, multi.Count("الصين"));
        var lucene = new SearchOptions(SearchMode.LuceneCompatible);
        Assert.Equal(union.SearchEngine.Count("الصيني", lucene), multi.Count("الصيني", lucene));
    }

    [Fact]
    public void Searching_several_corpora_allocates_zero_bytes_in_steady_state()
    {
        Split split = Two.Value;
        var multi = new MultiCorpusSearch(split.Parts);
        long first = split.RunAll(multi);
        long before = GC.GetAllocatedBytesForCurrentThread();
        long second = split.RunAll(multi);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(first, second);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void The_allocation_measurement_sees_an_allocating_search()
    {
        Split split = Two.Value;
        var multi = new MultiCorpusSearch(split.Parts);
        split.RunAll(multi);
        long before = GC.GetAllocatedBytesForCurrentThread();
        SearchResults undisposed = multi.Search(split.Queries[0]);
        SearchResults undisposed2 = multi.Search(split.Queries[0]);
        SearchResults undisposed3 = multi.Search(split.Queries[0]);
        SearchResults undisposed4 = multi.Search(split.Queries[0]);
        SearchResults undisposed5 = multi.Search(split.Queries[0]); // more than a thread keeps: a new context
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        foreach (SearchResults results in new[] { undisposed, undisposed2, undisposed3, undisposed4, undisposed5 })
        {
            results.Dispose();
        }

        Assert.True(allocated > 0);
    }

    [Fact]
    public void Hits_name_their_corpus_and_give_its_article_and_snippet()
    {
        var seeds = new[] { (TestFiles.RealSeedPath, TestFiles.RealSeed) };
        CompiledCorpus real = SectionIndexData.Corpus(seeds);
        var multi = new MultiCorpusSearch(real, real);
        using SearchResults results = multi.Search("إيران", new SearchOptions { Unit = SearchUnit.Part });
        Assert.Equal(2, results.TotalCount);
        Assert.Equal([0, 1], results.Hits.ToArray().Select(h => h.CorpusIndex));
        Assert.Equal(results.Hits[0].Score, results.Hits[1].Score);
        foreach (RankedHit hit in results.Hits)
        {
            foreach (PartHit part in results.GetParts(hit))
            {
                Assert.Equal(hit.CorpusIndex, part.CorpusIndex);
                Assert.All(results.GetHighlights(part).ToArray(), h => Assert.Equal(hit.CorpusIndex, h.CorpusIndex));
            }
        }

        Assert.Same(multi.Corpora[1], real);
        Assert.Equal(1, multi.AuthorCount);
    }

    [Fact]
    public void Constructor_rejects_no_corpus_and_null()
    {
        Assert.Throws<ArgumentException>(() => new MultiCorpusSearch());
        Assert.Throws<ArgumentNullException>(() => new MultiCorpusSearch(null!));
        Assert.Throws<ArgumentNullException>(() => new MultiCorpusSearch(Two.Value.Parts[0], null!));
    }

    /// <summary>Corpora cut from one ordered list of seeds, the corpus of them all, the queries and the options.</summary>
    private sealed record Split(CompiledCorpus[] Parts, int[] Offsets, CompiledCorpus Union, string[] Queries, SearchOptions[] Options)
    {
        /// <summary>180 synthetic seeds and the real seed in ID order, cut before each of <paramref name="cuts"/>.</summary>
        public static Split Build(int[] cuts)
        {
            List<(string Path, string Text, string Id)> seeds = SyntheticCorpus.SyntheticCorpus.Generate(180, Vocabulary.FromSeed())
                .Select(a => ("/seeds/" + a.FileName, a.Text))
                .Append((TestFiles.RealSeedPath, TestFiles.RealSeed))
                .Select(s => (s.Item1, s.Item2, SeedParser.Parse(s.Item1, s.Item2).Article!.Id))
                .OrderBy(s => s.Id, StringComparer.Ordinal)
                .ToList();
            int[] bounds = [0, .. cuts, seeds.Count];
            var parts = new CompiledCorpus[bounds.Length - 1];
            var texts = new string[parts.Length];
            for (int p = 0; p < parts.Length; p++)
            {
                var slice = seeds.Skip(bounds[p]).Take(bounds[p + 1] - bounds[p]).ToList();
                parts[p] = SectionIndexData.Corpus(slice.Select(s => (s.Path, s.Text)));
                texts[p] = string.Join("\n", slice.Select(s => s.Text));
            }

            CompiledCorpus union = SectionIndexData.Corpus(seeds.Select(s => (s.Path, s.Text)));
            string[] queries = MakeQueries(texts);
            return new Split(parts, bounds[..^1], union, queries, MakeOptions(union, queries[0]));
        }

        /// <summary>Compares every query and option both ways; returns the hits compared and the pages that mix corpora.</summary>
        public int CompareAll(out int mixedPages)
        {
            var multi = new MultiCorpusSearch(Parts);
            int hits = 0;
            mixedPages = 0;
            foreach (string query in Queries)
            {
                foreach (SearchOptions options in Options)
                {
                    hits += Compare(multi, query, options, ref mixedPages);
                }
            }

            return hits;
        }

        private int Compare(MultiCorpusSearch multi, string query, SearchOptions options, ref int mixedPages)
        {
            string what = $"«{query}» with {options}";
            using SearchResults expected = Union.SearchEngine.Search(query, options);
            using SearchResults actual = multi.Search(query, options);
            Assert.True(expected.IsValid == actual.IsValid, what);
            Assert.True(expected.TotalCount == actual.TotalCount, $"{what}: {actual.TotalCount} matches, expected {expected.TotalCount}");
            Assert.True(Union.SearchEngine.Count(query, options) == multi.Count(query, options), what + ": Count");
            Assert.True(expected.Hits.Length == actual.Hits.Length, $"{what}: {actual.Hits.Length} hits, expected {expected.Hits.Length}");
            for (int i = 0; i < expected.Hits.Length; i++)
            {
                RankedHit e = expected.Hits[i], a = actual.Hits[i];
                string where = $"{what}, hit {i}";
                Assert.True(e.ArticleIndex == Offsets[a.CorpusIndex] + a.ArticleIndex, $"{where}: article {a.CorpusIndex}/{a.ArticleIndex}, expected {e.ArticleIndex}");
                Assert.True(e.BlockIndex == a.BlockIndex, where + ": block");
                AssertScore(e.Score, a.Score, where);
                ReadOnlySpan<PartHit> eParts = expected.GetParts(e), aParts = actual.GetParts(a);
                Assert.True(eParts.Length == aParts.Length, where + ": parts");
                for (int p = 0; p < eParts.Length; p++)
                {
                    Assert.True(eParts[p].BlockIndex == aParts[p].BlockIndex && aParts[p].CorpusIndex == a.CorpusIndex, $"{where}, part {p}");
                    AssertScore(eParts[p].Score, aParts[p].Score, $"{where}, part {p}");
                    ReadOnlySpan<SearchHit> eMarks = expected.GetHighlights(eParts[p]), aMarks = actual.GetHighlights(aParts[p]);
                    Assert.True(eMarks.Length == aMarks.Length, $"{where}, part {p}: highlights");
                    for (int m = 0; m < eMarks.Length; m++)
                    {
                        Assert.True(eMarks[m] with { ArticleIndex = 0 } == aMarks[m] with { ArticleIndex = 0, CorpusIndex = 0 }, $"{where}, part {p}, highlight {m}");
                    }
                }
            }

            Assert.True(
                Facets(expected.AuthorFacets, Union.SearchEngine.GetAuthor).SequenceEqual(Facets(actual.AuthorFacets, multi.GetAuthor)),
                what + ": author facets");
            Assert.True(expected.YearFacets.SequenceEqual(actual.YearFacets), what + ": year facets");
            if (actual.Hits.Length > 1 && actual.Hits.ToArray().Any(h => h.CorpusIndex != actual.Hits[0].CorpusIndex))
            {
                mixedPages++;
            }

            return actual.Hits.Length;
        }

        /// <summary>Every query and option on <paramref name="multi"/>; a checksum of what was read.</summary>
        public long RunAll(MultiCorpusSearch multi)
        {
            long sum = 0;
            foreach (string query in Queries)
            {
                foreach (SearchOptions options in Options)
                {
                    sum += multi.Count(query, options);
                    using SearchResults results = multi.Search(query, options);
                    sum = (sum * 31) + results.TotalCount + results.AuthorFacets.Length + results.YearFacets.Length;
                    foreach (RankedHit hit in results.Hits)
                    {
                        sum = (sum * 31) + hit.CorpusIndex + hit.ArticleIndex + BitConverter.SingleToInt32Bits(hit.Score);
                        foreach (PartHit part in results.GetParts(hit))
                        {
                            sum += results.GetHighlights(part).Length;
                        }
                    }
                }
            }

            return sum;
        }

        private static void AssertScore(float expected, float actual, string where) =>
            Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(Math.Abs(expected), Math.Abs(actual)), $"{where}: score {actual:R}, expected {expected:R}");

        private static List<(string, int)> Facets(ReadOnlySpan<FacetCount> facets, Func<int, string> name)
        {
            var list = new List<(string, int)>();
            foreach (FacetCount facet in facets)
            {
                list.Add((name(facet.Value), facet.Count));
            }

            return list;
        }

        /// <summary>
        /// Words by frequency (frequent, middling, rare), words that only the first or only the last corpus has, phrases
        /// from the text, AND, OR, prefixes, exclusions and groups of them.
        /// </summary>
        private static string[] MakeQueries(string[] texts)
        {
            List<string>[] words = texts.Select(Words).ToArray();
            List<string> all = Words(string.Join("\n", texts));
            var first = words[0].ToHashSet(StringComparer.Ordinal);
            var last = words[^1].ToHashSet(StringComparer.Ordinal);
            string[] onlyFirst = words[0].Where(w => !last.Contains(w) && w.Length > 4).Take(6).ToArray();
            string[] onlyLast = words[^1].Where(w => !first.Contains(w) && w.Length > 4).Take(6).ToArray();
            string f0 = all[0], f1 = all[1], f5 = all[5], m1 = all[all.Count / 10], m2 = all[all.Count / 4], m3 = all[all.Count / 2], r1 = all[^1], r2 = all[^2];
            var queries = new List<string>
            {
                f0, f1, f5, m1, m2, m3, r1, r2,
                f0 + " " + f1, f5 + " " + m1, m1 + " " + m2 + " " + f0,
                f0 + " OR " + m2, m3 + " OR " + r1 + " OR " + f5,
                f0[..3] + "*", m1[..Math.Min(4, m1.Length)] + "*", f5[..2] + "* " + f1,
                f0 + " -" + f1, m1 + " -" + f0, f1 + " -(" + m2 + " OR " + f5 + ")",
                "(" + m2 + " OR " + r1 + ") " + f0, "(" + f0 + " " + f1 + ") OR " + m3,
                "zzzzzz", f0 + " zzzzzz", f0 + " -zzzzzz",
            };
            foreach (string w in onlyFirst.Concat(onlyLast))
            {
                queries.Add(w);
                queries.Add(w + " OR " + f5);
                queries.Add(f0 + " -" + w);
                queries.Add(w[..4] + "*");
            }

            queries.Add(onlyFirst[0] + " OR " + onlyLast[0]);
            queries.Add(onlyFirst[0] + " " + onlyLast[0]);
            queries.Add("(" + onlyFirst[1] + " OR " + onlyLast[1] + ") " + f1);

            // Phrases of two and three words from sentences of several articles.
            foreach (string text in texts)
            {
                string[] sentence = text.Split('\n').Where(l => l.Length > 60).ElementAt(3).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                queries.Add("\"" + sentence[1] + " " + sentence[2] + "\"");
                queries.Add("\"" + sentence[3] + " " + sentence[4] + " " + sentence[5] + "\"");
                queries.Add("\"" + sentence[1] + " " + sentence[2] + "\" OR " + m2);
            }

            return queries.ToArray();
        }

        private static List<string> Words(string text) => text
            .Split([' ', '\n', '\r', '،', '.', ':', '“', '”', '«', '»', '[', ']', '(', ')', '#', '|', '-', '*', '"'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 2 && !w.Any(char.IsDigit))
            .GroupBy(w => w, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key)
            .ToList();

        /// <summary>Both units, default and Lucene modes: pages, sorts, facets, the most frequent author and a year as filters.</summary>
        private static SearchOptions[] MakeOptions(CompiledCorpus union, string frequent)
        {
            string author;
            int year;
            using (SearchResults all = union.SearchEngine.Search(frequent, new SearchOptions { Facets = true }))
            {
                author = union.SearchEngine.GetAuthor(all.AuthorFacets[0].Value);
                year = all.YearFacets.ToArray().First(y => y.Value != 0).Value;
            }

            var options = new List<SearchOptions>();
            foreach (SearchMode mode in new[] { SearchMode.Default, SearchMode.LuceneCompatible })
            {
                foreach (SearchUnit unit in new[] { SearchUnit.Article, SearchUnit.Part })
                {
                    var o = new SearchOptions(mode) { Unit = unit };
                    options.Add(o with { Top = 10, Facets = true });
                    options.Add(o with { Skip = 3, Top = 7 });
                    options.Add(o with { Sort = SearchSort.Newest, Top = 15 });
                    options.Add(o with { Sort = SearchSort.Oldest, Skip = 2, Top = 5, Facets = true });
                    options.Add(o with { Sort = SearchSort.CorpusOrder, Skip = 60, Top = 12 });
                    options.Add(o with { Author = author, Top = 10, Facets = true });
                    options.Add(o with { From = new DateOnly(year, 1, 1), To = new DateOnly(year, 12, 31), Top = 10 });
                    options.Add(o with { Top = 1_000 });
                }
            }

            return options.ToArray();
        }
    }
}
