using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace CorpusSdk.Benchmarks;

/// <summary>
/// Turns the suite's raw CSV (*-report-raw.csv: ns and bytes) into the tables of docs/benchmarks.md:
/// times and allocations, ratios from the same run, and how each method scales from 1 to 1,000 copies.
/// </summary>
internal static class Report
{
    public const string DefaultCsv = "BenchmarkDotNet.Artifacts/results/CorpusSdk.Benchmarks.SearchBenchmarks-report-raw.csv";

    private static readonly string[] Methods = ["Ours_Count", "Ours_Search", "Ours_FirstHit", "Lucene_TopDocs", "Lucene_Count", "Naive_Scan"];

    public static string CorpusName(int copies) => copies == 1 ? "real seed" : "1,000 copies";

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
        int copiesColumn = Column("Copies");
        int queryColumn = Column("Query");
        int mean = Column("Mean");
        int median = Column("Median");
        int allocated = Column("Allocated");

        var rows = new Dictionary<(string Method, int Copies, string Query), (double Mean, double Median, double Allocated)>();
        foreach (string line in lines.Skip(1).Where(l => l.Length > 0))
        {
            string[] f = Split(line);
            rows[(f[method], int.Parse(f[copiesColumn], CultureInfo.InvariantCulture), f[queryColumn])] =
                (Number(f[mean]), Number(f[median]), allocated < 0 ? double.NaN : Number(f[allocated]));
        }

        var text = new StringBuilder();
        foreach (int copies in new[] { 1, 1000 })
        {
            text.AppendLine(Invariant($"#### {CorpusName(copies)}: mean time, allocated per query"));
            text.AppendLine();
            text.AppendLine("| query | hits (ours) | " + string.Join(" | ", Methods) + " |");
            text.AppendLine("| --- | ---: |" + string.Concat(Methods.Select(_ => " ---: |")));
            foreach (string query in Queries.Names)
            {
                text.Append(Invariant($"| {query} `{Queries.Text(query)}` | {Corpora.Count(copies, Queries.Text(query)):N0} |"));
                foreach (string m in Methods)
                {
                    text.Append(rows.TryGetValue((m, copies, query), out var r) ? Invariant($" {Time(r.Mean)}, {Bytes(r.Allocated)} |") : " – |");
                }

                text.AppendLine();
            }

            text.AppendLine();
        }

        text.AppendLine("#### Ratios (same run): time of the first / time of the second; > 1 means the second is faster by that factor");
        text.AppendLine();
        text.AppendLine("| corpus | query | Lucene_TopDocs / Ours_Count | Lucene_TopDocs / Ours_Search | Lucene_Count / Ours_Count | Naive_Scan / Ours_Count | Naive_Scan / Lucene_Count |");
        text.AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (int copies in new[] { 1, 1000 })
        {
            foreach (string query in Queries.Names)
            {
                text.AppendLine(Invariant(
                    $"| {CorpusName(copies)} | {query} | {Ratio(rows, "Lucene_TopDocs", "Ours_Count", copies, query)} | {Ratio(rows, "Lucene_TopDocs", "Ours_Search", copies, query)} | {Ratio(rows, "Lucene_Count", "Ours_Count", copies, query)} | {Ratio(rows, "Naive_Scan", "Ours_Count", copies, query)} | {Ratio(rows, "Naive_Scan", "Lucene_Count", copies, query)} |"));
            }
        }

        text.AppendLine();
        text.AppendLine("#### Scaling from 1 to 1,000 copies (mean at 1,000 / mean at 1) and time per hit at 1,000 copies");
        text.AppendLine();
        text.AppendLine("| query | hits ×  | " + string.Join(" | ", Methods) + " | Ours_Count per hit | Ours_Search per hit |");
        text.AppendLine("| --- | ---: |" + string.Concat(Methods.Select(_ => " ---: |")) + " ---: | ---: |");
        foreach (string query in Queries.Names)
        {
            int hits1 = Corpora.Count(1, Queries.Text(query));
            int hits1000 = Corpora.Count(1000, Queries.Text(query));
            text.Append(Invariant($"| {query} | {(hits1 == 0 ? "0 → 0" : (hits1000 / (double)hits1).ToString("N0", CultureInfo.InvariantCulture))} |"));
            foreach (string m in Methods)
            {
                text.Append(rows.TryGetValue((m, 1, query), out var a) && rows.TryGetValue((m, 1000, query), out var b)
                    ? Invariant($" ×{b.Mean / a.Mean:N1} |")
                    : " – |");
            }

            foreach (string m in new[] { "Ours_Count", "Ours_Search" })
            {
                text.Append(hits1000 > 0 && rows.TryGetValue((m, 1000, query), out var r) ? Invariant($" {r.Mean / hits1000:N1} ns |") : " – |");
            }

            text.AppendLine();
        }

        Console.Write(text.ToString());
        return 0;
    }

    private static string Ratio(Dictionary<(string, int, string), (double Mean, double Median, double Allocated)> rows, string numerator, string denominator, int copies, string query) =>
        rows.TryGetValue((numerator, copies, query), out var n) && rows.TryGetValue((denominator, copies, query), out var d)
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
