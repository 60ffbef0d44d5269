using System;
using System.Runtime.CompilerServices;

namespace CorpusSdk;

/// <summary>Reads one value of a packed integer array in place (see <see cref="CorpusIndexData"/>).</summary>
internal readonly ref struct PackedInts
{
    private readonly ReadOnlySpan<byte> _data;
    private readonly int _width;

    public PackedInts(ReadOnlySpan<byte> data)
    {
        _data = data;
        _width = data.IsEmpty ? 1 : data[0] - '0';
    }

    public int Count => _data.Length <= 1 ? 0 : (_data.Length - 1) / _width;

    public int this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            ref byte first = ref Unsafe.Add(ref Unsafe.AsRef(in _data[1 + (index * _width)]), 0);
            ReadOnlySpan<byte> values = DigitValues;
            int value = 0;
            for (int i = 0; i < _width; i++)
            {
                value = (value << 6) | values[Unsafe.Add(ref first, i)];
            }

            return value;
        }
    }

    /// <summary>First index in [<paramref name="lo"/>, <paramref name="hi"/>) whose value is at least <paramref name="value"/> (values ascending there); <paramref name="hi"/> when none.</summary>
    public int LowerBound(int lo, int hi, int value)
    {
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) >> 1);
            if (this[mid] < value)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>
    /// Like <see cref="LowerBound"/> but gallops from <paramref name="lo"/> first: cheap when the answer is near,
    /// as it is for cursors that advance through ascending targets.
    /// </summary>
    public int Gallop(int lo, int hi, int value)
    {
        if (lo >= hi || this[lo] >= value)
        {
            return lo;
        }

        int step = 1;
        int low = lo;
        int probe = lo + 1;
        while (probe < hi && this[probe] < value)
        {
            low = probe;
            step <<= 1;
            probe = lo + step;
        }

        return LowerBound(low + 1, Math.Min(probe + 1, hi), value);
    }

    /// <summary>Base-64 digit values by ASCII code ("0-9A-Za-z-_"); static data, no allocation.</summary>
    private static ReadOnlySpan<byte> DigitValues =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 62, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 0, 0, 0, 0, 0,
        0, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 0, 0, 0, 0, 63,
        0, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];
}
