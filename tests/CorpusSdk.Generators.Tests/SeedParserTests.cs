using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Parsing;

namespace CorpusSdk.Generators.Tests;

/// <summary>One fixture seed per behaviour of the parser.</summary>
public sealed class SeedParserTests
{
    private static (ArticleSpec Article, List<SeedDiagnostic> Diagnostics) Parse(string fixture)
    {
        var (article, diagnostics) = SeedParser.Parse("seeds/" + fixture, TestFiles.ReadFixture(fixture));
        Assert.NotNull(article);
        return (article!, diagnostics);
    }

    private static List<SeedDiagnostic> Problems(List<SeedDiagnostic> diagnostics) =>
        diagnostics.Where(d => string.CompareOrdinal(d.Id, DiagnosticIds.JoinedParagraph) < 0 || d.Id == DiagnosticIds.InternalError).ToList();

    [Fact]
    public void Minimal_seed_has_title_byline_and_one_paragraph()
    {
        var (article, diagnostics) = Parse("minimal.txt");
        Assert.Empty(Problems(diagnostics));
        Assert.Equal("minimal", article.Id);
        Assert.Equal("عنوان", article.Title);
        Assert.Equal(1, article.TitleLine);
        Assert.Equal("سارة علي", article.Author);
        Assert.Equal(3, article.BylineLine);
        Assert.Equal(new DateSpec(2016, 10, 1), article.Published);
        BlockSpec block = Assert.Single(article.Blocks);
        Assert.Equal(BlockKindSpec.Paragraph, block.Kind);
        Assert.Equal("فقرة أولى.", block.Text);
        Assert.Equal(5, block.Line);
        Assert.Equal(2, article.WordCount);
    }

    [Theory]
    [InlineData("levantine-month.txt", 2016, 10, 22)]
    [InlineData("arabic-indic-digits.txt", 2016, 10, 1)]
    [InlineData("english-byline.txt", 2016, 10, 1)]
    [InlineData("two-month-names.txt", 2016, 9, 3)]
    public void Byline_dates_in_every_supported_form(string fixture, int year, int month, int day)
    {
        var (article, diagnostics) = Parse(fixture);
        Assert.Empty(Problems(diagnostics));
        Assert.Equal(new DateSpec(year, month, day), article.Published);
    }

    [Theory]
    [InlineData("كتبه أ | 1 يناير, 2020", 1)]
    [InlineData("كتبه أ | 1 كانون الثاني, 2020", 1)]
    [InlineData("كتبه أ | 1 شباط, 2020", 2)]
    [InlineData("كتبه أ | 1 آذار, 2020", 3)]
    [InlineData("كتبه أ | 1 ابريل, 2020", 4)]
    [InlineData("كتبه أ | 1 نيسان, 2020", 4)]
    [InlineData("كتبه أ | 1 أيار, 2020", 5)]
    [InlineData("كتبه أ | 1 حزيران, 2020", 6)]
    [InlineData("كتبه أ | 1 تموز, 2020", 7)]
    [InlineData("كتبه أ | 1 آب, 2020", 8)]
    [InlineData("كتبه أ | 1 أغسطس, 2020", 8)]
    [InlineData("كتبه أ | 1 أيلول, 2020", 9)]
    [InlineData("كتبه أ | 1 تشرين الأول, 2020", 10)]
    [InlineData("كتبه أ | 1 تشرين الثاني, 2020", 11)]
    [InlineData("كتبه أ | 1 كانون الأول, 2020", 12)]
    [InlineData("كتبه أ | 1 ديسمبر، 2020", 12)]
    [InlineData("By A | December 1, 2020", 12)]
    [InlineData("by A | 1 Dec 2020", 12)]
    public void Every_month_system_is_read(string byline, int month)
    {
        var (article, diagnostics) = SeedParser.Parse("x.txt", "عنوان\n\n" + byline + "\n\nفقرة.\n");
        Assert.Empty(Problems(diagnostics));
        Assert.Equal(new DateSpec(2020, month, 1), article!.Published);
    }

