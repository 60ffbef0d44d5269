using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using C1000 = CorpusSdk.Benchmarks.Corpus1000;
#if CORPUS10000
using C10000 = CorpusSdk.Benchmarks.Corpus10000;
#endif

namespace CorpusSdk.Benchmarks;

/// <summary>
/// First answer after process start, which BenchmarkDotNet cannot measure (it warms up): each run is a
/// fresh process (Release build). The child times, from the start of Main, the first ranked top 10 of
/// <c>Corpus.Search</c> (ours, default options and LuceneCompatible articles; it never touches
/// <c>Corpus.Articles</c>) or Lucene's index build over the same corpus plus its first top 10; the parent
/// also times the whole process and an empty process for reference.
/// </summary>
internal static class Startup
{
    public const string ChildCommand = "startup-child";
    private const string Query = "كيري";

    public static int Run(int runs)
    {
        var scenarios = new List<(string Engine, int Articles)> { ("none", 0) };
        foreach (int size in Corpora.CompiledSizes)
        {
            scenarios.Add(("ours", size));
            scenarios.Add(("ours-lucene-mode", size));
            scenarios.Add(("lucene", size));
        }

        Console.WriteLine($"First answer: {runs} fresh processes per row, query {Query}, top 10; times in ms, median (min–max).");
        Console.WriteLine();
        Console.WriteLine("| engine | articles | first answer in Main | of which index build | of which first query | whole process | whole process − empty process | matches |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        double emptyWall = 0;
        foreach ((string engine, int articles) in scenarios)
        {
            var main = new List<double>();
            var build = new List<double>();
            var query = new List<double>();
            var wall = new List<double>();
            string hits = string.Empty;
            for (int r = 0; r < runs; r++)
            {
                (string output, double elapsed) = Spawn(engine, articles);
                string[] fields = output.Trim().Split(' ');
                main.Add(double.Parse(fields[0], CultureInfo.InvariantCulture));
                build.Add(double.Parse(fields[1], CultureInfo.InvariantCulture));
                query.Add(double.Parse(fields[2], CultureInfo.InvariantCulture));
                hits = fields[3];
                wall.Add(elapsed);
            }

            if (engine == "none")
            {
                emptyWall = Median(wall);
                Console.WriteLine($"| (empty process) | – | – | – | – | {Format(wall)} | – | – |");
                continue;
            }

            string name = engine switch
            {
                "ours" => "ours, default options",
                "ours-lucene-mode" => "ours, LuceneCompatible",
                _ => "Lucene.NET (BM25)",
            };
            string buildText = engine == "lucene" ? Format(build) : "none (compiled)";
            Console.WriteLine($"| {name} | {articles:N0} | {Format(main)} | {buildText} | {Format(query)} | {Format(wall)} | {(Median(wall) - emptyWall).ToString("F1", CultureInfo.InvariantCulture)} | {hits} |");
        }

        return 0;
    }

    /// <summary>One measurement: prints "main-ms build-ms query-ms matches".</summary>
    public static int Child(string[] args)
    {
        var clock = Stopwatch.StartNew();
        string engine = args[1];
        int articles = int.Parse(args[2], CultureInfo.InvariantCulture);
        double build = 0;
        int hits = 0;
        double queryStart = 0;
        switch (engine)
        {
            case "none":
                break;
            case "ours":
                hits = Ours(articles, default);
                break;
            case "ours-lucene-mode":
                hits = Ours(articles, Corpora.Options);
                break;
            case "lucene":
                LuceneIndex index = BuildLucene(articles);
                build = clock.Elapsed.TotalMilliseconds;
                queryStart = build;
                var query = LuceneIndex.Build(Queries.Frequent);
                hits = index.Top10Ids(query).Count > 0 ? index.Count(query) : 0;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(args), engine, "none, ours, ours-lucene-mode or lucene.");
        }

        double total = clock.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total:F2} {build:F2} {total - queryStart:F2} {hits}"));
        return 0;
    }

    /// <summary>The first top 10: the hits read, the total count returned.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Ours(int articles, SearchOptions options)
    {
        if (articles == 1000)
        {
            using SearchResults results = C1000.Corpus.Search(Query, options);
            return Read(results);
        }

#if CORPUS10000
        using SearchResults large = C10000.Corpus.Search(Query, options);
        return Read(large);
#else
        throw new InvalidOperationException("Built without the 10,000-article corpus.");
#endif
    }

    private static int Read(in SearchResults results)
    {
        int checksum = 0;
        foreach (RankedHit hit in results.Hits)
        {
            checksum += hit.ArticleIndex;
        }

        return checksum >= 0 ? results.TotalCount : -1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static LuceneIndex BuildLucene(int articles) => new(Corpora.Texts(articles));

    private static (string Output, double Milliseconds) Spawn(string engine, int articles)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var info = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        info.FileName = self;
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            info.ArgumentList.Add(typeof(Startup).Assembly.Location);
        }

        info.ArgumentList.Add(ChildCommand);
        info.ArgumentList.Add(engine);
        info.ArgumentList.Add(articles.ToString(CultureInfo.InvariantCulture));
        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + self);
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double elapsed = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{engine} {articles} exited with {process.ExitCode}.");
        }

        return (output, elapsed);
    }

    private static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Format(List<double> values) =>
        string.Create(CultureInfo.InvariantCulture, $"{Median(values):F1} ({values.Min():F1}–{values.Max():F1})");
}
