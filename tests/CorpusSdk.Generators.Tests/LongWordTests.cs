using CorpusSdk.Analysis;
using CorpusSdk.Generators.Parsing;
using CorpusSdk.Generators.Search;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// A word over 255 characters has no terms but keeps its position, at index time and at query time alike
/// (both call TextAnalyzer), as Lucene's StandardTokenizer skips it with a position increment.
/// </summary>
public sealed class LongWordTests
{
    private static readonly string Long = new('x', 300);

    private static string Seed(string body) => "Leaks\n\nBy Jane Doe | 1 October, 2016\n\n" + body + "\n";

    [Fact]
    public void Indexer_gives_the_long_word_a_position_and_no_term()
    {
        var article = SeedParser.Parse("a.txt", Seed("alpha " + Long + " beta gamma")).Article!;
        ArticleIndexSpec spec = ArticleIndexer.Index(article, "a.txt");
        PartSpec block = spec.Parts[1];
        Assert.Equal(4, block.Starts.Count);
        Assert.Equal(300, block.Lengths[1]);
        Assert.DoesNotContain(spec.Terms, t => t.Term.Length > 255);

        // beta is word 3 of the article (title word 0, alpha 1, the long word 2).
        TermPostings beta = spec.Terms.Single(t => t.Mode == IndexMode.Exact && t.Term == "beta");
        Assert.Equal([3], beta.Tokens);
    }

    [Fact]
    public void Phrase_does_not_jump_over_a_long_word()
    {
        CorpusSearch search = SectionIndexData.Search([("a.txt", Seed("alpha " + Long + " beta")), ("b.txt", Seed("alpha beta"))]);
        foreach (SearchMode mode in Enum.GetValues<SearchMode>())
        {
            var options = new SearchOptions(mode) { Unit = SearchUnit.Part };
            Assert.Equal(1, search.Count("\"alpha beta\"", options)); // only b.txt
            Assert.Equal(2, search.Count("alpha beta", options));
            // The long word in a query is a gap any word fills, as in Lucene.
            Assert.Equal(1, search.Count("\"alpha " + Long + " beta\"", options));
        }
    }

    [Fact]
    public void Query_side_counts_the_long_word_like_the_index()
    {
        var analyzer = new TextAnalyzer("alpha " + Long + " beta");
        var positions = new List<int>();
        while (analyzer.Next(out AnalyzedWord word))
        {
            positions.Add(word.HasTerms ? word.Position : -word.Position);
        }

        Assert.Equal([0, -1, 2], positions);
    }
}
