using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Seeds = CorpusSdk.Seeds;
using Copies1000 = CorpusSdk.Benchmarks.Corpus1000;

namespace CorpusSdk.Benchmarks;

/// <summary>
/// Start-up to first answer, which BenchmarkDotNet cannot measure (it warms up): each run is a fresh
/// process. The child times, from the start of Main, the first <c>Corpus.Count("كيري")</c> (ours) or
/// Lucene's index build over the same corpus plus its first query; the parent also times the whole
/// process (runtime start to exit) and an empty process for reference.
/// </summary>
internal static class Startup
{
    public const string ChildCommand = "startup-child";
    private const string Query = "كيري";

    private static readonly (string Engine, int Copies)[] Scenarios =
    [
        ("none", 0),
        ("articles", 1),
        ("ours", 1),
        ("lucene", 1),
        ("articles", 1000),
        ("ours", 1000),
        ("lucene", 1000),
    ];

    public static int Run(int runs)
    {
        Console.WriteLine($"Start-up to first answer: {runs} fresh processes per row, query {Query}; times in ms, median (min–max).");
        Console.WriteLine();
        Console.WriteLine("| engine | corpus | first answer in Main | of which index build | of which first query | whole process | whole process − empty process | hits |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        double emptyWall = 0;
        foreach ((string engine, int copies) in Scenarios)
        {
            var main = new List<double>();
            var build = new List<double>();
            var query = new List<double>();
            var wall = new List<double>();
            string hits = string.Empty;
            for (int r = 0; r < runs; r++)
            {
                (string output, double elapsed) = Spawn(engine, copies);
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

            string corpus = copies == 1 ? "real seed" : "1,000 copies";
            if (engine == "articles")
            {
                Console.WriteLine($"| (Corpus.Articles only) | {corpus} | {Format(main)} | – | – | {Format(wall)} | {(Median(wall) - emptyWall).ToString("F1", CultureInfo.InvariantCulture)} | {hits} articles |");
                continue;
            }

            string buildText = engine == "lucene" ? Format(build) : "none (compiled)";
            Console.WriteLine($"| {engine} | {corpus} | {Format(main)} | {buildText} | {Format(query)} | {Format(wall)} | {(Median(wall) - emptyWall).ToString("F1", CultureInfo.InvariantCulture)} | {hits} |");
        }

        return 0;
    }

    /// <summary>One measurement: prints "main-ms build-ms query-ms hits".</summary>
    public static int Child(string[] args)
    {
        var clock = Stopwatch.StartNew();
        string engine = args[1];
        int copies = int.Parse(args[2], CultureInfo.InvariantCulture);
        double build = 0;
        int hits = 0;
        double queryStart = 0;
        switch (engine)
        {
            case "none":
                break;
            case "articles":
                // Only Corpus.Articles (every article created): what the search engine's creation pays today.
                hits = copies == 1 ? Seeds.Corpus.Articles.Count : Copies1000.Corpus.Articles.Count;
                break;
            case "ours":
                hits = copies == 1 ? OursSeed() : Ours1000();
                break;
            case "lucene":
                LuceneIndex index = BuildLucene(copies);
                build = clock.Elapsed.TotalMilliseconds;
                queryStart = build;
                hits = index.Count(Query);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(args), engine, "none, articles, ours or lucene.");
        }

        double total = clock.Elapsed.TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total:F2} {build:F2} {total - queryStart:F2} {hits}"));
        return 0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int OursSeed() => Seeds.Corpus.Count(Query);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Ours1000() => Copies1000.Corpus.Count(Query);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static LuceneIndex BuildLucene(int copies) => new(copies == 1 ? Seeds.Corpus.Articles : Copies1000.Corpus.Articles);

    private static (string Output, double Milliseconds) Spawn(string engine, int copies)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var info = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            info.FileName = self;
            info.ArgumentList.Add(typeof(Startup).Assembly.Location);
        }
        else
        {
            info.FileName = self;
        }

        info.ArgumentList.Add(ChildCommand);
        info.ArgumentList.Add(engine);
        info.ArgumentList.Add(copies.ToString(CultureInfo.InvariantCulture));
        var clock = Stopwatch.StartNew();
        using Process process = Process.Start(info) ?? throw new InvalidOperationException("Could not start " + self);
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double elapsed = clock.Elapsed.TotalMilliseconds;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{engine} {copies} exited with {process.ExitCode}.");
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
