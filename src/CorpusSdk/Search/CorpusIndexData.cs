using System;
using System.ComponentModel;

namespace CorpusSdk;

/// <summary>
/// The compiled search index of a corpus, as static data in the generated assembly. Implemented by
/// generated code; every member returns a view over a <c>"…"u8</c> literal, so nothing is decoded
/// or allocated at start-up. Integer arrays are packed as fixed-width base-64 digits (first byte: the width).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class CorpusIndexData
{
    /// <summary>Article index of each part (packed).</summary>
    public abstract ReadOnlySpan<byte> PartArticles { get; }

    /// <summary>Block index + 1 of each part, 0 for the title (packed).</summary>
    public abstract ReadOnlySpan<byte> PartBlocks { get; }

    /// <summary>First word of each part, plus the total word count (packed).</summary>
    public abstract ReadOnlySpan<byte> PartFirstTokens { get; }

    /// <summary>Start offset of each word in its part's text (packed).</summary>
    public abstract ReadOnlySpan<byte> TokenStarts { get; }

    /// <summary>Length of each word (packed).</summary>
    public abstract ReadOnlySpan<byte> TokenLengths { get; }

    /// <summary>The sorted terms of a mode, concatenated as UTF-8.</summary>
    /// <param name="mode">The mode.</param>
    public abstract ReadOnlySpan<byte> Terms(SearchMode mode);

    /// <summary>Byte offset of each term in <see cref="Terms"/>, plus the total (packed).</summary>
    /// <param name="mode">The mode.</param>
    public abstract ReadOnlySpan<byte> TermOffsets(SearchMode mode);

    /// <summary>Offset of each term's postings in <see cref="Postings"/>, plus the total (packed).</summary>
    /// <param name="mode">The mode.</param>
    public abstract ReadOnlySpan<byte> PostingOffsets(SearchMode mode);

    /// <summary>Word numbers where each term occurs, ascending per term (packed).</summary>
    /// <param name="mode">The mode.</param>
    public abstract ReadOnlySpan<byte> Postings(SearchMode mode);
}
