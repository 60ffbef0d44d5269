namespace CorpusSdk.Cli;

/// <summary>How <see cref="CorpusCli.Run(string[], System.IO.TextWriter, System.IO.TextWriter, CompiledCorpus, CorpusCliOptions)"/> reports: progress and highlighting.</summary>
public sealed class CorpusCliOptions
{
    /// <summary>No progress, no highlighting.</summary>
    public static CorpusCliOptions Default { get; } = new();

    /// <summary>
    /// Whether long exports and renders may report progress on the error writer. Set it only when
    /// that writer is a terminal (<c>!Console.IsErrorRedirected</c>), so logs and pipes stay clean.
    /// </summary>
    public bool ShowProgress { get; init; }

    /// <summary>
    /// Whether <c>search</c> highlights matches in bold with ANSI escapes. Set it only when the output
    /// writer is a terminal (<c>!Console.IsOutputRedirected</c>); otherwise matches are [bracketed].
    /// </summary>
    public bool Highlight { get; init; }
}
