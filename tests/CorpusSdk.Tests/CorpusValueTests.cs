using CorpusSdk.Seeds;

namespace CorpusSdk.Tests;

/// <summary>The compiled corpus as a value (<c>Corpus.Instance</c>), and <see cref="MultiCorpusSearch"/> over the real corpus.</summary>
public sealed class CorpusValueTests
{
    private static readonly string[] Queries =
    [
        "كيري", "إيران", "\"الولايات المتحدة\"", "تسريب*", "نقاتل معكم", "كيري -روسيا", "حلب OR داعش", "(كيري حلب) OR داعش", "xyz",
    ];

    [Fact]
    public void Instance_is_the_generated_corpus_as_one_value()
    {
        CompiledCorpus corpus = Corpus.Instance;
        Assert.Same(corpus, Corpus.Instance);
        Assert.Same(Corpus.Articles, corpus.Articles);
        Assert.Equal(Corpus.ContentHash, corpus.ContentHash);
        Assert.Same(Corpus.SearchEngine, corpus.SearchEngine);
        Assert.Equal(CorpusSdkInfo.CorpusFormatVersion, corpus.FormatVersion);
        Assert.Equal("1 article, " + Corpus.ContentHash, corpus.ToString());
    }

    [Fact]
    public void One_corpus_searched_as_several_gives_its_own_results()
    {
        var one = new MultiCorpusSearch(Corpus.Instance);
        foreach (SearchOptions options in Options())
        {
            foreach (string query in Queries)
            {
                using SearchResults expected = Corpus.Search(query, options);
                using SearchResults actual = one.Search(query, options);
                Assert.Equal(expected.TotalCount, actual.TotalCount);
                Assert.Equal(Corpus.Count(query, options), one.Count(query, options));
                Assert.Equal(expected.Hits.ToArray(), actual.Hits.ToArray());
                foreach (RankedHit hit in expected.Hits)
                {
                    Assert.Equal(expected.GetParts(hit).ToArray(), actual.GetParts(hit).ToArray());
                }

                Assert.Equal(expected.AuthorFacets.ToArray(), actual.AuthorFacets.ToArray());
                Assert.Equal(expected.YearFacets.ToArray(), actual.YearFacets.ToArray());
            }
        }
    }

    [Fact]
    public void The_same_corpus_twice_doubles_every_match_with_the_statistics_of_both()
    {
        var twice = new MultiCorpusSearch(Corpus.Instance, Corpus.Instance);
        var options = new SearchOptions { Unit = SearchUnit.Part, Top = 100, Facets = true };
        using SearchResults single = Corpus.Search("كيري", options);
        using SearchResults both = twice.Search("كيري", options);

        Assert.Equal(2 * single.TotalCount, both.TotalCount);
        Assert.Equal(2 * single.Hits.Length, both.Hits.Length);
        // Each part once from each corpus with one score; best first, equal scores in corpus order (corpus 0's first).
        RankedHit[] hits = both.Hits.ToArray();
        foreach (IGrouping<(int, int), RankedHit> part in hits.GroupBy(h => (h.ArticleIndex, h.BlockIndex)))
        {
            Assert.Equal([0, 1], part.Select(h => h.CorpusIndex).Order());
            Assert.Single(part.Select(h => h.Score).Distinct());
        }

        for (int i = 1; i < hits.Length; i++)
        {
            Assert.True(hits[i - 1].Score > hits[i].Score || (hits[i - 1].Score == hits[i].Score && hits[i - 1].CorpusIndex <= hits[i].CorpusIndex), $"hit {i} out of order");
        }

        // The same parts (their order may change: a word's terms have other idfs in the doubled collection).
        Assert.True(hits.Select(h => (h.ArticleIndex, h.BlockIndex)).ToHashSet().SetEquals(single.Hits.ToArray().Select(h => (h.ArticleIndex, h.BlockIndex))));

        // Doubling N and every document frequency changes the idf: the scores are not the single corpus's.
        Assert.NotEqual(single.Hits[0].Score, both.Hits[0].Score);
        Assert.Equal(Corpus.SearchEngine.GetAuthor(single.AuthorFacets[0].Value), twice.GetAuthor(both.AuthorFacets[0].Value));
        Assert.Equal(2 * single.AuthorFacets[0].Count, both.AuthorFacets[0].Count);
        Assert.Equal(2 * single.YearFacets[0].Count, both.YearFacets[0].Count);
        Assert.Same(Corpus._000_8fbc388ac0ad8ee7, twice.GetArticle(both.Hits[1]));
    }

