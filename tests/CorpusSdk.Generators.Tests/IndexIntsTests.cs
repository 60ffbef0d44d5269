using CsCheck;
using Writer = CorpusSdk.IndexInts;

namespace CorpusSdk.Generators.Tests;

/// <summary>The generator's writer and the runtime's reader of the index's integer sections agree on every width.</summary>
public sealed class IndexIntsTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(4095)]
    [InlineData(4096)]
    [InlineData(262_143)]
    [InlineData(262_144)]
    [InlineData(16_777_215)]
    [InlineData(16_777_216)]
    [InlineData((1 << 30) - 1)]
    public void Boundary_values_round_trip(int max)
    {
        int[] values = [0, 1, max / 2, max, 5 % (max + 1)];
        Assert.Equal(values, Read(Writer.Pack(values)));
    }

    [Fact]
    public void Random_arrays_round_trip()
    {
        Gen.Int[0, (1 << 30) - 1].Select(m => m).SelectMany(max => Gen.Int[0, max].Array[0, 200])
            .Sample(values => Assert.Equal(values, Read(Writer.Pack(values))), iter: 2_000);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(65_535)]
    [InlineData(65_536)]
    [InlineData(16_777_215)]
    [InlineData(16_777_216)]
    [InlineData((1 << 30) - 1)]
    public void Boundary_values_round_trip_in_the_raw_byte_layout(int max)
    {
        int[] values = [0, 1, max / 2, max, 5 % (max + 1)];
        byte[] packed = Writer.PackBytes(values);
        Assert.Equal(max < 256 ? 1 : max < 65_536 ? 2 : max < 16_777_216 ? 3 : 4, packed[0]);
        Assert.Equal(values, Read(packed));
    }

    [Fact]
    public void Random_arrays_round_trip_in_the_raw_byte_layout_in_fewer_bytes_than_digits()
    {
        Gen.Int[0, (1 << 30) - 1].SelectMany(max => Gen.Int[0, max].Array[0, 300])
            .Sample(values =>
            {
                byte[] packed = Writer.PackBytes(values);
                Assert.Equal(values, Read(packed));
                Assert.True(packed.Length <= Writer.Pack(values, allowBlocks: false).Length);
            }, iter: 2_000);
    }

    [Fact]
    public void Random_arrays_round_trip_in_the_block_layout()
    {
        // Any values, including descending runs and block-sized edges, not only the ascending runs the layout favours.
        Gen.Int[0, (1 << 30) - 1].SelectMany(max => Gen.Int[0, max].Array[0, 700])
            .Sample(values => Assert.Equal(values, Read(Writer.PackBlocks(values))), iter: 1_000);
    }

    [Fact]
    public void Random_ascending_runs_round_trip_and_never_grow()
    {
        // Postings-like data: ascending runs that restart, as the postings of consecutive terms do.
        Gen.Int[1, 5_000].SelectMany(gap => Gen.Int[0, gap].Array[256, 3_000].Select(gaps => (gap, gaps)))
            .Sample(t =>
            {
                int[] values = new int[t.gaps.Length];
                int sum = 0;
                for (int i = 0; i < values.Length; i++)
                {
                    sum = i % 500 == 0 ? t.gaps[i] : sum + t.gaps[i];
                    values[i] = sum;
                }

                string packed = Writer.Pack(values);
                Assert.Equal(values, Read(packed));
                Assert.True(packed.Length <= Writer.PackFixed(values, 5).Length - ((values.Length * 5) - (values.Length * Width(values.Max()))));
            }, iter: 300);
    }

    [Fact]
    public void Block_layout_is_smaller_for_ascending_values()
    {
        int[] positions = Enumerable.Range(0, 10_000).Select(i => (i * 37) + (i % 7)).ToArray();
        string blocked = Writer.Pack(positions);
        Assert.Equal(Writer.BlocksMarker, blocked[0]);
        Assert.True(blocked.Length * 4 < Writer.PackFixed(positions, 4).Length, blocked.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var reader = new IndexInts(System.Text.Encoding.ASCII.GetBytes(blocked));
        Assert.Equal(4_321, reader.LowerBound(0, reader.Count, positions[4_321]));
        Assert.Equal(9_999, reader.Gallop(100, reader.Count, positions[9_999]));
        Assert.Equal(10_000, reader.Gallop(100, reader.Count, int.MaxValue));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(300)]
    public void Block_layout_holds_boundary_values_at_any_count(int count)
    {
        int[] values = Enumerable.Range(0, count).Select(i => i % 3 == 0 ? (1 << 30) - 1 : i % 3 == 1 ? 0 : i).ToArray();
        Assert.Equal(values, Read(Writer.PackBlocks(values)));
    }

    [Fact]
    public void Values_out_of_range_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Writer.Pack([-1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Writer.Pack([1 << 30]));
    }

    [Fact]
    public void Only_the_backslash_needs_escaping()
    {
        string packed = Writer.Pack(Enumerable.Range(0, 64).ToArray());
        Assert.All(packed, c => Assert.InRange(c, '1', '~'));
        Assert.DoesNotContain('"', packed);
        Assert.Contains('\\', packed);
    }

    [Fact]
    public void Malformed_sections_are_refused_with_a_clear_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new IndexInts("9????????"u8));
        Assert.Contains("malformed", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => new IndexInts("2?????????"u8));
        Assert.Throws<InvalidOperationException>(() => new IndexInts("M??@??"u8)); // 64 values promised, no table
        Assert.Throws<InvalidOperationException>(() => new IndexInts("M !???????????"u8)); // a count digit out of the alphabet
    }

    private static int Width(int max)
    {
        int width = 1;
        while ((max >> (6 * width)) != 0)
        {
            width++;
        }

        return width;
    }

    [Fact]
    public void Marks_and_marked_counts_of_a_range_are_its_values_in_every_layout()
    {
        Gen.Int[0, 3_000].Array[0, 300].SelectMany(values => Gen.Int[0, values.Length].SelectMany(start => Gen.Int[start, values.Length].Select(end => (values, start, end))))
            .Sample(c =>
            {
                byte[][] layouts = [Writer.PackBytes(c.values), System.Text.Encoding.ASCII.GetBytes(Writer.Pack(c.values, allowBlocks: false)), System.Text.Encoding.ASCII.GetBytes(Writer.Pack(c.values))];
                const int origin = 7;
                foreach (byte[] layout in layouts)
                {
                    var reader = new IndexInts(layout);
                    var marks = new byte[3_001 + origin];
                    reader.Mark(c.start, c.end, marks, -origin);
                    var expected = new byte[marks.Length];
                    foreach (int value in c.values.AsSpan(c.start, c.end - c.start))
                    {
                        expected[value + origin] = 1;
                    }

                    Assert.Equal(expected, marks);

                    // Every value of the whole section counted against the range's marks.
                    int want = c.values.Count(v => expected[v + origin] != 0);
                    Assert.Equal(want, reader.CountMarked(0, c.values.Length, marks, -origin));
                }
            }, iter: 1_000);
    }

    [Fact]
    public void Bits_of_a_range_are_the_values_in_it_in_every_layout()
    {
        Gen.Int[0, 5_000].Array[0, 400].Select(v => v.Distinct().Order().ToArray())
            .SelectMany(values => Gen.Int[0, values.Length].SelectMany(start => Gen.Int[start, values.Length].Select(end => (values, start, end))))
            .Sample(c =>
            {
                byte[][] layouts = [Writer.PackBytes(c.values), System.Text.Encoding.ASCII.GetBytes(Writer.Pack(c.values, allowBlocks: false)), System.Text.Encoding.ASCII.GetBytes(Writer.Pack(c.values))];
                foreach (byte[] layout in layouts)
                {
                    var set = new ulong[(5_000 / 64) + 1];
                    set[0] = 1UL << 63; // bits already set stay set
                    new IndexInts(layout).OrBits(c.start, c.end, set);
                    var expected = new ulong[set.Length];
                    expected[0] = 1UL << 63;
                    foreach (int value in c.values.AsSpan(c.start, c.end - c.start))
                    {
                        expected[value >> 6] |= 1UL << value;
                    }

                    Assert.Equal(expected, set);
                }
            }, iter: 1_000);
    }

    [Fact]
    public void A_range_outside_the_section_is_refused()
    {
        byte[] packed = Writer.PackBytes([1, 2, 3]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new IndexInts(packed).OrBits(0, 4, new ulong[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IndexInts(packed).OrBits(-1, 2, new ulong[1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IndexInts(packed).Mark(0, 4, new byte[8], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new IndexInts(packed).CountMarked(2, 5, new byte[8], 0));

        // A value outside the marks is refused, not written past them.
        Assert.Throws<IndexOutOfRangeException>(() => new IndexInts(packed).Mark(0, 3, new byte[3], 0));
    }

    private static int[] Read(string packed) => Read(System.Text.Encoding.ASCII.GetBytes(packed));

    private static int[] Read(byte[] bytes)
    {
        var reader = new IndexInts(bytes);
        var values = new int[reader.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = reader[i];
        }

        return values;
    }
}
