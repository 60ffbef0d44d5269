using System;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace CorpusSdk;

/// <summary>
/// Reads one value of an integer section of the search index in place (layout: the generator's
/// <c>IndexInts</c>: a width byte, fixed-width little-endian base-64 digits written as 0x3F + digit, eight bytes of
/// padding). A value costs one unaligned 8-byte load, a subtraction and a bit extraction (PEXT where the CPU has it).
/// </summary>
internal readonly ref struct IndexInts
{
    private const ulong Zeros = 0x3F3F3F3F3F3F3F3FUL;
    private const int Padding = 8;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _width;
    private readonly ulong _mask;
    private readonly int _valueMask;

    public IndexInts(ReadOnlySpan<byte> data)
    {
        _data = data;
        _width = data.IsEmpty ? 1 : data[0] - '0';
        if ((uint)(_width - 1) >= 5 || (data.Length != 0 && (data.Length - 1 - Padding) % _width != 0))
        {
            throw new InvalidOperationException("The compiled search index is malformed: an integer section has a bad width or length.");
        }

        _mask = 0x3F3F3F3F3F3F3F3FUL >> (8 * (8 - _width));
        _valueMask = (int)((1L << (6 * _width)) - 1);
        Count = data.Length <= Padding ? 0 : (data.Length - 1 - Padding) / _width;
    }

    public int Count { get; }

    public int this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)index >= (uint)Count)
            {
                ThrowIndex(index);
            }

            ulong bytes = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(_data), 1 + (index * _width)));
            if (!BitConverter.IsLittleEndian)
            {
                bytes = BinaryPrimitives.ReverseEndianness(bytes);
            }

            bytes -= Zeros;
            if (Bmi2.X64.IsSupported)
            {
                return (int)Bmi2.X64.ParallelBitExtract(bytes, _mask);
            }

            ulong value = (bytes & 0x3F) | ((bytes >> 2) & 0xFC0) | ((bytes >> 4) & 0x3F000) | ((bytes >> 6) & 0xFC0000) | ((bytes >> 8) & 0x3F000000);
            return (int)value & _valueMask;
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

    private static void ThrowIndex(int index) => throw new ArgumentOutOfRangeException(nameof(index), index, "Outside the index section.");
}
