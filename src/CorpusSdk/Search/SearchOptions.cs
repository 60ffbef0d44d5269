namespace CorpusSdk;

/// <summary>Options of a search. <c>default</c> searches in <see cref="SearchMode.Default"/>.</summary>
public readonly record struct SearchOptions
{
    /// <summary>Options with the given mode.</summary>
    /// <param name="mode">The analysis mode.</param>
    public SearchOptions(SearchMode mode) => Mode = mode;

    /// <summary>The analysis mode.</summary>
    public SearchMode Mode { get; init; }
}
