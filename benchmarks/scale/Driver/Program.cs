using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using CorpusSdk.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

// Scale measurements, generator side; see benchmarks/scale/run.sh.
//   generate SEEDS_DIR RESULTS_FILE [STORAGE]   append "key value" lines: generator time (cold, warm), edit-one re-run, sizes
//   report WORK_DIR                              print the Markdown table and Mermaid chart of every WORK_DIR/<N>/results.txt
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
return args switch
{
    ["generate", string seeds, string results] => Scale.Generate(seeds, results, null),
    ["generate", string seeds, string results, string storage] => Scale.Generate(seeds, results, storage),
    ["report", string work] => Scale.Report(work),
    _ => Scale.Usage(),
};

internal static class Scale
{
    private static readonly string[] Steps =
    [
        CorpusGenerator.TrackingNames.Seeds, CorpusGenerator.TrackingNames.Articles, CorpusGenerator.TrackingNames.ArticleIndex,
        CorpusGenerator.TrackingNames.Plan, CorpusGenerator.TrackingNames.Storage, CorpusGenerator.TrackingNames.Corpus,
        CorpusGenerator.TrackingNames.Index,
    ];

    public static int Usage()
    {
        Console.Error.WriteLine("usage: generate SEEDS_DIR RESULTS_FILE [Auto|Strings|Utf8] | report WORK_DIR");
        return 2;
    }

