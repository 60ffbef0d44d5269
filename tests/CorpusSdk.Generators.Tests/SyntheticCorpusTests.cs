using System.Text;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Parsing;
using CorpusSdk.SyntheticCorpus;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// The synthetic corpus (tools/CorpusSdk.SyntheticCorpus) is what its manifest says: the parser's result on
/// every generated seed equals the structure recorded while the seed was built, and the corpus holds
/// every feature of the format it claims to.
/// </summary>
public sealed class SyntheticCorpusTests : IDisposable
{
    private const int Count = 300;
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "corpussdk-synthetic-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public void Every_generated_article_parses_to_its_manifest()
    {
        SyntheticCorpus.SyntheticCorpus.Write(_directory, Count, Vocabulary.FromSeed());
        Manifest manifest = Manifest.Load(Path.Combine(_directory, Manifest.FileName));
        Assert.Equal(Count, manifest.Articles.Count);
        Assert.Equal(Count, Directory.GetFiles(_directory, "*.txt").Length);

        foreach (ExpectedArticle expected in manifest.Articles)
        {
            string path = Path.Combine(_directory, expected.File);
            string text = File.ReadAllText(path, new UTF8Encoding(false)); // a BOM, if any, is dropped as the compiler does
            var (article, diagnostics) = SeedParser.Parse(path, text);
            string where = expected.File + ": ";
            Assert.True(article is not null, where + "no article");
            Assert.DoesNotContain(diagnostics, d => string.CompareOrdinal(d.Id, "CSDK100") < 0 || d.Id == "CSDK999");

            Assert.Equal(expected.Id, article!.Id);
            Assert.Equal(expected.Title, article.Title);
            Assert.Equal(expected.Author, article.Author);
            Assert.Equal(expected.Published, article.Published.ToIsoString());

            Assert.True(expected.Blocks.Count == article.Blocks.Count, where + $"{article.Blocks.Count} blocks, expected {expected.Blocks.Count}");
            for (int i = 0; i < expected.Blocks.Count; i++)
            {
                Assert.True(expected.Blocks[i].Kind == article.Blocks[i].Kind.ToString(), where + $"block {i} is a {article.Blocks[i].Kind}, expected {expected.Blocks[i].Kind}: {expected.Blocks[i].Text}");
                Assert.Equal(expected.Blocks[i].Text, article.Blocks[i].Text);
                Assert.Equal(expected.Blocks[i].Parts, article.Blocks[i].Lines.Count);
            }

            Assert.Equal(
                expected.Quotes.Select(q => (q.Block, q.Start, q.Text)),
                article.Quotes.Select(q => (q.BlockIndex, q.Start, q.Text)));
            Assert.Equal(
                expected.Links.Select(l => (l.Block, l.Start, l.Text, l.Target)),
                article.Links.Select(l => (l.BlockIndex, l.Start, l.Text, l.Target)));

            // The inferences are the ones the builder intended: one note per heading, pull quote and joined part.
            Assert.Equal(expected.Blocks.Count(b => b.Kind == "Heading"), diagnostics.Count(d => d.Id == DiagnosticIds.HeadingInferred));
            Assert.Equal(expected.Blocks.Count(b => b.Kind == "PullQuote"), diagnostics.Count(d => d.Id == DiagnosticIds.PullQuoteInferred));
            Assert.Equal(expected.Blocks.Sum(b => b.Parts - 1), diagnostics.Count(d => d.Id == DiagnosticIds.JoinedParagraph));
        }
    }

    [Fact]
    public void The_corpus_has_every_feature_of_the_format()
    {
        IReadOnlyList<SyntheticArticle> articles = SyntheticCorpus.SyntheticCorpus.Generate(Count, Vocabulary.FromSeed());
        var blocks = articles.SelectMany(a => a.Expected.Blocks).ToList();
        string bylines = string.Join("\n", articles.Select(a => a.Text.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("كتب", StringComparison.Ordinal) || l.StartsWith("بقلم", StringComparison.Ordinal) || l.StartsWith("By ", StringComparison.Ordinal))));
        string text = string.Concat(articles.Select(a => a.Text));

