using System;
using System.Collections;
using System.Collections.Generic;

namespace CorpusSdk;

/// <summary>
/// A read-only list over compiled corpus data (blocks, quotations, links). <c>foreach</c> uses a
/// struct enumerator and does not allocate; the <see cref="IEnumerable{T}"/> interface (LINQ) does.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public readonly struct CorpusList<T> : IReadOnlyList<T>
{
    private readonly T[]? _items;
    private readonly int[]? _selection;

    internal CorpusList(T[] items, int[]? selection = null)
    {
        _items = items;
        _selection = selection;
    }

    /// <summary>Number of items.</summary>
    public int Count => _selection?.Length ?? _items?.Length ?? 0;

    /// <summary>The item at a position.</summary>
    /// <param name="index">Zero-based position in this list.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is outside the list.</exception>
    public T this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(index), $"Index {index} is outside a list of {Count} items.");
            }

            return _selection is null ? _items![index] : _items![_selection[index]];
        }
    }

    /// <summary>Returns a struct enumerator (no allocation in <c>foreach</c>).</summary>
    public Enumerator GetEnumerator() => new(this);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => new BoxedEnumerator(this);

    IEnumerator IEnumerable.GetEnumerator() => new BoxedEnumerator(this);

    /// <summary>Enumerates a <see cref="CorpusList{T}"/> without allocating.</summary>
    public struct Enumerator
    {
        private readonly CorpusList<T> _list;
        private int _index;

        internal Enumerator(CorpusList<T> list)
        {
            _list = list;
            _index = -1;
        }

        /// <summary>The current item.</summary>
        public readonly T Current => _list._selection is null ? _list._items![_index] : _list._items![_list._selection[_index]];

        /// <summary>Advances to the next item.</summary>
        /// <returns>False after the last item.</returns>
        public bool MoveNext() => ++_index < _list.Count;
    }

    private sealed class BoxedEnumerator : IEnumerator<T>
    {
        private Enumerator _inner;

        public BoxedEnumerator(CorpusList<T> list) => _inner = new Enumerator(list);

        public T Current => _inner.Current;

        object? IEnumerator.Current => Current;

        public bool MoveNext() => _inner.MoveNext();

        public void Reset() => throw new NotSupportedException();

        public void Dispose()
        {
        }
    }
}
