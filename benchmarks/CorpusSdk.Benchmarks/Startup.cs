using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection.PortableExecutable;
using System.Runtime;
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
/// also times the whole process and an empty process for reference. The child's clock starts on the first line of
/// <c>Main</c> and stops right after the answer; it also reports how many methods the JIT compiled in that time and
/// how long they took. The rows run in turn (one process of each row, then again), so that a change of load on a
/// shared machine falls on every row alike. The "ReadyToRun" rows run the same child from a copy of the output in which
/// <c>CorpusSdk.dll</c> is the precompiled image the package ships for this machine (<c>readytorun/</c>, written by the
/// build), as a package consumer on this runtime loads it (<c>runtimes/&lt;rid&gt;/lib/net10.0/</c>); the child checks that
/// the assembly it loaded is that image.
/// </summary>
internal static class Startup
{
    public const string ChildCommand = "startup-child";
    private const string Query = "كيري";

    /// <summary>The timestamp of the first line of <c>Main</c>.</summary>
    public static long MainStarted { get; set; }

    public static int Run(int runs)
    {
        var scenarios = new List<(string Engine, int Articles)> { ("none", 0) };
        string readyToRun = ReadyToRunCopy();
        foreach (int size in Corpora.CompiledSizes)
        {
            scenarios.Add(("ours", size));
            scenarios.Add(("ours-lucene-mode", size));
            scenarios.Add(("ours" + ReadyToRunSuffix, size));
            scenarios.Add(("ours-lucene-mode" + ReadyToRunSuffix, size));
            scenarios.Add(("lucene", size));
        }

        Console.WriteLine($"First answer: {runs} fresh processes per row, query {Query}, top 10; times in ms, median (min–max).");
        Console.WriteLine();
        Console.WriteLine("| engine | articles | first answer in Main | of which index build | of which first query | methods compiled (JIT time) | whole process | whole process − empty process | matches |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        var samples = new Sample[scenarios.Count];
        for (int s = 0; s < samples.Length; s++)
        {
            samples[s] = new Sample();
        }

        for (int r = 0; r < runs; r++)
        {
            for (int s = 0; s < scenarios.Count; s++)
            {
                string engine = scenarios[s].Engine;
                bool precompiled = engine.EndsWith(ReadyToRunSuffix, StringComparison.Ordinal);
                (string output, double elapsed) = Spawn(engine, scenarios[s].Articles, precompiled ? readyToRun : AppContext.BaseDirectory);
                string[] fields = output.Trim().Split(' ');
                if (engine != "none" && fields[6] != (precompiled ? "ReadyToRun" : "IL"))
                {
                    throw new InvalidOperationException($"{engine}: the child loaded a CorpusSdk.dll that is {fields[6]} ({output.Trim()}).");
                }

                Sample sample = samples[s];
                sample.Main.Add(double.Parse(fields[0], CultureInfo.InvariantCulture));
                sample.Build.Add(double.Parse(fields[1], CultureInfo.InvariantCulture));
                sample.Query.Add(double.Parse(fields[2], CultureInfo.InvariantCulture));
                sample.Hits = fields[3];
                sample.Methods.Add(double.Parse(fields[4], CultureInfo.InvariantCulture));
                sample.Jit.Add(double.Parse(fields[5], CultureInfo.InvariantCulture));
                sample.Wall.Add(elapsed);
            }
        }

        double emptyWall = 0;
        for (int s = 0; s < scenarios.Count; s++)
        {
            (string engine, int articles) = scenarios[s];
            (List<double> main, List<double> build, List<double> query, List<double> wall, string hits) =
                (samples[s].Main, samples[s].Build, samples[s].Query, samples[s].Wall, samples[s].Hits);

            if (engine == "none")
            {
                emptyWall = Median(wall);
                Console.WriteLine($"| (empty process) | – | – | – | – | – | {Format(wall)} | – | – |");
                continue;
            }

            string name = engine switch
            {
                "ours" => "ours, default options (IL, JIT)",
                "ours-lucene-mode" => "ours, LuceneCompatible (IL, JIT)",
                "ours" + ReadyToRunSuffix => "ours, default options (package's ReadyToRun image)",
                "ours-lucene-mode" + ReadyToRunSuffix => "ours, LuceneCompatible (package's ReadyToRun image)",
                _ => "Lucene.NET (BM25)",
            };
            string buildText = engine == "lucene" ? Format(build) : "none (compiled)";
            Console.WriteLine($"| {name} | {articles:N0} | {Format(main)} | {buildText} | {Format(query)} | {Median(samples[s].Methods):F0} ({Median(samples[s].Jit).ToString("F1", CultureInfo.InvariantCulture)}) | {Format(wall)} | {(Median(wall) - emptyWall).ToString("F1", CultureInfo.InvariantCulture)} | {hits} |");
        }

        return 0;
    }

    /// <summary>One measurement: prints "main-ms build-ms query-ms matches jit-methods jit-ms IL|ReadyToRun", timed from the first line of Main.</summary>
    public static int Child(string[] args)
    {
        long started = MainStarted;
        long methods = JitInfo.GetCompiledMethodCount();
        TimeSpan jit = JitInfo.GetCompilationTime();
        string engine = args[1].Replace(ReadyToRunSuffix, string.Empty, StringComparison.Ordinal);
        int articles = Digits(args[2]);
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
                build = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                queryStart = build;
                var query = LuceneIndex.Build(Queries.Frequent);
                hits = index.Top10Ids(query).Count > 0 ? index.Count(query) : 0;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(args), engine, "none, ours, ours-lucene-mode or lucene.");
        }

