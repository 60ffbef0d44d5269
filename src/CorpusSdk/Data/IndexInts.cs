using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace CorpusSdk;

/// <summary>
/// The integer codec of the compiled corpus: one source, compiled into the runtime (reader) and the generator
/// (writer, <see cref="Pack"/>), so both sides agree on every byte. A section is ASCII that a <c>"…"u8</c> literal
/// holds with at most one escape (<c>\</c>): 6-bit digits, each digit d written as the byte 0x3F + d ('?' to '~').
/// Two layouts, chosen per section by <see cref="Pack"/>:
/// <list type="bullet">
/// <item><b>Fixed</b>: a width byte '1' to '5', then every value in that many digits, least significant first.
/// A value costs one unaligned 8-byte load, a subtraction and a bit extraction (shifts and masks).</item>
/// <item><b>Blocks</b> (Lucene's monotonic block packing, for large sections): 'M', the count in 5 digits, a table of
/// one 18-digit record per block of 64 values (base: 5 digits; slope × 2^16: 6; bit width: 1; bit offset of the
/// block's data: 6), then the data as a bit stream (bit k is bit k mod 6 of digit k / 6): value j of a block is
/// base + (slope × j) / 2^16 + its w-bit deviation. Ascending runs cost a few bits a value, not their magnitude;
/// a value still costs a fixed number of loads (random access, binary search and galloping stay).</item>
/// </list>
/// Both end with eight '?' of padding, so the reader may load eight bytes anywhere.
/// A third layout, <b>raw bytes</b>, is for sections outside <c>"…"u8</c> literals (the embedded index file, format 4 on):
/// a width byte 1 to 4, then every value in that many bytes, little-endian, then eight zero bytes of padding
/// (<see cref="PackBytes"/>). It reads in one load and one mask, in 75–80 % of the bytes of the fixed layout.
/// </summary>
internal readonly ref struct IndexInts
{
    /// <summary>Values are in [0, 2^30).</summary>
    public const int MaxValueBits = 30;

    /// <summary>Values per block of the block layout.</summary>
    public const int BlockSize = 64;

    /// <summary>Padding bytes at the end of every section.</summary>
    public const int Padding = 8;

    /// <summary>The byte of digit 0.</summary>
    public const char Zero = '?';

    /// <summary>The marker of the block layout.</summary>
    public const char BlocksMarker = 'M';

    /// <summary>Sections smaller than this many values stay fixed (their table would cost more than it saves).</summary>
    public const int MinBlockedCount = 256;

    private const int RecordDigits = 18;
    private const int HeaderDigits = 6; // marker + count
    private const ulong Zeros = 0x3F3F3F3F3F3F3F3FUL;
    private const ulong DigitMask = 0x3F3F3F3F3F3F3F3FUL;

    private readonly ReadOnlySpan<byte> _data;
    private readonly int _width; // fixed layout: digits per value; 0: block layout
    private readonly int _dataStart; // block layout: first byte of the bit stream
    private readonly ulong _mask;
    private readonly ulong _zeros; // fixed layout: the digit bias of each byte (0 in the raw-byte layout)

    /// <summary>A reader over one section.</summary>
    /// <param name="data">The section's bytes, as <see cref="Pack"/> wrote them.</param>
    /// <exception cref="InvalidOperationException">The bytes are not a section of this codec.</exception>
    public IndexInts(ReadOnlySpan<byte> data)
    {
        _data = data;
        _width = 0;
        _dataStart = 0;
        _mask = 0;
        if (data.IsEmpty)
        {
            Count = 0;
            _width = 1;
            return;
        }

        if (data[0] == BlocksMarker)
        {
            int count = data.Length >= HeaderDigits + Padding ? (int)Digits(data, 1, 5) : -1;
            int blocks = (count + BlockSize - 1) / BlockSize;
            _dataStart = HeaderDigits + (blocks * RecordDigits);
            if (count < 0 || data.Length < _dataStart + Padding)
            {
                throw Malformed();
            }

            Count = count;
            return;
        }

        if (data[0] is >= 1 and <= 4)
        {
            // Raw bytes: a value is its little-endian bytes.
            _width = data[0];
            _zeros = 0;
            _mask = ulong.MaxValue >> (8 * (8 - _width));
        }
        else
        {
            _width = data[0] - '0';
            _zeros = Zeros;
            _mask = DigitMask >> (8 * (8 - _width));
        }

        if ((uint)(_width - 1) >= 5 || data.Length < 1 + Padding || (data.Length - 1 - Padding) % _width != 0)
        {
            throw Malformed();
        }

        Count = (data.Length - 1 - Padding) / _width;
    }

    /// <summary>The number of values.</summary>
    public int Count { get; }

    /// <summary>Value <paramref name="index"/>.</summary>
    public int this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            if ((uint)index >= (uint)Count)
            {
                ThrowIndex(index);
            }

            if (_width != 0)
            {
                ulong bytes = LoadRaw(_data, 1 + (index * _width)) - _zeros;
                return (int)(_zeros == 0 ? bytes & _mask : Extract(bytes, _mask));
            }

            return BlockValue(index);
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

    /// <summary>
    /// Sets bit v of <paramref name="set"/> for every value v in [<paramref name="start"/>, <paramref name="end"/>) (values
    /// ascending there, each below 64 × set length): a word of the set is written once for all its bits, not read and
    /// written per bit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the section.</exception>
    public void OrBits(int start, int end, Span<ulong> set)
    {
        CheckRange(start, end);
        var bits = new BitsetWriter(set);
        bool raw = _width != 0 && _zeros == 0;
        int width = _width;
        ulong mask = _mask;
        ref byte data = ref Unsafe.Add(ref MemoryMarshal.GetReference(_data), 1);
        for (int i = start; i < end; i++)
        {
            bits.Add(raw ? RawValue(ref data, i, width, mask) : this[i]);
        }

        bits.Flush();
    }

    /// <summary>
    /// Sets marks[v − <paramref name="origin"/>] to 1 for every value v in [<paramref name="start"/>, <paramref name="end"/>)
    /// (a word's positions marked in an article's byte map), read in the codec's own loop.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the section, or a value outside the marks.</exception>
    public void Mark(int start, int end, Span<byte> marks, int origin)
    {
        CheckRange(start, end);
        if (_width == 0 || _zeros != 0)
        {
            for (int i = start; i < end; i++)
            {
                marks[this[i] - origin] = 1;
            }

            return;
        }

        int width = _width;
        ulong mask = _mask;
        ref byte data = ref Unsafe.Add(ref MemoryMarshal.GetReference(_data), 1);
        for (int i = start; i < end; i++)
        {
            marks[RawValue(ref data, i, width, mask) - origin] = 1;
        }
    }

    /// <summary>How many values v in [<paramref name="start"/>, <paramref name="end"/>) have marks[v − <paramref name="origin"/>] set.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is outside the section, or a value outside the marks.</exception>
    public int CountMarked(int start, int end, ReadOnlySpan<byte> marks, int origin)
    {
        CheckRange(start, end);
        int count = 0;
        if (_width == 0 || _zeros != 0)
        {
            for (int i = start; i < end; i++)
            {
                count += marks[this[i] - origin];
            }

            return count;
        }

        int width = _width;
        ulong mask = _mask;
        ref byte data = ref Unsafe.Add(ref MemoryMarshal.GetReference(_data), 1);
        for (int i = start; i < end; i++)
        {
            count += marks[RawValue(ref data, i, width, mask) - origin];
        }

        return count;
    }

    /// <summary>Value <paramref name="index"/> of the raw-byte layout (the 8 bytes of padding keep the load inside the section).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int RawValue(ref byte data, int index, int width, ulong mask)
    {
        ulong load = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref data, index * width));
        return (int)((BitConverter.IsLittleEndian ? load : BinaryPrimitives.ReverseEndianness(load)) & mask);
    }

    private readonly void CheckRange(int start, int end)
    {
        if ((uint)start > (uint)Count || (uint)end > (uint)Count)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Values {start} to {end} are outside a section of {Count}.");
        }
    }

    /// <summary>
    /// Writes <paramref name="values"/> as a section: the block layout when the section is large and it saves at least
    /// a quarter of the bytes, the fixed layout otherwise.
    /// </summary>
    /// <param name="values">The values, each in [0, 2^30).</param>
    /// <param name="allowBlocks">False: always the fixed layout (benchmarks compare the two).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside [0, 2^30).</exception>
    public static string Pack(IReadOnlyList<int> values, bool allowBlocks = true)
    {
        int max = CheckedMax(values);

        int width = 1;
        while (width < 5 && (max >> (6 * width)) != 0)
        {
            width++;
        }

        long fixedBytes = 1 + ((long)values.Count * width);
        if (allowBlocks && values.Count >= MinBlockedCount)
        {
            string blocked = PackBlocks(values);
            if (blocked.Length - Padding <= fixedBytes * 3 / 4)
            {
                return blocked;
            }
        }

        return PackFixed(values, width);
    }

    /// <summary>
    /// Writes <paramref name="values"/> in the raw-byte layout: for data that is not a <c>"…"u8</c> literal (the embedded index
    /// file), where any byte value is allowed.
    /// </summary>
    /// <param name="values">The values, each in [0, 2^30).</param>
    /// <exception cref="ArgumentOutOfRangeException">A value is outside [0, 2^30).</exception>
    public static byte[] PackBytes(IReadOnlyList<int> values)
    {
        int max = CheckedMax(values);

        int width = 1;
        while (width < 4 && (max >> (8 * width)) != 0)
        {
            width++;
        }

        var bytes = new byte[1 + (values.Count * width) + Padding];
        bytes[0] = (byte)width;
        int at = 1;
        foreach (int value in values)
        {
            for (int b = 0; b < width; b++)
            {
                bytes[at++] = (byte)(value >> (8 * b));
            }
        }

        return bytes;
    }

    /// <summary>The largest of <paramref name="values"/> (0 when empty); throws when one is outside [0, 2^30).</summary>
    private static int CheckedMax(IReadOnlyList<int> values)
    {
        int max = 0;
        foreach (int value in values)
        {
            if (value < 0 || value >= 1 << MaxValueBits)
            {
                throw new ArgumentOutOfRangeException(nameof(values), value, "Index values must be in [0, 2^30).");
            }

            max = value > max ? value : max;
        }

        return max;
    }

    /// <summary>Writes <paramref name="values"/> in the fixed layout (values already checked).</summary>
    internal static string PackFixed(IReadOnlyList<int> values, int width)
    {
        var builder = new StringBuilder(1 + (values.Count * width) + Padding);
        builder.Append((char)('0' + width));
        foreach (int value in values)
        {
            AppendDigits(builder, value, width);
        }

        builder.Append(Zero, Padding);
        return builder.ToString();
    }

    /// <summary>Writes <paramref name="values"/> in the block layout (values already checked).</summary>
    internal static string PackBlocks(IReadOnlyList<int> values)
    {
        int count = values.Count;
        int blocks = (count + BlockSize - 1) / BlockSize;
        var table = new StringBuilder(HeaderDigits + (blocks * RecordDigits));
        table.Append(BlocksMarker);
        AppendDigits(table, count, 5);
        var bits = new BitWriter();
        var deviations = new long[BlockSize];
        for (int block = 0; block < blocks; block++)
        {
            int first = block * BlockSize;
            int n = Math.Min(BlockSize, count - first);
            long slope = n > 1 && values[first + n - 1] > values[first]
                ? ((long)(values[first + n - 1] - values[first]) << 16) / (n - 1)
                : 0;
            slope = slope < 1L << 36 ? slope : 0; // six digits
            long min = long.MaxValue;
            for (int j = 0; j < n; j++)
            {
                min = Math.Min(min, values[first + j] - ((slope * j) >> 16));
            }

            if (min < 0)
            {
                // Not monotonic enough for a line from a non-negative base: frame of reference only.
                slope = 0;
                min = long.MaxValue;
                for (int j = 0; j < n; j++)
                {
                    min = Math.Min(min, values[first + j]);
                }
            }

            long maxDeviation = 0;
            for (int j = 0; j < n; j++)
            {
                deviations[j] = values[first + j] - ((slope * j) >> 16) - min;
                maxDeviation = Math.Max(maxDeviation, deviations[j]);
            }

            int w = 0;
            while (w < 32 && (maxDeviation >> w) != 0)
            {
                w++;
            }

            AppendDigits(table, min, 5);
            AppendDigits(table, slope, 6);
            AppendDigits(table, w, 1);
            AppendDigits(table, bits.Length, 6);
            for (int j = 0; j < n; j++)
            {
                bits.Write(deviations[j], w);
            }
        }

        bits.Flush();
        return table.Append(bits.Digits).Append(Zero, Padding).ToString();
    }

    private int BlockValue(int index)
    {
        int record = HeaderDigits + ((index / BlockSize) * RecordDigits);
        int j = index % BlockSize;
        ulong basePart = Extract(Load(_data, record), DigitMask >> 24); // 5 digits
        ulong slope = Extract(Load(_data, record + 5), DigitMask >> 16); // 6 digits
        ulong rest = Extract(Load(_data, record + 11), DigitMask >> 8); // width + offset: 7 digits
        int w = (int)(rest & 63);
        ulong bit = (rest >> 6) + (ulong)(j * w);
        ulong stream = Extract(Load(_data, _dataStart + (int)(bit / 6)), DigitMask);
        ulong deviation = (stream >> (int)(bit % 6)) & ((1UL << w) - 1);
        return (int)(basePart + ((slope * (ulong)j) >> 16) + deviation);
    }

    /// <summary>The value of <paramref name="digits"/> digits at <paramref name="offset"/> (constructor checks only).</summary>
    private static long Digits(ReadOnlySpan<byte> data, int offset, int digits)
    {
        long value = 0;
        for (int d = digits - 1; d >= 0; d--)
        {
            int digit = data[offset + d] - Zero;
            if ((uint)digit >= 64)
            {
                return -1;
            }

            value = (value << 6) | (uint)digit;
        }

        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Load(ReadOnlySpan<byte> data, int offset) => LoadRaw(data, offset) - Zeros;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong LoadRaw(ReadOnlySpan<byte> data, int offset)
    {
        ulong bytes = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref MemoryMarshal.GetReference(data), offset));
        if (!BitConverter.IsLittleEndian)
        {
            bytes = BinaryPrimitives.ReverseEndianness(bytes);
        }

        return bytes;
    }

    /// <summary>The 6-bit digits of <paramref name="bytes"/> under <paramref name="mask"/>, packed.</summary>
    /// <remarks>
    /// Shifts and masks, not BMI2's PEXT: a method that tests <c>Bmi2.IsSupported</c> has its ReadyToRun code rejected on
    /// every CPU with BMI2 (the precompiled code assumed the baseline), and the reader is inlined into the whole engine.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Extract(ulong bytes, ulong mask)
    {
        bytes &= mask;
        return (bytes & 0x3F) | ((bytes >> 2) & 0xFC0) | ((bytes >> 4) & 0x3F000) | ((bytes >> 6) & 0xFC0000)
            | ((bytes >> 8) & 0x3F000000) | ((bytes >> 10) & 0xFC0000000) | ((bytes >> 12) & 0x3F000000000) | ((bytes >> 14) & 0xFC0000000000);
    }

    private static void AppendDigits(StringBuilder builder, long value, int digits)
    {
        for (int digit = 0; digit < digits; digit++)
        {
            builder.Append((char)(Zero + ((value >> (6 * digit)) & 63)));
        }
    }

    private static InvalidOperationException Malformed() =>
        new("The compiled search index is malformed: an integer section has a bad layout or length.");

    private static void ThrowIndex(int index) => throw new ArgumentOutOfRangeException(nameof(index), index, "Outside the index section.");

    /// <summary>A bit stream written as 6-bit digits, least significant bit first.</summary>
    private sealed class BitWriter
    {
        private ulong _pending;
        private int _pendingBits;

        public StringBuilder Digits { get; } = new();

        /// <summary>Bits written so far.</summary>
        public long Length { get; private set; }

        public void Write(long value, int bits)
        {
            // bits ≤ 32 and fewer than 6 bits pending: fits in 64.
            _pending |= (ulong)value << _pendingBits;
            _pendingBits += bits;
            Length += bits;
            while (_pendingBits >= 6)
            {
                Digits.Append((char)(Zero + (int)(_pending & 63)));
                _pending >>= 6;
                _pendingBits -= 6;
            }
        }

        public void Flush()
        {
            if (_pendingBits > 0)
            {
                Digits.Append((char)(Zero + (int)(_pending & 63)));
                _pending = 0;
                _pendingBits = 0;
            }
        }
    }
}
