using System;

namespace CorpusSdk;

/// <summary>Reads one value of a packed integer array in place (the layout of <see cref="Article.FromUtf8"/>; the index uses <see cref="IndexInts"/>).</summary>
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
        get
        {
            ReadOnlySpan<byte> digits = _data.Slice(1 + (index * _width), _width);
            ReadOnlySpan<byte> values = DigitValues;
            int value = 0;
            foreach (byte digit in digits)
            {
                value = (value << 6) | values[digit];
            }

            return value;
        }
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
