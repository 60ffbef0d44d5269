using System.Collections.Generic;
using System.Text;

namespace CorpusSdk.Generators.Emit;

/// <summary>
/// Packs non-negative integers as fixed-width base-64 digits in an ASCII string (emitted as a
/// <c>"…"u8</c> literal): the first character is the width, then each value in that many digits,
/// most significant first. Cheap for the compiler, read in place at run time by
/// <c>CorpusSdk.PackedInts</c> without decoding the whole array.
/// </summary>
internal static class PackedInts
{
    public const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

    public static string Pack(IReadOnlyList<int> values)
    {
        int max = 0;
        foreach (int value in values)
        {
            if (value < 0)
            {
                throw new System.ArgumentOutOfRangeException(nameof(values), "Packed values must not be negative.");
            }

            max = value > max ? value : max;
        }

        int width = 1;
        while (width < 6 && (max >> (6 * width)) != 0)
        {
            width++;
        }

        var builder = new StringBuilder(1 + (values.Count * width));
        builder.Append((char)('0' + width));
        foreach (int value in values)
        {
            for (int digit = width - 1; digit >= 0; digit--)
            {
                builder.Append(Alphabet[(value >> (6 * digit)) & 63]);
            }
        }

        return builder.ToString();
    }
}
