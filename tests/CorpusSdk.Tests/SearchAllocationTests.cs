using System.Text;
using CorpusSdk.Seeds;

namespace CorpusSdk.Tests;

/// <summary>Search allocates nothing in steady state, and no query can make it throw or blow the stack.</summary>
public sealed class SearchAllocationTests
{
    private static readonly string[] Queries =
    [
        "كيري", "قائلا", "إيران", "\"الولايات المتحدة\"", "تسريب*", "نقاتل معكم", "xyz", "", "   ", "،،،", "ًٌٍ",
    ];

    private static readonly SearchMode[] Modes = [SearchMode.Default, SearchMode.Exact, SearchMode.Normalized, SearchMode.LuceneCompatible];

    private static readonly SearchUnit[] Units = [SearchUnit.Article, SearchUnit.Part];

    [Fact]
    public void Queries_enumeration_and_snippets_allocate_zero_bytes()
    {
        long warmup = RunAll();
        long before = GC.GetAllocatedBytesForCurrentThread();
        long checksum = RunAll();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(warmup, checksum);
        Assert.True(checksum > 0);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Two_corpora_searched_as_one_allocate_zero_bytes()
    {
        var both = new MultiCorpusSearch(Corpus.Instance, Corpus.Instance);
        long warmup = RunAll(both);
        long before = GC.GetAllocatedBytesForCurrentThread();
        long checksum = RunAll(both);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(warmup, checksum);
        Assert.True(checksum > RunAll());
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void Measurement_sees_an_allocating_search()
    {
        RunAll();
        long before = GC.GetAllocatedBytesForCurrentThread();
        var list = Occurrences.Of("كيري");

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before > 0);
        Assert.NotEmpty(list);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"")]
    [InlineData("\"\"")]
    [InlineData("*")]
    [InlineData("**")]
    [InlineData("\uD800")]
    [InlineData("\uDC00كيري\uD800")]
    [InlineData("ًٌٍَُِّْ")]
    [InlineData("ـــ")]
    [InlineData(".,;:!?،؛؟“”«»()[]{}")]
    [InlineData("\u202Eكيري")]
    [InlineData("\0")]
    public void Odd_queries_return_without_throwing(string query)
    {
        foreach (SearchMode mode in Modes)
        {
            int count = Corpus.Count(query, Occurrences.AllParts(mode));
            using SearchResults results = Corpus.Search(query, Occurrences.AllParts(mode));
            foreach (SearchHit hit in Occurrences.Of(query, mode))
            {
                Assert.InRange(hit.Start + hit.Length, 0, Corpus.SearchEngine.GetPartText(hit).Length);
            }

            Assert.Equal(count, results.TotalCount);
            Assert.Equal(count, results.Hits.Length);
        }
    }

    [Fact]
    public void Query_of_100_KB_returns_without_throwing()
    {
        var words = new StringBuilder();
        while (words.Length < 100_000)
        {
            words.Append("كيري ");
        }

        var single = new string('ك', 100_000);
        string phrase = "\"" + words + "\"";
        foreach (SearchMode mode in Modes)
        {
            var options = new SearchOptions(mode);
            // 20,000 words are more clauses than a query may have: an error, not a silent cut.
            using (SearchResults results = Corpus.Search(words.ToString(), options))
            {
                Assert.Equal(QueryErrorKind.TooManyClauses, results.Error?.Kind);
            }

            Assert.True(Corpus.Count(string.Join(" ", Enumerable.Repeat("كيري", QueryError.MaxClauses)), options) > 0);
            Assert.Equal(0, Corpus.Count(single, options));
            Assert.Equal(0, Corpus.Count(single + "*", options));
            Assert.Equal(0, Corpus.Count(phrase, options));
        }
    }

