using CorpusSdk.Seeds;

namespace CorpusSdk.Tests;

/// <summary>The ranked engine on the real seed: query language, ranking, exclusion, filters, sort, paging, facets, concurrency.</summary>
public sealed class SearchEngineTests
{
    private static readonly SearchOptions Parts = new() { Unit = SearchUnit.Part, Top = 100 };

    [Theory]
    [InlineData("\"كيري", QueryErrorKind.UnclosedQuote, 0)]
    [InlineData("كيري (حلب", QueryErrorKind.UnclosedParenthesis, 5)]
    [InlineData("كيري)", QueryErrorKind.UnexpectedClosingParenthesis, 4)]
    [InlineData("كيري ()", QueryErrorKind.Empty, 5)]
    [InlineData("كيري \"\"", QueryErrorKind.Empty, 5)]
    [InlineData("OR كيري", QueryErrorKind.MissingOperand, 0)]
    [InlineData("كيري OR", QueryErrorKind.MissingOperand, 5)]
    [InlineData("كيري - روسيا", QueryErrorKind.DanglingExclusion, 5)]
    [InlineData("كيري OR -روسيا", QueryErrorKind.ExclusionInOr, 8)]
    [InlineData("-روسيا", QueryErrorKind.OnlyExclusions, 0)]
    [InlineData("كيري (-روسيا)", QueryErrorKind.OnlyExclusions, 6)]
    [InlineData("*", QueryErrorKind.MisplacedWildcard, 0)]
    [InlineData("ك*ري", QueryErrorKind.MisplacedWildcard, 1)]
    [InlineData("\"كيري تسريب*\"", QueryErrorKind.MisplacedWildcard, 11)]
    [InlineData("((((((((((((((((((كيري))))))))))))))))))", QueryErrorKind.TooDeep, 16)]
    public void Query_errors_say_what_and_where(string query, QueryErrorKind kind, int position)
    {
        using SearchResults results = Corpus.Search(query);
        Assert.False(results.IsValid);
        Assert.Equal(kind, results.Error!.Value.Kind);
        Assert.Equal(position, results.Error.Value.Position);
        Assert.NotEmpty(results.Error.Value.Message);
        Assert.Equal(0, results.TotalCount);
        Assert.Equal(0, Corpus.Count(query));
    }

    [Fact]
    public void Exclusion_removes_the_parts_that_have_the_word()
    {
        // كيري is in 15 parts; روسيا (or a form of it) is in 3 of them: 3, 6 and 10.
        int[] withKerry = PartsOf("كيري");
        int[] withoutRussia = PartsOf("كيري -روسيا");
        Assert.Equal(withKerry.Except([3, 6, 10]).Order(), withoutRussia.Order());
        Assert.Empty(PartsOf("كيري -\"حزب الله\"").Intersect([11]));

        // Articles: the one article has روسيا somewhere, so excluding it leaves nothing.
        Assert.Equal(1, Corpus.Count("كيري"));
        Assert.Equal(0, Corpus.Count("كيري -روسيا"));
    }

    [Fact]
    public void Or_and_parentheses_combine()
    {
        // حلب: parts 3, 10; داعش: part 14 (no كيري there).
        Assert.Equal([3, 10, 14], PartsOf("حلب OR داعش").Order());
        Assert.Equal([3, 10], PartsOf("كيري (حلب OR داعش)").Order());
        Assert.Equal([3, 10, 14], PartsOf("(كيري حلب) OR داعش").Order());
        Assert.Equal(PartsOf("كيري or").Length, PartsOf("كيري \"or\"").Length);
    }

    [Fact]
    public void A_word_as_written_ranks_above_the_word_reached_through_an_affix()
    {
        // أمريكا as written is in parts 6, 11 and 14; 0, 8, 10 and 17 only have الأمريكي(ة) / أمريكي.
        int[] ranked = PartsOf("أمريكا");
        Assert.Equal(7, ranked.Length);
        Assert.Equal([6, 11, 14], ranked[..3].Order());
    }

    [Fact]
    public void Title_weight_lifts_the_title()
    {
        // كيري is once in the title and once in most blocks: with the default weight 2 the title ranks first.
        Assert.Equal(-1, PartsOf("كيري")[0]);
        using SearchResults flat = Corpus.Search("كيري", Parts with { TitleWeight = 0.1f });
        Assert.NotEqual(-1, flat.Hits[0].BlockIndex);
    }

    [Fact]
    public void Scores_are_exposed_and_descend()
    {
        using SearchResults results = Corpus.Search("كيري أمريكا", Parts);
        Assert.True(results.Hits.Length > 1);
        for (int i = 1; i < results.Hits.Length; i++)
        {
            Assert.True(results.Hits[i - 1].Score >= results.Hits[i].Score);
        }

        Assert.All(results.Hits.ToArray(), h => Assert.True(h.Score > 0));
    }

    [Fact]
    public void An_article_carries_its_matching_parts_best_first_with_highlights()
    {
        using SearchResults results = Corpus.Search("كيري");
        RankedHit hit = Assert.Single(results.Hits.ToArray());
        ReadOnlySpan<PartHit> parts = results.GetParts(hit);
        Assert.Equal(15, parts.Length);
        Assert.Equal(-1, parts[0].BlockIndex);
        Assert.Equal(hit.BlockIndex, parts[0].BlockIndex);
        for (int i = 1; i < parts.Length; i++)
        {
            Assert.True(parts[i - 1].Score >= parts[i].Score);
        }

        PartHit six = parts.ToArray().Single(p => p.BlockIndex == 6);
        Assert.Equal(2, results.GetHighlights(six).Length);
    }

