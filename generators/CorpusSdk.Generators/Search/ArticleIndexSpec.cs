using CorpusSdk.Generators.Model;

namespace CorpusSdk.Generators.Search;

/// <summary>The analysis modes, in the order their indexes are emitted (mirrors <c>CorpusSdk.SearchMode</c>).</summary>
internal enum IndexMode
{
    Default = 0,
    Exact = 1,
    Normalized = 2,
    LuceneCompatible = 3,
}

/// <summary>
/// Everything search needs from one article, computed per seed so an edit re-analyses one article only.
/// <paramref name="PublishedDay"/> is the <c>DateOnly.DayNumber</c> of the publication date (-1 when the byline had none).
/// </summary>
internal sealed record ArticleIndexSpec(string Id, string Path, string Author, int PublishedDay, EquatableArray<PartSpec> Parts, EquatableArray<TermPostings> Terms);

/// <summary>
/// A searchable part: the title (block -1) or a block, with its words' character ranges (one per position,
/// words too long to index included) and its length in Lucene tokens (stop words not counted).
/// </summary>
internal sealed record PartSpec(int Block, EquatableArray<int> Starts, EquatableArray<int> Lengths, int LuceneLength);

/// <summary>
/// One term of one mode in one article: the article-local word numbers it occurs at (title words
/// first, then each block's), and for the default mode the kinds of candidate that produced it.
/// </summary>
internal sealed record TermPostings(IndexMode Mode, string Term, int Forms, EquatableArray<int> Tokens);
