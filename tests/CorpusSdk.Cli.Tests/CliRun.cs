using System.IO;
using CorpusSdk.Seeds;

namespace CorpusSdk.Cli.Tests;

/// <summary>The outcome of one in-process run of the CLI.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>
    /// Runs the CLI in-process over the repository's corpus (<c>Corpus.Instance</c>, as Program.cs does), or over
    /// <paramref name="articles"/> (a <see cref="TestCorpus"/> with <see cref="TestCorpus.Hash"/>, no search index).
    /// </summary>
    public static CliRun Of(string[] args, ArticleCollection? articles = null, CorpusCliOptions? options = null) =>
        Of(args, articles is null ? Corpus.Instance : TestCorpus.Of(articles), options);

    /// <summary>Runs the CLI in-process over <paramref name="corpus"/>.</summary>
    public static CliRun Of(string[] args, CompiledCorpus corpus, CorpusCliOptions? options = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        stdout.NewLine = "\n";
        stderr.NewLine = "\n";
        int exitCode = CorpusCli.Run(args, stdout, stderr, corpus, options ?? CorpusCliOptions.Default);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Standard output split into lines (the final line break does not start another line).</summary>
    public string[] StdoutLines => Stdout.TrimEnd('\n').Split('\n');
}
