using System;
using System.ComponentModel;
using System.Globalization;
using System.Threading;

namespace CorpusSdk;

/// <summary>
/// A compiled corpus as a value: its articles, content hash, format version and search engine. The generated class
/// exposes its corpus as one (<c>Corpus.Instance</c>), so code that does not know the generated type can take any
/// corpus, and <see cref="MultiCorpusSearch"/> can search several as one index.
/// </summary>
public sealed class CompiledCorpus
{
    private readonly CorpusIndexData _index;
    private CorpusSearch? _search;

    /// <summary>Wraps a compiled corpus. Called by generated code.</summary>
    /// <param name="index">The compiled index (it also gives the articles).</param>
    /// <param name="contentHash">The corpus's content hash (the generated <c>Corpus.ContentHash</c>).</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public CompiledCorpus(CorpusIndexData index, string contentHash)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(contentHash);
        _index = index;
        ContentHash = contentHash;
    }

    /// <summary>All articles, ordered by <see cref="Article.Id"/> (ordinal); the first use builds them all.</summary>
    public ArticleCollection Articles => _index.Articles;

    /// <summary>
    /// SHA-256 (lower-case hex) over the seeds in ID order: the corpus's identity, which changes exactly when some
    /// seed's content or name does.
    /// </summary>
    public string ContentHash { get; }

    /// <summary>
    /// The version of the compiled data's format, as the generator that compiled the corpus wrote it (this runtime reads
    /// <see cref="CorpusSdkInfo.CorpusFormatVersion"/>; <see cref="SearchEngine"/> throws <see cref="CorpusFormatException"/> on another).
    /// </summary>
    public int FormatVersion => _index.FormatVersion;

    /// <summary>The search engine over this corpus, made on first use (its index was built at compile time).</summary>
    public CorpusSearch SearchEngine
    {
        get
        {
            CorpusSearch? search = Volatile.Read(ref _search);
            if (search is null)
            {
                Interlocked.CompareExchange(ref _search, new CorpusSearch(_index), null);
                search = _search;
            }

            return search;
        }
    }

    /// <summary>The article count and content hash, e.g. <c>1 article, c8b67347…</c>.</summary>
    public override string ToString() =>
        _index.ArticleCount.ToString(CultureInfo.InvariantCulture) + (_index.ArticleCount == 1 ? " article, " : " articles, ") + ContentHash;
}
