using System;
using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Csv;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;
using Perfolizer.Metrology;

namespace CorpusSdk.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/CorpusSdk.Benchmarks -- --filter '*'</c> runs the
/// BenchmarkDotNet suite; <c>-- startup [runs]</c> measures start-up to first answer in fresh processes;
/// <c>-- check</c> compares both engines' answers; <c>-- size</c> index bytes per MB of seed text beside Lucene's index; <c>-- report [csv]</c> writes the tables of docs/benchmarks.md.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Startup.MainStarted = Stopwatch.GetTimestamp();
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0)
        {
            switch (args[0])
            {
                case "startup":
                    return Startup.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10);
                case Startup.ChildCommand:
                    return Startup.Child(args);
                case "check":
                    return Check.Run();
                case "size":
                    return AssemblySize.Run();
                case "report":
                    return Report.Run(args.Length > 1 ? args[1] : Report.DefaultCsv);
            }
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, Config());
        return 0;
    }

    /// <summary>
    /// A short job for a 2-core machine shared with other work: 3 warm-up and 10 measured iterations of
    /// about 250 ms per case, run in this process (in-process emit toolchain). The default out-of-process
    /// toolchain rebuilds every referenced project under its own artifacts path with shared compilation
    /// off, which recompiles the synthetic corpora (minutes on this machine, past its 2-minute build
    /// timeout); this process is already a Release build of exactly the code to measure.
    /// </summary>
    private static ManualConfig Config()
    {
        Job quick = Job.Default
            .WithId("Quick")
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithToolchain(InProcessEmitToolchain.Instance)
            .AsDefault();
        var csvStyle = new SummaryStyle(
            CultureInfo.InvariantCulture,
            printUnitsInHeader: true,
            sizeUnit: SizeUnit.B,
            timeUnit: TimeUnit.Nanosecond,
            printUnitsInContent: false);
        return DefaultConfig.Instance
            .AddJob(quick)
            .AddExporter(new RawCsvExporter(csvStyle))
            .AddColumn(StatisticColumn.Median);
    }
}

/// <summary>CSV with plain numbers (ns, bytes) for <c>report</c>: *-report-raw.csv beside BenchmarkDotNet's own.</summary>
internal sealed class RawCsvExporter(SummaryStyle style) : CsvExporter(CsvSeparator.Comma, style)
{
    protected override string FileNameSuffix => "-raw";
}