    public static int Generate(string seedsDirectory, string resultsFile, string? storage)
    {
        string[] files = Directory.GetFiles(seedsDirectory, "*.txt");
        Array.Sort(files, StringComparer.Ordinal);
        AdditionalText[] seeds = files.Select(f => (AdditionalText)new Seed(f, File.ReadAllText(f, Encoding.UTF8))).ToArray();
        var options = new Dictionary<string, string> { ["build_property.RootNamespace"] = "ScaleCorpus" };
        if (storage is not null)
        {
            options["build_property.CorpusSdkTextStorage"] = storage;
        }

        // As a build with the package's targets: the index is the build step's resource (SCALE_INDEX=Source: in the generator's output).
        bool resource = !string.Equals(Environment.GetEnvironmentVariable("SCALE_INDEX"), "Source", StringComparison.OrdinalIgnoreCase);
        if (resource)
        {
            options["build_property.CorpusSdkIndexResource"] = "CorpusSdk.SearchIndex";
        }

        CSharpCompilation compilation = CSharpCompilation.Create("ScaleCorpus", options: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        // Cold: the first run in this process (JIT included), as in a fresh compiler process.
        var watch = Stopwatch.StartNew();
        Driver(seeds, options).RunGenerators(compilation);
        double cold = watch.Elapsed.TotalMilliseconds;

        // Warm: a new driver (nothing cached), code already compiled, as in a long-lived compiler server.
        watch.Restart();
        GeneratorDriver driver = Driver(seeds, options).RunGenerators(compilation);
        double warm = watch.Elapsed.TotalMilliseconds;
        GeneratorRunResult run = driver.GetRunResult().Results.Single();
        string? dump = Environment.GetEnvironmentVariable("SCALE_DUMP_SOURCES");
        if (!string.IsNullOrEmpty(dump))
        {
            Directory.CreateDirectory(dump);
            foreach (GeneratedSourceResult source in run.GeneratedSources)
            {
                File.WriteAllText(Path.Combine(dump, source.HintName), source.SourceText.ToString());
            }
        }

        if (!string.IsNullOrEmpty(dump))
        {
            foreach (var pair in run.TrackedOutputSteps)
            {
                foreach (var step in pair.Value.OrderByDescending(r => r.ElapsedTime).Take(5))
                {
                    Console.WriteLine($"output {pair.Key} {step.ElapsedTime.TotalMilliseconds:F0} ms: {step.Inputs.FirstOrDefault().Source.Name}");
                }
            }
        }

        string stepTimes = string.Join(", ", run.TrackedSteps
            .Select(pair => (Name: pair.Key.Replace("CorpusSdk.", string.Empty, StringComparison.Ordinal), Ms: pair.Value.Sum(r => r.ElapsedTime.TotalMilliseconds)))
            .Where(step => step.Ms >= 1)
            .OrderByDescending(step => step.Ms)
            .Select(step => $"{step.Name} {step.Ms:F0} ms"));
        long sourceBytes = run.GeneratedSources.Sum(s => (long)Encoding.UTF8.GetByteCount(s.SourceText.ToString()));
        long indexBytes = run.GeneratedSources.Where(s => s.HintName.EndsWith(".Index.g.cs", StringComparison.Ordinal))
            .Sum(s => (long)Encoding.UTF8.GetByteCount(s.SourceText.ToString()));
        long largestLiteral = run.GeneratedSources.Max(s => LargestU8Literal(s.SourceText.ToString()));
        bool utf8 = run.GeneratedSources.Any(s => s.HintName.StartsWith("Article.", StringComparison.Ordinal) && s.SourceText.ToString().Contains("Article.FromUtf8(", StringComparison.Ordinal));
        string diagnostics = string.Join(" ", run.Diagnostics.Where(d => d.Id is "CSDK016" or "CSDK103").Select(d => d.Id));

        // Edit one seed (the middle one): a word added before its first full stop; re-run on the same driver.
        int edited = seeds.Length / 2;
        string text = seeds[edited].GetText()!.ToString();
        int at = text.IndexOf(".\n", StringComparison.Ordinal) is int lf and >= 0 ? lf : text.IndexOf(".\r\n", StringComparison.Ordinal);
        watch.Restart();
        driver = driver.ReplaceAdditionalText(seeds[edited], new Seed(seeds[edited].Path, text.Insert(Math.Max(at, 0), " تعديل"))).RunGenerators(compilation.Clone());
        double edit = watch.Elapsed.TotalMilliseconds;
        GeneratorRunResult rerun = driver.GetRunResult().Results.Single();
        var reruns = new List<string>();
        foreach (string step in Steps)
        {
            var outputs = rerun.TrackedSteps.TryGetValue(step, out var runs) ? runs.SelectMany(r => r.Outputs).ToList() : [];
            int ran = outputs.Count(o => o.Reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.New);
            reruns.Add($"{step["CorpusSdk.".Length..]} {ran}/{outputs.Count}");
        }

        // The index build step (what CorpusSdk.targets runs before the compiler), in this process, with its per-seed piece
        // cache in a fresh folder: all seeds (every piece written), then the step again with the edited seed (that seed
        // read and analysed, the others' pieces read; the plan, merge and layout run over the whole corpus).
        var stepLines = new List<string> { $"index_storage {(resource ? "Resource" : "Source")}" };
        if (resource)
        {
            var files2 = seeds.Select(s => (s.Path, Encoding.UTF8.GetBytes(s.GetText()!.ToString()))).ToList();
            string pieces = Path.Combine(Path.GetTempPath(), "corpussdk-scale-pieces-" + Guid.NewGuid().ToString("N"));
            watch.Restart();
            var (indexFile, _, _) = CorpusSdk.Generators.Corpus.IndexFileBuilder.Build(files2, "Corpus", null, pieces: new CorpusSdk.IndexBuilder.IndexPieceCache(pieces));
            double step = watch.Elapsed.TotalMilliseconds;
            files2[edited] = (seeds[edited].Path, Encoding.UTF8.GetBytes(text.Insert(Math.Max(at, 0), " تعديل")));
            var cache = new CorpusSdk.IndexBuilder.IndexPieceCache(pieces);
            watch.Restart();
            CorpusSdk.Generators.Corpus.IndexFileBuilder.Build(files2, "Corpus", null, pieces: cache);
            double stepEdit = watch.Elapsed.TotalMilliseconds;
            Directory.Delete(pieces, recursive: true);
            stepLines.Add($"index_step_ms {step:F0}");
            stepLines.Add($"index_step_edit_ms {stepEdit:F0}");
            stepLines.Add($"index_step_edit_reads {cache.Indexed.Count}/{files2.Count}");
            stepLines.Add($"index_file_mb {indexFile.Length / 1048576.0:F1}");
        }

        using var process = Process.GetCurrentProcess();
        var lines = new List<string>
        {
            $"gen_cold_ms {cold:F0}",
            $"gen_warm_ms {warm:F0}",
            $"gen_edit_ms {edit:F0}",
            $"gen_steps_ms {stepTimes}",
            $"gen_peak_mb {process.PeakWorkingSet64 / 1048576.0:F0}",
            $"gen_sources_mb {sourceBytes / 1048576.0:F1}",
            $"gen_index_mb {indexBytes / 1048576.0:F1}",
            $"gen_largest_u8_mb {largestLiteral / 1048576.0:F1}",
            $"storage {(utf8 ? "Utf8" : "Strings")}",
            $"storage_diagnostics {(diagnostics.Length == 0 ? "-" : diagnostics)}",
            $"edit_reruns {string.Join(", ", reruns)}",
        };
        lines.AddRange(stepLines);
        File.AppendAllLines(resultsFile, lines);
        Console.WriteLine(string.Join(Environment.NewLine, lines));
        return 0;
    }

    /// <summary>Bytes of the longest <c>"…"u8</c> literal in a generated file (UTF-8 of its source text: an upper bound).</summary>
    private static long LargestU8Literal(string source)
    {
        long largest = 0;
        int end = 0;
        while ((end = source.IndexOf("\"u8", end, StringComparison.Ordinal)) >= 0)
        {
            int start = source.LastIndexOf(" \"", end, StringComparison.Ordinal);
            if (start >= 0)
            {
                largest = Math.Max(largest, Encoding.UTF8.GetByteCount(source.AsSpan(start + 2, end - start - 2)));
            }

            end += 3;
        }

        return largest;
    }

    private static CSharpGeneratorDriver Driver(AdditionalText[] seeds, Dictionary<string, string> options) => CSharpGeneratorDriver.Create(
        [new CorpusGenerator().AsSourceGenerator()],
        seeds,
        new CSharpParseOptions(LanguageVersion.Latest),
        new Options(options),
        new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    public static int Report(string work)
    {
        var rows = new List<Dictionary<string, string>>();
        foreach (string directory in Directory.GetDirectories(work).Where(d => int.TryParse(Path.GetFileName(d), out _)).OrderBy(d => int.Parse(Path.GetFileName(d), CultureInfo.InvariantCulture)))
        {
            string file = Path.Combine(directory, "results.txt");
            if (!File.Exists(file))
            {
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (string line in File.ReadLines(file))
            {
                int space = line.IndexOf(' ', StringComparison.Ordinal);
                if (space > 0)
                {
                    row[line[..space]] = line[(space + 1)..].Trim();
                }
            }

            if (row.ContainsKey("n"))
            {
                rows.Add(row);
            }
        }

        Console.WriteLine(Table(rows));
        Console.WriteLine();
        Console.WriteLine(Queries(rows));
        Console.WriteLine();
        Console.WriteLine(Chart(rows));
        return 0;
    }

    private static string Get(Dictionary<string, string> row, string key) => row.TryGetValue(key, out string? value) ? value : "–";

    private static double Num(Dictionary<string, string> row, string key) =>
        row.TryGetValue(key, out string? value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) ? number : double.NaN;

    private static string N(Dictionary<string, string> row) => int.Parse(Get(row, "n"), CultureInfo.InvariantCulture).ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>Lucene's time ÷ ours: "3.0×" when ours is faster, "1/53" when ours is 53 times slower.</summary>
    private static string Ratio(double lucene, double ours)
    {
        if (double.IsNaN(lucene) || double.IsNaN(ours) || ours <= 0 || lucene <= 0)
        {
            return "–";
        }

        double ratio = lucene / ours;
        return ratio >= 1
            ? ratio.ToString(ratio >= 10 ? "F0" : "F1", CultureInfo.InvariantCulture) + "×"
            : "1/" + (1 / ratio).ToString(1 / ratio >= 10 ? "F0" : "F1", CultureInfo.InvariantCulture);
    }

    private static string Table(List<Dictionary<string, string>> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| N | seeds | storage | generator (cold / warm) | index step (index file) | `dotnet build` wall (CPU) | peak compiler memory | assembly | edit one seed: generator re-run / index step / rebuild | first query after start |");
        text.AppendLine("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            double seeds = Num(row, "seed_bytes") / 1048576.0;
            double assembly = Num(row, "asm_bytes") / 1048576.0;
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {N(row)} | {seeds:F2} MiB | {Get(row, "storage")}, index {Get(row, "index_storage")} | {Num(row, "gen_cold_ms") / 1000:F1} s / {Num(row, "gen_warm_ms") / 1000:F1} s | {Num(row, "index_step_ms") / 1000:F1} s ({Num(row, "index_file_mb"):F1} MiB) | {Num(row, "build_wall_s"):F1} s ({Num(row, "build_user_s"):F0} s CPU) | {Num(row, "build_csc_peak_mb") / 1024:F2} GiB | {assembly:F2} MiB ({assembly / seeds:F2}× seeds) | {Num(row, "gen_edit_ms") / 1000:F2} s / {Num(row, "index_step_edit_ms") / 1000:F1} s / {Num(row, "rebuild_wall_s"):F1} s | {Num(row, "first_query_ms"):F0} ms |"));
        }

        return text.ToString();
    }

    private static string Queries(List<Dictionary<string, string>> rows)
    {
        var text = new StringBuilder();
        text.AppendLine("| N | term: top 10 parts (matching parts) | absent term | phrase (parts) | prefix (parts) | snippet / highlight | bytes / query | Lucene.NET index build (its size) | Lucene: term, absent, phrase, prefix (documents) | Lucene's time ÷ ours: term, absent, phrase, prefix |");
        text.AppendLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {N(row)} | {Num(row, "q_term_us"):F1} µs ({Get(row, "q_term_hits")}) | {Num(row, "q_absent_us"):F2} µs | {Num(row, "q_phrase_us"):F1} µs ({Get(row, "q_phrase_hits")}) | {Num(row, "q_prefix_us"):F1} µs ({Get(row, "q_prefix_hits")}) | {Num(row, "snippet_ns_per_hit"):F0} ns | {Get(row, "q_alloc_bytes")} | {Num(row, "lucene_build_ms"):F0} ms ({Num(row, "lucene_index_mb"):F1} MiB index) | " +
                $"{Num(row, "l_term_us"):F1} µs ({Get(row, "l_term_hits")}), {Num(row, "l_absent_us"):F1} µs, {Num(row, "l_phrase_us"):F1} µs ({Get(row, "l_phrase_hits")}), {Num(row, "l_prefix_us"):F1} µs ({Get(row, "l_prefix_hits")}) | " +
                $"{Ratio(Num(row, "l_term_us"), Num(row, "q_term_us"))}, {Ratio(Num(row, "l_absent_us"), Num(row, "q_absent_us"))}, {Ratio(Num(row, "l_phrase_us"), Num(row, "q_phrase_us"))}, {Ratio(Num(row, "l_prefix_us"), Num(row, "q_prefix_us"))} |"));
        }

        return text.ToString();
    }

