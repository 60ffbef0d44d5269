using System;
using System.Buffers;

namespace CorpusSdk;

/// <summary>A growable list of longs in arrays rented from the shared pool; no allocation once the pool is warm.</summary>
internal struct PooledList
{
    private long[]? _items;
    private int _count;

    public readonly int Count => _count;

    public readonly Span<long> Span => _items.AsSpan(0, _count);

    public readonly long this[int index] => _items![index];

    public void Add(long value)
    {
        if (_items is null || _count == _items.Length)
        {
            Grow();
        }

        _items![_count++] = value;
    }

    public void Truncate(int count) => _count = count;

    public void Dispose()
    {
        if (_items is not null)
        {
            ArrayPool<long>.Shared.Return(_items);
            _items = null;
        }

        _count = 0;
    }

    private void Grow()
    {
        long[] bigger = ArrayPool<long>.Shared.Rent(_items is null ? 64 : _items.Length * 2);
        if (_items is not null)
        {
            _items.AsSpan(0, _count).CopyTo(bigger);
            ArrayPool<long>.Shared.Return(_items);
        }

        _items = bigger;
    }
}