        double total = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        methods = JitInfo.GetCompiledMethodCount() - methods;
        double jitMs = (JitInfo.GetCompilationTime() - jit).TotalMilliseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total:F2} {build:F2} {total - queryStart:F2} {hits} {methods} {jitMs:F2} {(IsReadyToRun(typeof(Article).Assembly.Location) ? "ReadyToRun" : "IL")}"));
        return 0;
    }

    private const string ReadyToRunSuffix = "-r2r";

    /// <summary>
    /// A count, parsed without <c>CultureInfo</c>: its first use loads ICU (~6 ms), which would be charged to the first
    /// answer although the engine never needs it (a process whose own code loads ICU first pays it there instead).
    /// </summary>
    private static int Digits(string text)
    {
        int value = 0;
        foreach (char c in text)
        {
            value = checked((value * 10) + (c is >= '0' and <= '9' ? c - '0' : throw new FormatException("Not a count: " + text)));
        }

        return value;
    }

    /// <summary>Whether an assembly holds precompiled code (a ReadyToRun header).</summary>
    private static bool IsReadyToRun(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    /// <summary>A copy of this program's output with the package's ReadyToRun <c>CorpusSdk.dll</c> in place of the IL one.</summary>
    private static string ReadyToRunCopy()
    {
        string source = AppContext.BaseDirectory;
        string image = Path.Combine(source, "readytorun", "CorpusSdk.dll");
        if (!File.Exists(image) || !IsReadyToRun(image))
        {
            throw new InvalidOperationException($"No ReadyToRun image at {image}: build this project in Release (its build writes it).");
        }

        string copy = Path.Combine(Path.GetTempPath(), "corpussdk-startup-r2r-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        foreach (string file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            string relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("readytorun", StringComparison.Ordinal) || relative.StartsWith("BenchmarkDotNet.Artifacts", StringComparison.Ordinal))
            {
                continue;
            }

            string target = Path.Combine(copy, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }

        File.Copy(image, Path.Combine(copy, "CorpusSdk.dll"), overwrite: true);
        return copy;
    }

    /// <summary>The first top 10: the hits read, the total count returned.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Ours(int articles, SearchOptions options) => articles == 1000 ? Ours1000(options) : Ours10000(options);

    // One method per corpus: compiling a method that names the 10,000-article corpus loads its 450 MB assembly.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Ours1000(SearchOptions options)
    {
        using SearchResults results = C1000.Corpus.Search(Query, options);
        return Read(results);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Ours10000(SearchOptions options)
    {
#if CORPUS10000
        using SearchResults large = C10000.Corpus.Search(Query, options);
        return Read(large);
#else
        _ = options;
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

    private static (string Output, double Milliseconds) Spawn(string engine, int articles, string directory)
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("No process path.");
        var info = new ProcessStartInfo { RedirectStandardOutput = true, UseShellExecute = false };
        string assembly = Path.Combine(directory, Path.GetFileName(typeof(Startup).Assembly.Location));
        if (Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
        {
            info.FileName = self;
            info.ArgumentList.Add(assembly);
        }
        else
        {
            info.FileName = Path.Combine(directory, Path.GetFileName(self));
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

    /// <summary>One row's measurements.</summary>
    private sealed class Sample
    {
        public List<double> Main { get; } = [];

        public List<double> Build { get; } = [];

        public List<double> Query { get; } = [];

        public List<double> Methods { get; } = [];

        public List<double> Jit { get; } = [];

        public List<double> Wall { get; } = [];

        public string Hits { get; set; } = string.Empty;
    }

    private static double Median(List<double> values)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Format(List<double> values) =>
        string.Create(CultureInfo.InvariantCulture, $"{Median(values):F1} ({values.Min():F1}–{values.Max():F1})");
}
