using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace CorpusSdk.Benchmarks;

/// <summary>
/// Turns the suite's raw CSV (*-report-raw.csv: ns and bytes) into the table of docs/benchmarks.md ("Ranked
/// search"): per corpus size and query class, our count and top 10 beside Lucene.NET's, with the ratios of
/// the same run (medians; Lucene's time / ours: above 1, ours is faster by that factor).
/// </summary>
internal static class Report
{
    public const string DefaultCsv = "BenchmarkDotNet.Artifacts/results/CorpusSdk.Benchmarks.SearchBenchmarks-report-raw.csv";

    public static int Run(string csv)
    {
        if (!File.Exists(csv))
        {
            Console.Error.WriteLine($"{csv} not found: run the suite first (--filter '*').");
            return 1;
        }

        string[] lines = File.ReadAllLines(csv);
        string[] header = Split(lines[0]);
        int Column(string prefix) => Array.FindIndex(header, h => h.StartsWith(prefix, StringComparison.Ordinal));
        int method = Column("Method");
        int articlesColumn = Column("Articles");
        int queryColumn = Column("Query");
        // The median: the machine is shared, and a few slow iterations should not move the table.
        int mean = Column("Median");
        int allocated = Column("Allocated");

        var rows = new Dictionary<(string Method, int Articles, string Query), (double Mean, double Allocated)>();
        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
        {
            string[] f = Split(line);
            rows[(f[method], int.Parse(f[articlesColumn], CultureInfo.InvariantCulture), f[queryColumn])] =
                (Number(f[mean]), allocated < 0 ? double.NaN : Number(f[allocated]));
        }

        var text = new StringBuilder();
        text.AppendLine("| articles | query | matches | ours, count | Lucene, count | count ratio | ours, top 10 (hits only) | ours, top 10 with sub-results | Lucene, top 10 | top-10 ratio (hits only / with sub-results) |");
        text.AppendLine("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (int size in rows.Keys.Select(k => k.Articles).Distinct().Order())
        {
            foreach (string query in Queries.Names)
            {
                string matches = Corpora.Sizes.Contains(size) ? Invariant($"{Corpora.Count(size, Queries.Text(query)):N0}") : "?";
                text.AppendLine(Invariant(
                    $"| {size:N0} | {query} `{Queries.Text(query)}` | {matches} | {Cell(rows, "Ours_Count", size, query)} | {Cell(rows, "Lucene_Count", size, query)} | {Ratio(rows, "Lucene_Count", "Ours_Count", size, query)} | {Cell(rows, "Ours_Top10Hits", size, query)} | {Cell(rows, "Ours_Top10", size, query)} | {Cell(rows, "Lucene_Top10", size, query)} | {Ratio(rows, "Lucene_Top10", "Ours_Top10Hits", size, query)} / {Ratio(rows, "Lucene_Top10", "Ours_Top10", size, query)} |"));
            }
        }

        Console.Write(text.ToString());
        return 0;
    }

    private static string Cell(Dictionary<(string, int, string), (double Mean, double Allocated)> rows, string method, int size, string query) =>
        rows.TryGetValue((method, size, query), out var r) ? Invariant($"{Time(r.Mean)}, {Bytes(r.Allocated)}") : "–";

    private static string Ratio(Dictionary<(string, int, string), (double Mean, double Allocated)> rows, string numerator, string denominator, int size, string query) =>
        rows.TryGetValue((numerator, size, query), out var n) && rows.TryGetValue((denominator, size, query), out var d)
            ? Factor(n.Mean / d.Mean)
            : "–";

    private static string Factor(double ratio) => ratio switch
    {
        >= 10 => Invariant($"{ratio:N0}×"),
        >= 1 => Invariant($"{ratio:N1}×"),
        _ => Invariant($"{ratio:G2}× (1/{1 / ratio:G2})"),
    };

    private static string Time(double ns) => ns switch
    {
        < 1_000 => Invariant($"{ns:N1} ns"),
        < 1_000_000 => Invariant($"{ns / 1_000:N2} µs"),
        _ => Invariant($"{ns / 1_000_000:N2} ms"),
    };

    private static string Bytes(double b) => b switch
    {
        double.NaN => "?",
        < 1024 => Invariant($"{b:N0} B"),
        < 1024 * 1024 => Invariant($"{b / 1024:N1} KB"),
        _ => Invariant($"{b / 1024 / 1024:N2} MB"),
    };

    private static double Number(string field) =>
        field.Length == 0 || field == "-" || field == "NA" ? double.NaN : double.Parse(field.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Splits one CSV line (fields may be quoted with doubled quotes inside).</summary>
    private static string[] Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return [.. fields];
    }
}
