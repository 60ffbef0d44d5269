using System.Collections.Generic;
using System.Text;

namespace CorpusSdk.Generators.Emit;

/// <summary>
/// Writes the integer sections of the search index (read by <c>CorpusSdk.IndexInts</c>): a width byte
/// ('1' to '5'), then each value in that many base-64 digits, least significant first, each digit d written as
/// the ASCII byte 0x3F + d ('?' to '~', so only '\' needs escaping in a literal), then eight '?' of padding so the
/// reader can load eight bytes at any value. Fixed width keeps random access (binary search, galloping); the
/// digit alphabet lets the reader decode a value with one load, one subtraction and one bit extraction.
/// </summary>
internal static class IndexInts
{
    public const int MaxWidth = 5;
    public const int Padding = 8;
    public const char Zero = '?';

    public static string Pack(IReadOnlyList<int> values)
    {
        int max = 0;
        foreach (int value in values)
        {
            if (value < 0 || value >= 1 << (6 * MaxWidth))
            {
                throw new System.ArgumentOutOfRangeException(nameof(values), value, "Index values must be in [0, 2^30).");
            }

            max = value > max ? value : max;
        }

        int width = 1;
        while (width < MaxWidth && (max >> (6 * width)) != 0)
        {
            width++;
        }

        var builder = new StringBuilder(1 + (values.Count * width) + Padding);
        builder.Append((char)('0' + width));
        foreach (int value in values)
        {
            for (int digit = 0; digit < width; digit++)
            {
                builder.Append((char)(Zero + ((value >> (6 * digit)) & 63)));
            }
        }

        builder.Append(Zero, Padding);
        return builder.ToString();
    }
}
