using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Parsing;

namespace CorpusSdk.Generators.Tests;

/// <summary>Explicit kind markers (## and >) and links read as CommonMark reads them (docs/seed-format.md).</summary>
public sealed class ExplicitKindsAndLinksTests
{
    private static (ArticleSpec Article, List<SeedDiagnostic> Diagnostics) Parse(string fixture)
    {
        var (article, diagnostics) = SeedParser.Parse("seeds/" + fixture, TestFiles.ReadFixture(fixture));
        Assert.NotNull(article);
        return (article!, diagnostics);
    }

    [Fact]
    public void Marked_blocks_keep_their_kind_and_lose_the_marker()
    {
        var (article, diagnostics) = Parse("explicit-kinds.txt");
        (BlockKindSpec Kind, string Text, int Line)[] expected =
        [
            // Final punctuation and a comma would make it a paragraph: the marker wins.
            (BlockKindSpec.Heading, "السياسة الخارجية، باختصار.", 5),
            (BlockKindSpec.PullQuote, "قال الوزير إنه لا يريد الحرب، مع أحد.", 7),

            // Fits the continuation rule, but the next block is marked: not joined.
            (BlockKindSpec.Paragraph, "قال الوزير إنه لا يريد الحرب مع أحد في المنطقة، ولا يريد السلام", 9),

            // "> " repeated on a second line is dropped there too.
            (BlockKindSpec.PullQuote, "كلمة في السطر الأول وكلمة في السطر الثاني", 11),

            // Not markers: no space after them.
            (BlockKindSpec.Heading, "#if ليس عنوانا", 14),
            (BlockKindSpec.Paragraph, "#error ليس عنوانا أيضا.", 16),
            (BlockKindSpec.Heading, "##بلا مسافة", 18),
            (BlockKindSpec.Heading, ">بلا مسافة", 20),
            (BlockKindSpec.Paragraph, "فقرة أخيرة.", 22),
        ];
        Assert.Equal(expected, article.Blocks.Select(b => (b.Kind, b.Text, b.Line)).ToArray());

        // Marked blocks are said, not guessed: no inference note on their lines, nor a join.
        int[] noted = diagnostics.Where(d => d.Id is DiagnosticIds.HeadingInferred or DiagnosticIds.PullQuoteInferred or DiagnosticIds.JoinedParagraph)
            .Select(d => d.Location.StartLine + 1).ToArray();
        Assert.Equal([14, 18, 20], noted);
        Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.JoinedParagraph);
    }

    [Fact]
    public void Explain_gives_each_block_kind_and_reason()
    {
        var explanations = new List<BlockExplanation>();
        SeedParser.Parse("seeds/explicit-kinds.txt", TestFiles.ReadFixture("explicit-kinds.txt"), explanations);
        Assert.Equal(9, explanations.Count);
        Assert.Equal((BlockKindSpec.Heading, "marked '## '", true), (explanations[0].Kind, explanations[0].Reason, explanations[0].Explicit));
        Assert.Equal((BlockKindSpec.PullQuote, "marked '> '", true), (explanations[1].Kind, explanations[1].Reason, explanations[1].Explicit));
        Assert.False(explanations[2].Explicit);
        Assert.Equal(9, explanations[2].Line);
    }

    [Fact]
    public void Unmarked_real_seed_reads_as_before()
    {
        var (article, _) = SeedParser.Parse("seeds/000_8fbc388ac0ad8ee7.txt", TestFiles.RealSeed);
        Assert.Equal(18, article!.Blocks.Count);
    }

    [Fact]
    public void Link_targets_may_hold_balanced_parentheses_or_be_in_angle_brackets()
    {
        var (article, diagnostics) = Parse("links-commonmark.txt");
        Assert.DoesNotContain(diagnostics, d => d.Id is DiagnosticIds.MalformedLink or DiagnosticIds.UnclosedBracket);
        Assert.Equal(
            [("الصفحة", "https://example.com/a_(b)"), ("الملف", "https://example.com/a b.pdf"), ("الأصل", "https://example.com/(x)(y)")],
            article.Links.Select(l => (l.Text, l.Target)).ToArray());
        Assert.Equal("انظر الصفحة والملف والأصل.", article.Blocks[0].Text);

        // Bracketed text that is not a link stays text, silently.
        Assert.Equal("قال [sic] إنه […] لم يعد، وانظر [هذا] فقط.", article.Blocks[1].Text);
    }

    [Theory]
    [InlineData("unclosed-bracket.txt", DiagnosticIds.UnclosedBracket, 5, "[مكسور", 1)]
    [InlineData("unbalanced-link-target.txt", DiagnosticIds.MalformedLink, 5, "[نص](", 5)]
    [InlineData("malformed-link.txt", DiagnosticIds.MalformedLink, 5, "[مفتوح](", 8)]
    public void Broken_link_markup_stays_text_with_a_located_warning(string fixture, string id, int line, string marker, int length)
    {
        string text = TestFiles.ReadFixture(fixture);
        var (article, diagnostics) = SeedParser.Parse("seeds/" + fixture, text);
        SeedDiagnostic diagnostic = diagnostics.First(d => d.Id == id);
        Assert.Equal(line, diagnostic.Location.StartLine + 1);
        string lineText = text.Split('\n')[line - 1];
        Assert.Equal(lineText.IndexOf(marker, StringComparison.Ordinal), diagnostic.Location.StartColumn);
        Assert.Equal(length, diagnostic.Location.Length);
        Assert.Contains(marker, article!.Blocks[0].Text, StringComparison.Ordinal);
        Assert.Empty(article.Links);
    }
}
