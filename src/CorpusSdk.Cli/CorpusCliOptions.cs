namespace CorpusSdk.Cli;

/// <summary>What <see cref="CorpusCli.Run(string[], System.IO.TextWriter, System.IO.TextWriter, ArticleCollection, CorpusCliOptions)"/> needs besides the articles.</summary>
public sealed class CorpusCliOptions
{
    /// <summary>No content hash, no progress.</summary>
    public static CorpusCliOptions Default { get; } = new();

    /// <summary>
    /// The corpus content hash (the generated <c>Corpus.ContentHash</c>), written into exports;
    /// null for a corpus that has none (exports then write <c>null</c>).
    /// </summary>
    public string? ContentHash { get; init; }

    /// <summary>
    /// Whether long exports and renders may report progress on the error writer. Set it only when
    /// that writer is a terminal (<c>!Console.IsErrorRedirected</c>), so logs and pipes stay clean.
    /// </summary>
    public bool ShowProgress { get; init; }

    /// <summary>The corpus's search engine (the generated <c>Corpus.SearchEngine</c>); null disables <c>search</c>.</summary>
    public CorpusSearch? Search { get; init; }

    /// <summary>
    /// Whether <c>search</c> highlights matches in bold with ANSI escapes. Set it only when the output
    /// writer is a terminal (<c>!Console.IsOutputRedirected</c>); otherwise matches are [bracketed].
    /// </summary>
    public bool Highlight { get; init; }
}
