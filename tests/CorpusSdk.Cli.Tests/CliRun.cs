using System.IO;
using CorpusSdk.Seeds;

namespace CorpusSdk.Cli.Tests;

/// <summary>The outcome of one in-process run of the CLI.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>
    /// Runs the CLI in-process over the repository's corpus (with its content hash, as Program.cs does),
    /// or over <paramref name="articles"/> (no content hash unless <paramref name="options"/> gives one).
    /// </summary>
    public static CliRun Of(string[] args, ArticleCollection? articles = null, CorpusCliOptions? options = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        stdout.NewLine = "\n";
        stderr.NewLine = "\n";
        options ??= articles is null ? new CorpusCliOptions { ContentHash = Corpus.ContentHash } : CorpusCliOptions.Default;
        int exitCode = CorpusCli.Run(args, stdout, stderr, articles ?? Corpus.Articles, options);
        return new CliRun(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Standard output split into lines (the final line break does not start another line).</summary>
    public string[] StdoutLines => Stdout.TrimEnd('\n').Split('\n');
}
