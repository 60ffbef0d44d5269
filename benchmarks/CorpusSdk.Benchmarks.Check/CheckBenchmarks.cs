using System;
using System.IO;
using BenchmarkDotNet.Attributes;
using CorpusSdk.Cli;
using CorpusSdk.SyntheticCorpus;

namespace CorpusSdk.Benchmarks.Check;

/// <summary>
/// <c>corpus check DIR</c> over 1,000 synthetic seeds (about 11 MB), in-process: reading, decoding,
/// parsing and formatting every diagnostic, text and SARIF. The CLI's own start-up is not included
/// (see benchmarks/README.md for the end-to-end command).
/// </summary>
[MemoryDiagnoser]
public class CheckBenchmarks
{
    private string _directory = string.Empty;

    /// <summary>How many seeds.</summary>
    [Params(1000)]
    public int Seeds { get; set; }

    /// <summary>Writes the seeds once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "corpus-check-bench-" + Seeds);
        if (!File.Exists(Path.Combine(_directory, "manifest.json")))
        {
            SyntheticCorpus.SyntheticCorpus.Write(_directory, Seeds, Vocabulary.FromOption(null));
        }
    }

    /// <summary>Canonical text lines (errors and warnings only).</summary>
    [Benchmark(Baseline = true)]
    public int CheckText() => Run("text");

    /// <summary>SARIF 2.1.0 with every note.</summary>
    [Benchmark]
    public int CheckSarif() => Run("sarif");

    /// <summary>Text lines with every block explained.</summary>
    [Benchmark]
    public int CheckExplain() => CorpusCli.Run(["check", "--explain", _directory], TextWriter.Null, TextWriter.Null, CorpusSdk.Seeds.Corpus.Instance);

    private int Run(string format)
    {
        int exit = CorpusCli.Run(["check", "--format", format, _directory], TextWriter.Null, TextWriter.Null, CorpusSdk.Seeds.Corpus.Instance);
        return exit == CorpusCli.ExitUsage ? throw new InvalidOperationException("bad usage") : exit;
    }
}
