using System;
using Xunit;

namespace CorpusSdk.Cli.Tests;

/// <summary>Output details that the repository's one seed does not exercise.</summary>
public class SyntheticCorpusTests
{
    private static ArticleCollection CreateCorpus()
    {
        var blocks = new[]
        {
            new Block(BlockKind.Heading, 0, 5, "Head"),
            new Block(BlockKind.Paragraph, 1, 7, "see «one» and link then «two»"),
        };
        var quotes = new[] { new Quote(blocks[1], 5, 3), new Quote(blocks[1], 25, 3) };
        var links = new[] { new Link(blocks[1], 14, 4, "https://example.invalid/\u001b[31m") };
        var article = new Article("b", "Title\twith tab", 1, "Author\nline", 3, new DateOnly(2001, 2, 3), 7, blocks, quotes, links);
        var empty = new Article("a", "Empty", 1, "Nobody", 3, new DateOnly(1999, 12, 31), 0, [], [], []);
        return new ArticleCollection([empty, article]);
    }

    [Fact]
    public void ListEscapesControlCharactersSoEachArticleStaysOneLineOfFourFields()
    {
        CliRun run = CliRun.Of(["list"], CreateCorpus());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "a\t1999-12-31\tNobody\tEmpty\n" +
            "b\t2001-02-03\tAuthor\\u000aline\tTitle\\u0009with tab\n",
            run.Stdout);
    }

    [Fact]
    public void ShowMergesQuotationsAndLinksInReadingOrder()
    {
        CliRun run = CliRun.Of(["show", "b"], CreateCorpus());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            "Title\\u0009with tab\n" +
            "Author\\u000aline\n" +
            "2001-02-03\n" +
            "\n" +
            "[heading] block 0 (line 5)\n" +
            "Head\n" +
            "\n" +
            "[paragraph] block 1 (line 7)\n" +
            "see «one» and link then «two»\n" +
            "  quote: «one»\n" +
            "  link: link -> https://example.invalid/\\u001b[31m\n" +
            "  quote: «two»\n",
            run.Stdout);
    }

    [Fact]
    public void ShowOfAnArticleWithoutBlocksPrintsOnlyTheHeader()
    {
        CliRun run = CliRun.Of(["show", "a"], CreateCorpus());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Empty\nNobody\n1999-12-31\n", run.Stdout);
    }

    [Fact]
    public void EmptyCorpusListsNothing()
    {
        CliRun run = CliRun.Of(["list"], new ArticleCollection([]));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal(string.Empty, run.Stderr);
    }
}
