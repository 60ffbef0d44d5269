namespace CorpusSdk.Tests;

/// <summary>The runtime types reject inconsistent data with errors that say what and where.</summary>
public sealed class RuntimeTypeTests
{
    private static Block[] Blocks() => [new Block(BlockKind.Paragraph, 0, 5, "نص “مقتبس” هنا."), new Block(BlockKind.Heading, 1, 7, "عنوان")];

    [Fact]
    public void Slice_outside_the_text_throws_with_the_range()
    {
        var text = new CorpusText("abc");
        Assert.Equal("bc", text.Slice(1, 2).ToString());
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => text.Slice(2, 5));
        Assert.Contains("[2, 2+5)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quote_outside_its_block_throws()
    {
        Block block = Blocks()[0];
        Assert.Equal("مقتبس", new Quote(block, 4, 5).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Quote(block, 10, 50));
    }

    [Fact]
    public void Article_rejects_blocks_out_of_order()
    {
        Block[] blocks = [new Block(BlockKind.Paragraph, 1, 5, "x")];
        var error = Assert.Throws<ArgumentException>(() => new Article("id", "t", 1, "a", 3, default, 1, blocks, [], []));
        Assert.Contains("'id'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Articles_must_be_sorted_by_id()
    {
        Article a = new("a", "t", 1, "x", 3, default, 0, [], [], []);
        Article b = new("b", "t", 1, "x", 3, default, 0, [], [], []);
        Assert.Equal(2, new ArticleCollection([a, b]).Count);
        Assert.Throws<ArgumentException>(() => new ArticleCollection([b, a]));
        Assert.Throws<ArgumentException>(() => new ArticleCollection([a, a]));
    }

    [Fact]
    public void Kind_views_select_their_blocks()
    {
        Block[] blocks = Blocks();
        var article = new Article("id", "t", 1, "a", 3, new DateOnly(2020, 1, 2), 4, blocks, [new Quote(blocks[0], 4, 5)], [new Link(blocks[1], 0, 5, "#")]);
        Assert.Single(article.Paragraphs);
        Assert.Single(article.Headings);
        Assert.Empty(article.PullQuotes);
        Assert.Equal("عنوان", article.Headings[0].ToString());
        Assert.Equal(1, article.Links[0].BlockIndex);
        Assert.Throws<ArgumentOutOfRangeException>(() => article.Headings[1]);
        Assert.Equal(["نص “مقتبس” هنا.", "عنوان"], article.Blocks.Select(b => b.ToString()).ToArray());
    }

    [Fact]
    public void Corpus_text_compares_ordinally()
    {
        Assert.True(new CorpusText("قائلاً") == new CorpusText("xقائلاً").Slice(1, 6));
        Assert.False(new CorpusText("قائلاً").Equals("قائلا".AsSpan()));
        Assert.True(new CorpusText("abc").Equals((object)"abc"));
        Assert.Equal(string.Empty, CorpusText.Empty.ToString());
    }
}

/// <summary>Everyday use of corpus text with writers that also take spans (no CS0121 ambiguity).</summary>
public sealed class CorpusTextUsageTests
{
    [Fact]
    public void Writing_a_title_to_a_TextWriter_prints_the_title()
    {
        using var writer = new StringWriter();
        Article article = CorpusSdk.Seeds.Corpus.Articles[0];
        writer.Write(article.Title);
        writer.Write('|');
        writer.Write(article.Blocks[0].Text.Span);
        Assert.Equal(article.Title.ToString() + "|" + article.Blocks[0], writer.ToString());
    }
}
