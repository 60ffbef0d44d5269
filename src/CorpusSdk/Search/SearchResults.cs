using System;

namespace CorpusSdk;

/// <summary>
/// The hits of a query, evaluated when enumerated (<c>foreach</c>) or counted. A ref struct: it holds
/// the query span. Enumeration allocates nothing once the shared array pool is warm; dispose the
/// enumerator (as <c>foreach</c> does) to return its buffer.
/// </summary>
public readonly ref struct SearchResults
{
    private readonly CorpusSearch _engine;
    private readonly ReadOnlySpan<char> _query;
    private readonly SearchOptions _options;

    internal SearchResults(CorpusSearch engine, ReadOnlySpan<char> query, SearchOptions options)
    {
        _engine = engine;
        _query = query;
        _options = options;
    }

    /// <summary>Counts the hits without enumerating them.</summary>
    public int Count() => _engine.Count(_query, _options);

    /// <summary>Evaluates the query and returns an enumerator over its hits.</summary>
    public Enumerator GetEnumerator() => new(_engine, _query, _options);

    /// <summary>Enumerates hits in corpus order.</summary>
    public ref struct Enumerator
    {
        private readonly CorpusSearch _engine;
        private PooledList _hits;
        private int _index;
        private int _part;
        private SearchHit _current;

        internal Enumerator(CorpusSearch engine, ReadOnlySpan<char> query, SearchOptions options)
        {
            _engine = engine;
            _hits = default;
            _index = -1;
            _part = 0;
            _current = default;
            engine.Evaluate(query, options.Mode, ref _hits);
        }

        /// <summary>The current hit.</summary>
        public readonly SearchHit Current => _current;

        /// <summary>Advances to the next hit.</summary>
        /// <returns>False after the last hit.</returns>
        public bool MoveNext()
        {
            if (++_index >= _hits.Count)
            {
                return false;
            }

            _current = _engine.ToHit(_hits[_index], ref _part);
            return true;
        }

        /// <summary>Returns the pooled buffer.</summary>
        public void Dispose() => _hits.Dispose();
    }
}
