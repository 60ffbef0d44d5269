namespace CorpusSdk;

/// <summary>
/// One occurrence of a query term or phrase: the article, the part (title or block) and the range of
/// characters in that part's original text (diacritics included).
/// </summary>
/// <param name="ArticleIndex">Index into <c>Corpus.Articles</c>.</param>
/// <param name="BlockIndex">Index into <see cref="Article.Blocks"/>, or -1 for the title.</param>
/// <param name="Start">Offset of the first matched character in the part's text.</param>
/// <param name="Length">Number of matched characters.</param>
public readonly record struct SearchHit(int ArticleIndex, int BlockIndex, int Start, int Length)
{
    /// <summary>True when the hit is in the article's title.</summary>
    public bool IsTitle => BlockIndex < 0;
}
