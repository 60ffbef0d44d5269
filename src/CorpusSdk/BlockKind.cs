namespace CorpusSdk;

/// <summary>What a body block of an article is.</summary>
public enum BlockKind
{
    /// <summary>Running text. A paragraph split by a blank line in the seed is one paragraph.</summary>
    Paragraph = 0,

    /// <summary>A short section heading.</summary>
    Heading = 1,

    /// <summary>A standalone pull quote: a sentence set apart that repeats something said in the body.</summary>
    PullQuote = 2,
}
