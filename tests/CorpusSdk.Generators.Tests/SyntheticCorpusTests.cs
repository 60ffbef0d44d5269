using System.Text;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Parsing;
using CorpusSdk.SyntheticCorpus;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// The synthetic corpus (tools/CorpusSdk.SyntheticCorpus) is what its manifest says: the parser reads every
/// generated seed's metadata exactly, and every article whose blocks all got the kind and grouping the
/// builder meant (InferenceAccuracyTests measures how many: at least 99% of blocks) matches its manifest
/// in every block, quotation, link and inference note; the corpus holds every feature of the format.
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
        int exact = 0;
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

            // Inference may misread a block (measured elsewhere); the text of the whole body never changes.
            Assert.Equal(
                string.Join(" ", expected.Blocks.Select(b => b.Text)),
                string.Join(" ", article.Blocks.Select(b => b.Text)));
            if (expected.Blocks.Count != article.Blocks.Count ||
                expected.Blocks.Zip(article.Blocks).Any(p => p.First.Kind != p.Second.Kind.ToString() || p.First.Parts != p.Second.Lines.Count))
            {
                continue;
            }

            exact++;
            for (int i = 0; i < expected.Blocks.Count; i++)
            {
                Assert.Equal(expected.Blocks[i].Text, article.Blocks[i].Text);
            }

            Assert.Equal(
                expected.Quotes.Select(q => (q.Block, q.Start, q.Text)),
                article.Quotes.Select(q => (q.BlockIndex, q.Start, q.Text)));
            Assert.Equal(
                expected.Links.Select(l => (l.Block, l.Start, l.Text, l.Target)),
                article.Links.Select(l => (l.BlockIndex, l.Start, l.Text, l.Target)));

            // One note per heading and pull quote (a sure one or an uncertain one), one per joined part.
            int uncertain = diagnostics.Count(d => d.Id == DiagnosticIds.UncertainKind);
            int notes = diagnostics.Count(d => d.Id is DiagnosticIds.HeadingInferred or DiagnosticIds.PullQuoteInferred);
            Assert.InRange(expected.Blocks.Count(b => b.Kind is "Heading" or "PullQuote"), notes, notes + uncertain);
            Assert.Equal(expected.Blocks.Sum(b => b.Parts - 1), diagnostics.Count(d => d.Id == DiagnosticIds.JoinedParagraph));
        }

        // Most articles have every block right (about 0.99 ^ 10 of them).
        Assert.True(exact >= Count * 85 / 100, $"{exact} of {Count} articles with every block right");
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
        // Wider than the parser's rules (issue 13): 1–10-word headings, 5–20-word pull quotes, some with a comma.
        Assert.Equal(Enumerable.Range(1, 10), blocks.Where(b => b.Kind == "Heading").Select(b => b.Text.Split(' ').Length).Distinct().Order());
        int[] pullQuoteLengths = blocks.Where(b => b.Kind == "PullQuote").Select(b => b.Text.Split(' ').Length).Distinct().Order().ToArray();
        Assert.Equal(5, pullQuoteLengths[0]);
        Assert.Equal(20, pullQuoteLengths[^1]);
        Assert.Contains(blocks, b => b.Kind == "PullQuote" && b.Text.Contains('،', StringComparison.Ordinal));


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
