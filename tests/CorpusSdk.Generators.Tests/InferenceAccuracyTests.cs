using System.Globalization;
using System.Text;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Parsing;
using CorpusSdk.SyntheticCorpus;
using Xunit.Abstractions;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// How often inference gives a block the kind its author meant, on 1,000 synthetic articles whose ranges
/// are not the parser's (tools/CorpusSdk.SyntheticCorpus): the confusion table of docs/seed-format.md.
/// </summary>
public sealed class InferenceAccuracyTests(ITestOutputHelper output)
{
    private const int Articles = 1000;

    /// <summary>The rows: what the author meant (a split paragraph apart from a whole one).</summary>
    private static readonly string[] Rows = ["Paragraph", "Paragraph (split)", "Heading", "PullQuote"];

    /// <summary>The columns: the kind the parser gave, or a grouping different from the author's.</summary>
    private static readonly string[] Columns = ["Paragraph", "Heading", "PullQuote", "wrong grouping"];

    [Fact]
    public void At_least_99_percent_of_blocks_get_the_right_kind()
    {
        Confusion confusion = Measure(Articles);
        output.WriteLine(confusion.ToMarkdown());
        double accuracy = confusion.Accuracy;
        Assert.True(accuracy >= 0.99, $"{accuracy:P2} of blocks right:\n{confusion.ToMarkdown()}");

        // Every kind, not only the common one, is mostly right (a short first half of a split paragraph
        // and a heading can look the same: docs/seed-format.md says which marker settles it).
        foreach (string row in Rows)
        {
            Assert.True(confusion.RowAccuracy(row) >= 0.9, $"{row}: {confusion.RowAccuracy(row):P2}\n{confusion.ToMarkdown()}");
        }
    }

    [Fact]
    public void A_confusion_table_counts_every_block_once()
    {
        // So that the accuracy above can fail: a table where one block went wrong says so.
        var table = new Confusion();
        table.Add("Heading", "Heading");
        table.Add("PullQuote", "Heading");
        Assert.Equal(0.5, table.Accuracy);
        Assert.Equal(0.0, table.RowAccuracy("PullQuote"));
        Assert.Contains("| PullQuote | 0 | 1 | 0 | 0 | 1 | 0.00% |", table.ToMarkdown(), StringComparison.Ordinal);
    }

    /// <summary>Parses the first <paramref name="count"/> synthetic articles and tallies every expected block.</summary>
    internal static Confusion Measure(int count)
    {
        var confusion = new Confusion();
        foreach (SyntheticArticle synthetic in SyntheticCorpus.SyntheticCorpus.Generate(count, Vocabulary.FromSeed()))
        {
            ArticleSpec article = SeedParser.Parse(synthetic.FileName, synthetic.Text).Article!;
            var parsed = new Dictionary<int, (int Parts, BlockKindSpec Kind)>();
            int part = 0;
            foreach (BlockSpec block in article.Blocks)
            {
                parsed[part] = (block.Lines.Count, block.Kind);
                part += block.Lines.Count;
            }

            part = 0;
            foreach (ExpectedBlock expected in synthetic.Expected.Blocks)
            {
                string row = expected.Parts > 1 ? "Paragraph (split)" : expected.Kind;
                string column = parsed.TryGetValue(part, out var got) && got.Parts == expected.Parts ? got.Kind.ToString() : "wrong grouping";
                confusion.Add(row, column);

                part += expected.Parts;
            }
        }

        return confusion;
    }

    /// <summary>Counts of (meant, got).</summary>
    internal sealed class Confusion
    {
        private readonly Dictionary<(string Row, string Column), int> _counts = [];

        public void Add(string row, string column) =>
            _counts[(row, column)] = _counts.GetValueOrDefault((row, column)) + 1;

        public int Total => _counts.Values.Sum();

        public double Accuracy => (double)Right / Total;

        private int Right => _counts.Where(c => Same(c.Key.Row, c.Key.Column)).Sum(c => c.Value);

        public double RowAccuracy(string row)
        {
            int all = Columns.Sum(c => _counts.GetValueOrDefault((row, c)));
            return all == 0 ? 1 : (double)_counts.Where(c => c.Key.Row == row && Same(row, c.Key.Column)).Sum(c => c.Value) / all;
        }

        public string ToMarkdown()
        {
            var text = new StringBuilder();
            text.Append("| meant \\ read as | ").Append(string.Join(" | ", Columns)).Append(" | blocks | right |\n");
            text.Append("| --- |").Append(string.Concat(Enumerable.Repeat(" ---: |", Columns.Length + 2))).Append('\n');
            foreach (string row in Rows)
            {
                int all = Columns.Sum(c => _counts.GetValueOrDefault((row, c)));
                if (all == 0)
                {
                    continue;
                }

                text.Append("| ").Append(row).Append(" | ")
                    .Append(string.Join(" | ", Columns.Select(c => _counts.GetValueOrDefault((row, c)).ToString(CultureInfo.InvariantCulture))))
                    .Append(" | ").Append(all.ToString(CultureInfo.InvariantCulture))
                    .Append(" | ").Append(Percent(RowAccuracy(row))).Append(" |\n");
            }

            text.Append("| all | | | | | ").Append(Total.ToString(CultureInfo.InvariantCulture))
                .Append(" | ").Append(Percent(Accuracy)).Append(" |\n");
            return text.ToString();
        }

        private static string Percent(double value) => (value * 100).ToString("F2", CultureInfo.InvariantCulture) + "%";

        private static bool Same(string row, string column) => row.StartsWith(column, StringComparison.Ordinal) && column != "wrong grouping";
    }
}