    [Fact]
    public void English_article_reads_author_quotes_links_and_heading()
    {
        var (article, diagnostics) = Parse("english-byline.txt");
        Assert.Empty(Problems(diagnostics));
        Assert.Equal("Leaks from the meeting", article.Title);
        Assert.Equal("Jane Doe", article.Author);
        Assert.Equal([BlockKindSpec.Paragraph, BlockKindSpec.Heading, BlockKindSpec.Paragraph], article.Blocks.Select(b => b.Kind).ToArray());
        Assert.Equal("we will not fight with you", Assert.Single(article.Quotes).Text);
        LinkSpec link = Assert.Single(article.Links);
        Assert.Equal("link", link.Text);
        Assert.Equal("https://example.org/a", link.Target);
        Assert.Equal("Another paragraph, with a link in it.", article.Blocks[2].Text);
    }

    [Fact]
    public void Split_paragraph_is_joined_with_one_space_and_noted()
    {
        var (article, diagnostics) = Parse("split-paragraph.txt");
        Assert.Empty(Problems(diagnostics));
        BlockSpec block = Assert.Single(article.Blocks);
        Assert.Equal(BlockKindSpec.Paragraph, block.Kind);
        Assert.Equal([5, 7], block.Lines.ToArray());
        Assert.EndsWith("من قبل والنظام وحلفائها على الأرض حتى نهاية الجملة.", block.Text);
        SeedDiagnostic note = Assert.Single(diagnostics, d => d.Id == DiagnosticIds.JoinedParagraph);
        Assert.Equal(6, note.Location.StartLine); // zero-based: line 7
    }

    [Fact]
    public void Heading_and_pull_quote_are_classified_and_noted()
    {
        var (article, diagnostics) = Parse("heading-and-pull-quote.txt");
        Assert.Empty(Problems(diagnostics));
        Assert.Equal(
            [BlockKindSpec.Paragraph, BlockKindSpec.Heading, BlockKindSpec.PullQuote, BlockKindSpec.Paragraph],
            article.Blocks.Select(b => b.Kind).ToArray());
        Assert.Equal(7, Assert.Single(diagnostics, d => d.Id == DiagnosticIds.HeadingInferred).Location.StartLine + 1);
        Assert.Equal(9, Assert.Single(diagnostics, d => d.Id == DiagnosticIds.PullQuoteInferred).Location.StartLine + 1);
    }

    [Fact]
    public void Links_and_both_quote_styles_are_found()
    {
        var (article, diagnostics) = Parse("links-and-quotes.txt");
        Assert.Empty(Problems(diagnostics));
        BlockSpec block = Assert.Single(article.Blocks);
        Assert.Equal("نشرت صحيفة خبرا و«اقتباسا بين قوسين» و“اقتباسا آخر” ورابطا ثانيا.", block.Text);
        Assert.Equal(["صحيفة", "رابطا ثانيا"], article.Links.Select(l => l.Text).ToArray());
        Assert.Equal(["#", "https://example.org/x?a=1"], article.Links.Select(l => l.Target).ToArray());
        Assert.Equal(["اقتباسا بين قوسين", "اقتباسا آخر"], article.Quotes.Select(q => q.Text).ToArray());
    }