        Assert.All(articles, a => Assert.InRange(a.Expected.Blocks.Count, 5, 15));
        Assert.True(blocks.Count(b => b.Kind == "Heading") > Count / 2);
        Assert.True(blocks.Count(b => b.Kind == "PullQuote") > Count / 3);
        Assert.True(blocks.Count(b => b.Parts == 2) > Count / 4, "split paragraphs");
        Assert.All(blocks.Where(b => b.Kind == "Heading"), b => Assert.InRange(b.Text.Split(' ').Length, 1, 8));
        Assert.All(blocks.Where(b => b.Kind == "PullQuote"), b => Assert.True(b.Text.Split(' ').Length > 8 && b.Text.IndexOfAny(['،', ',', '.', '؛', '“', '«']) < 0, b.Text));

        foreach (string month in new[] { "أكتوبر", "تشرين", "أيلول", "كانون", "جانفي", "October", " / " })
        {
            Assert.Contains(month, bylines, StringComparison.Ordinal);
        }

        Assert.Contains("By ", bylines, StringComparison.Ordinal);
        Assert.Contains(bylines, c => c >= '\u0660' && c <= '\u0669'); // Arabic-Indic digits
        Assert.Contains(bylines, c => c >= '\u06F0' && c <= '\u06F9'); // Extended Arabic-Indic digits
        Assert.Contains(articles, a => a.Text.Contains('\r', StringComparison.Ordinal));
        Assert.Contains(articles, a => a.Bom);

        var quotes = articles.SelectMany(a => a.Expected.Quotes).ToList();
        Assert.Contains("«", text, StringComparison.Ordinal);
        Assert.Contains("“", text, StringComparison.Ordinal);
        Assert.Contains(articles, a => a.Expected.Quotes.Any(outer => a.Expected.Quotes.Any(inner =>
            inner.Block == outer.Block && inner.Start > outer.Start && inner.Start < outer.Start + outer.Text.Length)));
        Assert.True(quotes.Count > Count);
        var links = articles.SelectMany(a => a.Expected.Links).ToList();
        Assert.Contains(links, l => l.Target == "#");
        Assert.Contains(links, l => l.Target.StartsWith("https://", StringComparison.Ordinal));

        Assert.Contains(text, c => c >= '\u064B' && c <= '\u0652'); // harakat and tanwin
        foreach (char hamza in "أإآءؤئ")
        {
            Assert.Contains(hamza, text);
        }
    }

    [Fact]
    public void Generation_is_deterministic_and_prefix_stable()
    {
        Vocabulary vocabulary = Vocabulary.FromSeed();
        IReadOnlyList<SyntheticArticle> fifty = SyntheticCorpus.SyntheticCorpus.Generate(50, vocabulary);
        IReadOnlyList<SyntheticArticle> again = SyntheticCorpus.SyntheticCorpus.Generate(50, vocabulary);
        IReadOnlyList<SyntheticArticle> ten = SyntheticCorpus.SyntheticCorpus.Generate(10, vocabulary);
        Assert.Equal(fifty.Select(a => a.FileName + a.Text), again.Select(a => a.FileName + a.Text));
        Assert.Equal(ten.Select(a => a.Text), fifty.Take(10).Select(a => a.Text));
        Assert.NotEqual(fifty[0].Text, SyntheticCorpus.SyntheticCorpus.Article(0, vocabulary, seed: 7).Text);
        Assert.Equal(50, fifty.Select(a => a.FileName).Distinct().Count());
    }

    [Fact]
    public void A_hunspell_dictionary_adds_its_words_without_flags()
    {
        Directory.CreateDirectory(_directory);
        string dic = Path.Combine(_directory, "ar.dic");
        File.WriteAllText(dic, "5\n::::::::::::::\nstopwords.dic\n::::::::::::::\nبيد\nتبرح/228\t5\nرتتن/242\t15384\n#####\t2\nx\nبيد\n", new UTF8Encoding(false));
        Assert.Equal(["بيد", "تبرح", "رتتن"], Vocabulary.ReadDictionary(dic));

        Vocabulary vocabulary = Vocabulary.WithDictionary(dic);
        Assert.Contains("ar.dic (3 distinct)", vocabulary.Description, StringComparison.Ordinal);
        string text = string.Concat(SyntheticCorpus.SyntheticCorpus.Generate(5, vocabulary).Select(a => a.Text));
        Assert.Contains("تبرح", text, StringComparison.Ordinal);
        Assert.DoesNotContain("تبرح", string.Concat(SyntheticCorpus.SyntheticCorpus.Generate(5, Vocabulary.FromSeed()).Select(a => a.Text)), StringComparison.Ordinal);
    }
}