    [Fact]
    public void Paging_in_corpus_order_lists_every_part_once()
    {
        var all = new List<int>();
        for (int skip = 0; skip < 20; skip += 4)
        {
            using SearchResults page = Corpus.Search("كيري", Parts with { Sort = SearchSort.CorpusOrder, Skip = skip, Top = 4 });
            Assert.Equal(15, page.TotalCount);
            all.AddRange(page.Hits.ToArray().Select(h => h.BlockIndex));
        }

        Assert.Equal([-1, 0, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13, 16, 17], all);
    }

    [Fact]
    public void Date_sorts_keep_corpus_order_among_equal_dates()
    {
        // One article, one date: newest and oldest both fall back to corpus order.
        using SearchResults newest = Corpus.Search("كيري", Parts with { Sort = SearchSort.Newest, Top = 3 });
        Assert.Equal([-1, 0, 2], newest.Hits.ToArray().Select(h => h.BlockIndex));
        using SearchResults oldest = Corpus.Search("كيري", Parts with { Sort = SearchSort.Oldest, Top = 3 });
        Assert.Equal([-1, 0, 2], oldest.Hits.ToArray().Select(h => h.BlockIndex));
        Assert.True(newest.Hits[0].Score > 0);
    }

    [Fact]
    public void Filters_and_facets()
    {
        string author = Corpus.Articles[0].Author.ToString();
        var day = Corpus.Articles[0].Published;
        Assert.Equal(15, Corpus.Count("كيري", Parts with { Author = author }));
        Assert.Equal(0, Corpus.Count("كيري", Parts with { Author = author + "x" }));
        Assert.Equal(15, Corpus.Count("كيري", Parts with { From = day, To = day }));
        Assert.Equal(0, Corpus.Count("كيري", Parts with { From = day.AddDays(1) }));
        Assert.Equal(0, Corpus.Count("كيري", Parts with { To = day.AddDays(-1) }));

        using SearchResults results = Corpus.Search("كيري", Parts with { Facets = true });
        FacetCount byAuthor = Assert.Single(results.AuthorFacets.ToArray());
        Assert.Equal(author, Corpus.SearchEngine.GetAuthor(byAuthor.Value));
        Assert.Equal(15, byAuthor.Count);
        Assert.Equal(new FacetCount(2016, 15), Assert.Single(results.YearFacets.ToArray()));
    }

    [Fact]
    public void Disposed_results_cannot_be_read()
    {
        SearchResults results = Corpus.Search("كيري");
        results.Dispose();
        results.Dispose();
        Assert.Throws<ObjectDisposedException>(() => results.TotalCount);
    }

    [Fact]
    public void Options_out_of_range_are_argument_errors()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Corpus.Count("كيري", new SearchOptions { Top = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Corpus.Count("كيري", new SearchOptions { B = 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => Corpus.Count("كيري", new SearchOptions { Unit = (SearchUnit)9 }));
    }

    [Fact]
    public void Eight_threads_get_the_same_results_as_one_without_allocating()
    {
        string[] queries = ["كيري", "أمريكا", "\"الولايات المتحدة\"", "تسريب*", "كيري -روسيا", "حلب OR داعش", "(كيري حلب) OR داعش", "xyz", "كيري (", "قائلا"];
        SearchOptions[] options = [default, Parts, Parts with { Sort = SearchSort.CorpusOrder, Facets = true }, new SearchOptions(SearchMode.LuceneCompatible) { Unit = SearchUnit.Part }];
        long[] expected = queries.SelectMany(q => options.Select(o => Fingerprint(q, o))).ToArray();
        const int Rounds = 2_500; // 8 threads × 2,500 × 40 = 800,000 queries
        var errors = new System.Collections.Concurrent.ConcurrentBag<string>();
        var allocated = new long[8];
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            try
            {
                // Steady state: enough rounds that every thread's buffers have grown and the JIT has settled even on a
                // loaded machine (one CI run, with one warm-up round under heavy load, saw 2,616 B on one thread of 8).
                Run(20);
                long before = GC.GetAllocatedBytesForCurrentThread();
                Run(Rounds);
                allocated[t] = GC.GetAllocatedBytesForCurrentThread() - before;
            }
            catch (Exception exception)
            {
                errors.Add(exception.ToString());
            }

            void Run(int rounds)
            {
                for (int r = 0; r < rounds; r++)
                {
                    int i = 0;
                    foreach (string query in queries)
                    {
                        foreach (SearchOptions option in options)
                        {
                            if (Fingerprint(query, option) != expected[i++])
                            {
                                errors.Add(query);
                            }
                        }
                    }
                }
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        Assert.Empty(errors);
        Assert.All(allocated, a => Assert.Equal(0, a));
    }

    private static long Fingerprint(string query, in SearchOptions options)
    {
        using SearchResults results = Corpus.Search(query, options);
        long sum = results.TotalCount * 1_000_003L + (results.IsValid ? 0 : 7);
        foreach (RankedHit hit in results.Hits)
        {
            sum = (sum * 31) + hit.BlockIndex + BitConverter.SingleToInt32Bits(hit.Score);
            foreach (PartHit part in results.GetParts(hit))
            {
                foreach (SearchHit highlight in results.GetHighlights(part))
                {
                    sum = (sum * 31) + highlight.Start;
                }
            }
        }

        return sum + Corpus.Count(query, options);
    }

    private static int[] PartsOf(string query)
    {
        using SearchResults results = Corpus.Search(query, Parts);
        return results.Hits.ToArray().Select(h => h.BlockIndex).ToArray();
    }
}