    [Fact]
    public void Snippets_come_from_the_corpus_of_the_highlights()
    {
        var twice = new MultiCorpusSearch(Corpus.Instance, Corpus.Instance);
        using SearchResults results = twice.Search("إيران");
        Span<char> buffer = stackalloc char[512];
        Span<char> expected = stackalloc char[512];
        PartHit part = results.GetParts(results.Hits[1])[0];
        ReadOnlySpan<SearchHit> highlights = results.GetHighlights(part);
        Assert.Equal(1, highlights[0].CorpusIndex);
        Assert.True(twice.TryWritePartSnippet(highlights, buffer, out int written));
        Assert.True(Corpus.SearchEngine.TryWritePartSnippet(highlights, expected, out int expectedLength));
        Assert.Equal(expected[..expectedLength].ToString(), buffer[..written].ToString());
        Assert.Contains("[لإيران]", buffer[..written].ToString(), StringComparison.Ordinal);
        SearchHit elsewhere = highlights[0] with { CorpusIndex = 2 };
        Assert.Throws<ArgumentOutOfRangeException>(() => twice.TryWritePartSnippet([elsewhere], new char[512], out _));
    }

    [Fact]
    public void Author_filter_and_names_work_across_corpora()
    {
        var twice = new MultiCorpusSearch(Corpus.Instance, Corpus.Instance);
        string author = Corpus._000_8fbc388ac0ad8ee7.Author.ToString();
        Assert.Equal(1, twice.AuthorCount);
        Assert.Equal(author, twice.GetAuthor(0));
        Assert.Equal(2 * Corpus.Count("كيري"), twice.Count("كيري", new SearchOptions { Author = author }));
        Assert.Equal(0, twice.Count("كيري", new SearchOptions { Author = "nobody" }));
        Assert.Throws<ArgumentOutOfRangeException>(() => twice.GetAuthor(1));
    }

    [Fact]
    public void Eight_threads_share_one_MultiCorpusSearch_from_its_first_query()
    {
        // A fresh instance: its statistics and author table are made by whichever thread gets there first.
        SearchOptions[] options = [new SearchOptions { Facets = true }, new SearchOptions(SearchMode.LuceneCompatible) { Unit = SearchUnit.Part, Facets = true }];
        var reference = new MultiCorpusSearch(Corpus.Instance, Corpus.Instance);
        long[] expected = Queries.SelectMany(q => options.Select(o => Fingerprint(reference, q, o))).ToArray();
        var shared = new MultiCorpusSearch(Corpus.Instance, Corpus.Instance);
        var errors = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var start = new Barrier(8);
        var threads = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
        {
            start.SignalAndWait();
            for (int round = 0; round < 200; round++)
            {
                int i = 0;
                foreach (string query in Queries)
                {
                    foreach (SearchOptions option in options)
                    {
                        if (Fingerprint(shared, query, option) != expected[i++])
                        {
                            errors.Add(query);
                        }
                    }
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(errors);
    }

    private static long Fingerprint(MultiCorpusSearch search, string query, in SearchOptions options)
    {
        using SearchResults results = search.Search(query, options);
        long sum = results.TotalCount * 1_000_003L;
        foreach (RankedHit hit in results.Hits)
        {
            sum = (sum * 31) + hit.CorpusIndex + hit.BlockIndex + BitConverter.SingleToInt32Bits(hit.Score);
        }

        foreach (FacetCount facet in results.AuthorFacets)
        {
            sum = (sum * 31) + search.GetAuthor(facet.Value).Length + facet.Count;
        }

        return sum + search.Count(query, options);
    }

    private static IEnumerable<SearchOptions> Options()
    {
        foreach (SearchMode mode in Enum.GetValues<SearchMode>())
        {
            foreach (SearchUnit unit in Enum.GetValues<SearchUnit>())
            {
                yield return new SearchOptions(mode) { Unit = unit, Facets = true, Top = 20 };
                yield return new SearchOptions(mode) { Unit = unit, Sort = SearchSort.Newest, Skip = 1, Top = 3 };
                yield return new SearchOptions(mode) { Unit = unit, Sort = SearchSort.CorpusOrder, Top = 5 };
            }
        }
    }
}