    [Fact]
    public void Unknown_mode_is_a_documented_argument_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Corpus.Count("كيري", new SearchOptions((SearchMode)42)));
        Assert.Throws<ArgumentNullException>(() => Corpus.Search(null!));
    }

    [Fact]
    public void Snippet_marks_the_match_and_keeps_marks_with_their_letters()
    {
        Span<char> buffer = stackalloc char[512];
        foreach (SearchHit hit in Occurrences.Of("قائلا"))
        {
            Assert.True(Corpus.TryWriteSnippet(hit, buffer, out int written));
            string snippet = buffer[..written].ToString();
            Assert.Contains("[قائلاً]", snippet, StringComparison.Ordinal);
            Assert.False(char.IsLowSurrogate(snippet[0]));
            Assert.NotEqual(System.Globalization.UnicodeCategory.NonSpacingMark, char.GetUnicodeCategory(snippet.TrimStart('…')[0]));
        }

        SearchHit first = Occurrences.Of("كيري")[0];

        Assert.False(Corpus.TryWriteSnippet(first, buffer[..3], out int none));
        Assert.Equal(0, none);
        var options = new SnippetOptions { Before = "<b>", After = "</b>", Context = 0, Ellipsis = "" };
        Assert.True(Corpus.SearchEngine.TryWriteSnippet(first, buffer, out int exact, options));
        Assert.Equal("<b>كيري</b>", buffer[..exact].ToString());
    }

    [Fact]
    public void Snippet_never_cuts_between_a_letter_and_its_mark()
    {
        // Context 1 would cut right after the letter before "ً" if it did not move the boundary.
        Span<char> buffer = stackalloc char[256];
        foreach (SearchHit hit in Occurrences.Of("إن", SearchMode.Exact))
        {
            for (int context = 0; context < 12; context++)
            {
                var options = new SnippetOptions { Context = context, Before = "", After = "", Ellipsis = "|" };
                Assert.True(Corpus.SearchEngine.TryWriteSnippet(hit, buffer, out int written, options));
                string text = buffer[..written].ToString().Trim('|');
                Assert.True(text.Length == 0 || char.GetUnicodeCategory(text[0]) != System.Globalization.UnicodeCategory.NonSpacingMark, $"starts with a mark at context {context}");
                string part = Corpus.SearchEngine.GetPartText(hit).ToString();
                int at = part.IndexOf(text, StringComparison.Ordinal);
                Assert.True(at >= 0);
                int after = at + text.Length;
                Assert.True(after == part.Length || char.GetUnicodeCategory(part[after]) != System.Globalization.UnicodeCategory.NonSpacingMark, $"cut before a mark at context {context}");
            }
        }
    }

    /// <summary>Every query, mode and unit on the corpus, or on <paramref name="both"/> when given; a checksum of what was read.</summary>
    private static long RunAll(MultiCorpusSearch? both = null)
    {
        Span<char> snippet = stackalloc char[512];
        long sum = 0;
        foreach (string query in Queries)
        {
            foreach (SearchMode mode in Modes)
            {
                foreach (SearchUnit unit in Units)
                {
                    var options = new SearchOptions(mode) { Unit = unit, Facets = true, Top = 20 };
                    sum += both?.Count(query, options) ?? Corpus.Count(query, options);
                    using SearchResults results = both?.Search(query, options) ?? Corpus.Search(query, options);
                    sum += results.TotalCount + results.AuthorFacets.Length + results.YearFacets.Length;
                    foreach (RankedHit hit in results.Hits)
                    {
                        sum += hit.CorpusIndex + hit.ArticleIndex + hit.BlockIndex;
                        foreach (PartHit part in results.GetParts(hit))
                        {
                            ReadOnlySpan<SearchHit> highlights = results.GetHighlights(part);
                            foreach (SearchHit highlight in highlights)
                            {
                                sum += highlight.Start + highlight.Length;
                            }

                            if (both?.TryWritePartSnippet(highlights, snippet, out int written) ?? Corpus.SearchEngine.TryWritePartSnippet(highlights, snippet, out written))
                            {
                                sum += written;
                            }
                        }
                    }
                }
            }
        }

        return sum;
    }
}
