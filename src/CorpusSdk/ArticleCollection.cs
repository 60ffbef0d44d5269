using System;
using System.Collections;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;

namespace CorpusSdk;

/// <summary>
/// The articles of a compiled corpus, ordered by <see cref="Article.Id"/> (ordinal). <c>foreach</c>
/// uses a struct enumerator and lookups by ID do not allocate.
/// </summary>
public sealed class ArticleCollection : IReadOnlyList<Article>
{
    private readonly Article[] _articles;

    /// <summary>Creates the collection. Called by generated code.</summary>
    /// <param name="articles">The articles, sorted by ID with ordinal comparison, IDs unique.</param>
    /// <exception cref="ArgumentException">The articles are not sorted or an ID repeats.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public ArticleCollection(Article[] articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        for (int i = 1; i < articles.Length; i++)
        {
            if (string.CompareOrdinal(articles[i - 1].Id, articles[i].Id) >= 0)
            {
                throw new ArgumentException($"Articles must be sorted by ID with unique IDs: '{articles[i - 1].Id}' comes before '{articles[i].Id}'.", nameof(articles));
            }
        }

        _articles = articles;
    }

    /// <summary>Number of articles.</summary>
    public int Count => _articles.Length;

    /// <summary>The article at a position.</summary>
    /// <param name="index">Zero-based position.</param>
    public Article this[int index] => _articles[index];

    /// <summary>Finds an article by ID (ordinal, binary search, no allocation).</summary>
    /// <param name="id">The article ID (seed file name without extension).</param>
    /// <param name="article">The article, when found.</param>
    /// <returns>True when found.</returns>
    public bool TryGet(ReadOnlySpan<char> id, [NotNullWhen(true)] out Article? article)
    {
        int index = IndexOf(id);
        article = index >= 0 ? _articles[index] : null;
        return article is not null;
    }

    /// <summary>The position of the article with this ID, or -1.</summary>
    /// <param name="id">The article ID.</param>
    public int IndexOf(ReadOnlySpan<char> id)
    {
        int lo = 0;
        int hi = _articles.Length - 1;
        while (lo <= hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            int order = MemoryExtensions.CompareTo(_articles[mid].Id.AsSpan(), id, StringComparison.Ordinal);
            if (order == 0)
            {
                return mid;
            }

            if (order < 0)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return -1;
    }

    /// <summary>Returns a struct enumerator (no allocation in <c>foreach</c>).</summary>
    public CorpusList<Article>.Enumerator GetEnumerator() => new CorpusList<Article>(_articles).GetEnumerator();

    IEnumerator<Article> IEnumerable<Article>.GetEnumerator() => ((IEnumerable<Article>)new CorpusList<Article>(_articles)).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => ((IEnumerable)new CorpusList<Article>(_articles)).GetEnumerator();
}
