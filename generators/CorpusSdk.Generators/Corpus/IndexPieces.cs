using CorpusSdk.Generators.Search;

namespace CorpusSdk.Generators.Corpus;

/// <summary>What the index build step needs of a seed that parsed: its identity for the plan, and its index model.</summary>
internal sealed record IndexPiece(string Id, string MemberName, string ContentSha256, ArticleIndexSpec Index);

/// <summary>
/// Where the index build step keeps each seed's <see cref="IndexPiece"/> between runs (the tool's files on disk), so that
/// after an edit only the changed seeds are read, parsed and analysed again. A store may forget anything; it must never
/// return a piece of other bytes than those it is asked about.
/// </summary>
internal interface IIndexPieceStore
{
    /// <summary>The piece of the seed at <paramref name="path"/> with these <paramref name="bytes"/>, or null; <paramref name="key"/> names it for <see cref="Write"/>.</summary>
    IndexPiece? TryRead(string path, byte[] bytes, out string key);

    /// <summary>Records that the seed was read and analysed in this run, and keeps its piece (null: it did not parse).</summary>
    void Write(string key, string path, IndexPiece? piece);
}
