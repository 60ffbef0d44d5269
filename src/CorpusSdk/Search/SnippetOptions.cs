using System;

namespace CorpusSdk;

/// <summary>How <see cref="CorpusSearch.TryWriteSnippet(in SearchHit, Span{char}, out int, SnippetOptions?)"/> lays out a snippet.</summary>
public sealed class SnippetOptions
{
    /// <summary>The defaults: 40 characters of context each side, the match in [brackets], "…" where text is cut.</summary>
    public static SnippetOptions Default { get; } = new();

    /// <summary>Written before the match.</summary>
    public string Before { get; init; } = "[";

    /// <summary>Written after the match.</summary>
    public string After { get; init; } = "]";

    /// <summary>Written where the part's text is cut.</summary>
    public string Ellipsis { get; init; } = "…";

    /// <summary>About how many characters of context to keep on each side (cut at word boundaries).</summary>
    public int Context { get; init; } = 40;
}