    [Theory]
    [InlineData("missing-byline.txt", DiagnosticIds.MissingByline, 3, "فقرة بدلا")]
    [InlineData("unknown-month.txt", DiagnosticIds.UnknownMonth, 3, "برمودا")]
    [InlineData("impossible-date.txt", DiagnosticIds.InvalidDate, 3, "31 February, 2016")]
    [InlineData("hijri-date.txt", DiagnosticIds.HijriDate, 3, "29 ذو الحجة, 1437 هـ")]
    [InlineData("unbalanced-quote.txt", DiagnosticIds.UnbalancedQuote, 5, "“")]
    [InlineData("malformed-link.txt", DiagnosticIds.MalformedLink, 5, "[مفتوح](")]
    [InlineData("bidi-control.txt", DiagnosticIds.BidiControl, 5, "\u202E")]
    public void Bad_seed_is_a_located_diagnostic(string fixture, string id, int line, string marker)
    {
        string text = TestFiles.ReadFixture(fixture);
        var (_, diagnostics) = SeedParser.Parse("seeds/" + fixture, text);
        SeedDiagnostic diagnostic = Problems(diagnostics).First();
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal("seeds/" + fixture, diagnostic.Location.Path);

        // Expected position: where the marker stands on that line, found by reading the fixture.
        string lineText = text.Split('\n')[line - 1];
        Assert.Equal(line, diagnostic.Location.StartLine + 1);
        Assert.Equal(lineText.IndexOf(marker, StringComparison.Ordinal) + 1, diagnostic.Location.StartColumn + 1);
        Assert.StartsWith(marker, text.Substring(diagnostic.Location.Start), StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_seed_is_reported_on_the_file()
    {
        var (article, diagnostics) = SeedParser.Parse("seeds/empty.txt", TestFiles.ReadFixture("empty.txt"));
        Assert.Null(article);
        SeedDiagnostic diagnostic = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.EmptySeed, diagnostic.Id);
        Assert.Equal("seeds/empty.txt", diagnostic.Location.Path);
    }

    [Fact]
    public void Missing_byline_never_becomes_the_author()
    {
        var (article, diagnostics) = SeedParser.Parse("x.txt", TestFiles.ReadFixture("missing-byline.txt"));
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.MissingByline);
        Assert.Equal(string.Empty, article!.Author);
        Assert.Equal(2, article.Blocks.Count);
        Assert.Equal("فقرة بدلا من سطر الكاتب.", article.Blocks[0].Text);
    }

    [Fact]
    public void Malformed_links_stay_literal_text()
    {
        var (article, _) = SeedParser.Parse("x.txt", TestFiles.ReadFixture("malformed-link.txt"));
        Assert.Empty(article!.Links);
        Assert.Equal("رابط [مفتوح](# وآخر [](#) فارغ.", article.Blocks[0].Text);
    }

    [Fact]
    public void Unbalanced_quote_invents_no_quotation()
    {
        var (article, _) = SeedParser.Parse("x.txt", TestFiles.ReadFixture("unbalanced-quote.txt"));
        Assert.Empty(article!.Quotes);
    }

    [Theory]
    [InlineData("a/b/000_x.txt", "000_x")]
    [InlineData("C:\\seeds\\name.with.dots.txt", "name.with.dots")]
    [InlineData("plain", "plain")]
    public void Id_is_the_file_name_without_extension(string path, string id) => Assert.Equal(id, SeedParser.IdOf(path));
}

/// <summary>One word count for the parser, <c>Article.WordCount</c> and the search: the analysis's (WordBreaker).</summary>
public sealed class WordCountTests
{
    [Fact]
    public void Word_count_is_the_words_the_search_sees()
    {
        // Runs of letters and digits would count 10 (U S A paid 1 000 dollars don t ask); the search sees 6.
        const string sentence = "U.S.A paid 1,000 dollars, don't ask.";
        ArticleSpec article = SeedParser.Parse("seeds/w.txt", "Words\n\nBy Jane Doe | October 1, 2016\n\n" + sentence + "\n").Article!;
        Assert.Equal(sentence, Assert.Single(article.Blocks).Text);
        Assert.Equal(6, article.WordCount);
        Assert.Equal(6, IndexedBodyWords(article));
    }

    [Theory]
    [InlineData("links-and-quotes.txt")]
    [InlineData("explicit-kinds.txt")]
    [InlineData("english-byline.txt")]
    [InlineData("legitimate-marks.txt")]
    [InlineData("split-paragraph.txt")]
    [InlineData("arabic-indic-digits.txt")]
    [InlineData("")]
    public void Word_count_equals_the_indexed_body_words(string fixture)
    {
        string text = fixture.Length == 0 ? TestFiles.RealSeed : TestFiles.ReadFixture(fixture);
        ArticleSpec article = SeedParser.Parse("seeds/x.txt", text).Article!;
        Assert.True(article.WordCount > 0);
        Assert.Equal(IndexedBodyWords(article), article.WordCount);
    }

    private static int IndexedBodyWords(ArticleSpec article) =>
        CorpusSdk.Generators.Search.ArticleIndexer.Index(article, "seeds/x.txt").Parts.Where(p => p.Block >= 0).Sum(p => p.Starts.Count);
}
