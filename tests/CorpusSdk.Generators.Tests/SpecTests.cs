using System.Text.Json;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Parsing;

namespace CorpusSdk.Generators.Tests;

/// <summary>The parser's model of the real seed equals ../shared/spec in every field.</summary>
public sealed class SpecTests
{
    private static readonly JsonElement Spec = JsonDocument.Parse(File.ReadAllText(TestFiles.SpecPath)).RootElement;

    private static ArticleSpec ParseRealSeed(string? text = null)
    {
        var (article, diagnostics) = SeedParser.Parse("seeds/000_8fbc388ac0ad8ee7.txt", text ?? TestFiles.RealSeed);
        Assert.DoesNotContain(diagnostics, d => d.Id.CompareTo("CSDK100") < 0);
        Assert.NotNull(article);
        return article!;
    }

    [Fact]
    public void Metadata_matches_spec()
    {
        ArticleSpec article = ParseRealSeed();
        Assert.Equal(Spec.GetProperty("file").GetString(), article.FileName);
        Assert.Equal(Spec.GetProperty("title").GetString(), article.Title);
        Assert.Equal(Spec.GetProperty("author").GetString(), article.Author);
        Assert.Equal(Spec.GetProperty("published").GetString(), article.Published.ToIsoString());
        Assert.Equal(Spec.GetProperty("titleLine").GetInt32(), article.TitleLine);
        Assert.Equal(Spec.GetProperty("bylineLine").GetInt32(), article.BylineLine);
    }

    [Fact]
    public void Counts_match_spec()
    {
        ArticleSpec article = ParseRealSeed();
        JsonElement counts = Spec.GetProperty("counts");
        Assert.Equal(counts.GetProperty("blocks").GetInt32(), article.Blocks.Count);
        Assert.Equal(counts.GetProperty("paragraph").GetInt32(), article.Blocks.Count(b => b.Kind == BlockKindSpec.Paragraph));
        Assert.Equal(counts.GetProperty("heading").GetInt32(), article.Blocks.Count(b => b.Kind == BlockKindSpec.Heading));
        Assert.Equal(counts.GetProperty("pullQuote").GetInt32(), article.Blocks.Count(b => b.Kind == BlockKindSpec.PullQuote));
        Assert.Equal(counts.GetProperty("links").GetInt32(), article.Links.Count);
        Assert.Equal(counts.GetProperty("quotes").GetInt32(), article.Quotes.Count);
    }

    [Fact]
    public void Every_block_matches_spec()
    {
        ArticleSpec article = ParseRealSeed();
        JsonElement[] expected = Spec.GetProperty("blocks").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, article.Blocks.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            BlockSpec block = article.Blocks[i];
            Assert.Equal(expected[i].GetProperty("index").GetInt32(), block.Index);
            Assert.Equal(expected[i].GetProperty("kind").GetString(), KindName(block.Kind));
            Assert.Equal(expected[i].GetProperty("lines").EnumerateArray().Select(l => l.GetInt32()).ToArray(), block.Lines.ToArray());
            Assert.Equal(expected[i].GetProperty("text").GetString(), block.Text);
        }
    }

    [Fact]
    public void Every_link_matches_spec()
    {
        ArticleSpec article = ParseRealSeed();
        JsonElement[] expected = Spec.GetProperty("links").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, article.Links.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            LinkSpec link = article.Links[i];
            Assert.Equal(expected[i].GetProperty("block").GetInt32(), link.BlockIndex);
            Assert.Equal(expected[i].GetProperty("text").GetString(), link.Text);
            Assert.Equal(expected[i].GetProperty("target").GetString(), link.Target);
            Assert.Equal(link.Text, article.Blocks[link.BlockIndex].Text.Substring(link.Start, link.Length));
        }
    }

    [Fact]
    public void Every_quote_matches_spec()
    {
        ArticleSpec article = ParseRealSeed();
        JsonElement[] expected = Spec.GetProperty("quotes").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, article.Quotes.Count);
        for (int i = 0; i < expected.Length; i++)
        {
            QuoteSpec quote = article.Quotes[i];
            Assert.Equal(expected[i].GetProperty("block").GetInt32(), quote.BlockIndex);
            Assert.Equal(expected[i].GetProperty("text").GetString(), quote.Text);
            string blockText = article.Blocks[quote.BlockIndex].Text;
            Assert.Equal(quote.Text, blockText.Substring(quote.Start, quote.Length));
            Assert.Equal('\u201C', blockText[quote.Start - 1]);
            Assert.Equal('\u201D', blockText[quote.Start + quote.Length]);
        }
    }

    [Theory]
    [InlineData("\n", false)]
    [InlineData("\r\n", false)]
    [InlineData("\r", false)]
    [InlineData("\r\n", true)]
    [InlineData("\n", true)]
    public void Line_endings_and_BOM_do_not_change_the_model(string newline, bool bom)
    {
        string text = TestFiles.RealSeed.Replace("\n", newline);
        if (bom)
        {
            text = "\uFEFF" + text;
        }

        Assert.Equal(ParseRealSeed(), ParseRealSeed(text));
    }

    private static string KindName(BlockKindSpec kind) => kind switch
    {
        BlockKindSpec.Paragraph => "paragraph",
        BlockKindSpec.Heading => "heading",
        BlockKindSpec.PullQuote => "pullQuote",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
