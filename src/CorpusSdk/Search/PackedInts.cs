using System;

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
        get
        {
            ReadOnlySpan<byte> digits = _data.Slice(1 + (index * _width), _width);
            int value = 0;
            foreach (byte digit in digits)
            {
                value = (value << 6) | Digit(digit);
            }

            return value;
        }
    }

    private static int Digit(byte b) => b switch
    {
        (byte)'-' => 62,
        <= (byte)'9' => b - '0',
        <= (byte)'Z' => b - 'A' + 10,
        (byte)'_' => 63,
        _ => b - 'a' + 36,
    };
}