    private static string Chart(List<Dictionary<string, string>> rows)
    {
        string labels = string.Join(", ", rows.Select(r => "\"" + N(r) + "\""));
        string Series(string key, double scale) => string.Join(", ", rows.Select(r => (Num(r, key) * scale).ToString("F1", CultureInfo.InvariantCulture)));
        double max = rows.Max(r => Math.Max(Num(r, "build_wall_s"), Num(r, "build_csc_peak_mb") / 1024 * 10));
        var text = new StringBuilder();
        text.AppendLine("```mermaid");
        text.AppendLine("---");
        text.AppendLine("config:");
        text.AppendLine("  xyChart:");
        text.AppendLine("    showDataLabel: true");
        text.AppendLine("---");
        text.AppendLine("xychart-beta");
        text.AppendLine("    title \"dotnet build of N synthetic articles: wall time (s, bars) and peak compiler memory (GiB × 10, line)\"");
        text.AppendLine($"    x-axis \"articles\" [{labels}]");
        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"    y-axis \"seconds / GiB × 10\" 0 --> {Math.Ceiling(max / 10) * 10:F0}"));
        text.AppendLine($"    bar [{Series("build_wall_s", 1)}]");
        text.AppendLine($"    line [{Series("build_csc_peak_mb", 10.0 / 1024)}]");
        text.AppendLine("```");
        return text.ToString();
    }

    private sealed class Seed(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text, Encoding.UTF8);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    private sealed class Options(Dictionary<string, string> global) : AnalyzerConfigOptionsProvider
    {
        private static readonly DictionaryOptions SeedOptions = new(new() { ["build_metadata.AdditionalFiles.CorpusSdkSeed"] = "true" });

        public override AnalyzerConfigOptions GlobalOptions { get; } = new DictionaryOptions(global);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => SeedOptions;
    }

    private sealed class DictionaryOptions(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new([]);

        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
