using System.Text.Json;
using CorpusSdk.Seeds;

namespace CorpusSdk.Tests;

/// <summary>The repo's corpus, compiled by the real build (CorpusSdk.Seeds), against the spec and the public contract.</summary>
public sealed class CompiledCorpusTests
{
    private static readonly JsonElement Spec = JsonDocument.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Spec", "000_8fbc388ac0ad8ee7.expected.json"))).RootElement;

    [Fact]
    public void Typed_member_and_collection_give_the_same_article()
    {
        Assert.Single(Corpus.Articles);
        Assert.Same(Corpus._000_8fbc388ac0ad8ee7, Corpus.Articles[0]);
        Assert.True(Corpus.Articles.TryGet("000_8fbc388ac0ad8ee7", out Article? found));
        Assert.Same(Corpus.Articles[0], found);
        Assert.False(Corpus.Articles.TryGet("missing", out _));
        Assert.Equal(-1, Corpus.Articles.IndexOf("000"));
    }

    [Fact]
    public void Content_hash_is_lower_case_sha256_hex()
    {
        Assert.Matches("^[0-9a-f]{64}$", Corpus.ContentHash);
    }

    [Fact]
    public void Compiled_article_matches_the_spec()
    {
        Article article = Corpus._000_8fbc388ac0ad8ee7;
        Assert.Equal("000_8fbc388ac0ad8ee7", article.Id);
        Assert.Equal(Spec.GetProperty("title").GetString(), article.Title.ToString());
        Assert.Equal(Spec.GetProperty("author").GetString(), article.Author.ToString());
        Assert.Equal(DateOnly.Parse(Spec.GetProperty("published").GetString()!, System.Globalization.CultureInfo.InvariantCulture), article.Published);
        Assert.Equal(Spec.GetProperty("titleLine").GetInt32(), article.TitleLine);
        Assert.Equal(Spec.GetProperty("bylineLine").GetInt32(), article.BylineLine);

        JsonElement[] blocks = Spec.GetProperty("blocks").EnumerateArray().ToArray();
        Assert.Equal(blocks.Length, article.Blocks.Count);
        for (int i = 0; i < blocks.Length; i++)
        {
            Block block = article.Blocks[i];
            Assert.Equal(i, block.Index);
            Assert.Equal(blocks[i].GetProperty("lines")[0].GetInt32(), block.Line);
            Assert.Equal(blocks[i].GetProperty("text").GetString(), block.Text.ToString());
            Assert.Equal(blocks[i].GetProperty("kind").GetString(), block.Kind switch
            {
                BlockKind.Paragraph => "paragraph",
                BlockKind.Heading => "heading",
                BlockKind.PullQuote => "pullQuote",
                _ => "?",
            });
        }

        Assert.Equal(
            Spec.GetProperty("quotes").EnumerateArray().Select(q => (q.GetProperty("block").GetInt32(), q.GetProperty("text").GetString())),
            article.Quotes.Select(q => (q.BlockIndex, (string?)q.Text.ToString())));
        Assert.Equal(
            Spec.GetProperty("links").EnumerateArray().Select(l => (l.GetProperty("block").GetInt32(), l.GetProperty("text").GetString(), l.GetProperty("target").GetString())),
            article.Links.Select(l => (l.BlockIndex, (string?)l.Text.ToString(), (string?)l.Target)));

        JsonElement counts = Spec.GetProperty("counts");
        Assert.Equal(counts.GetProperty("paragraph").GetInt32(), article.Paragraphs.Count);
        Assert.Equal(counts.GetProperty("heading").GetInt32(), article.Headings.Count);
        Assert.Equal(counts.GetProperty("pullQuote").GetInt32(), article.PullQuotes.Count);
        Assert.All(article.Headings, b => Assert.Equal(BlockKind.Heading, b.Kind));
        Assert.All(article.PullQuotes, b => Assert.Equal(BlockKind.PullQuote, b.Kind));
        Assert.Equal(["خيبة أمل كيري", "النقطة الحاسمة في التسريبات"], article.Headings.Select(h => h.ToString()).ToArray());
    }

    [Fact]
    public void Word_count_counts_the_words_the_search_sees()
    {
        // WordCountSeeds/word-count.txt, counted by hand (the title is not counted), words as the search splits them:
        //   قال كيري: “نحن هنا” في 2016.                  6: قال، كيري، نحن، هنا، في، 2016
        //   قائلاً إنَّ الـــولايات ١٢٣ [الرابط](#) a-b.     7: قائلاً، إنَّ، الـــولايات (tatweel is a letter), ١٢٣، الرابط (the link's text), a، b
        //   خيبة أمل كيري                                  3
        //   U.S.A paid 1,000 dollars, don't ask.          6: U.S.A, paid, 1,000, dollars, don't, ask (runs of letters and digits would be 10)
        Article article = CorpusSdk.Tests.WordCountFixture.Corpus.Articles.Single();
        Assert.Equal(4, article.Blocks.Count);
        Assert.Equal(22, article.WordCount);
    }
}
