using CsCheck;
using Writer = CorpusSdk.Generators.Emit.IndexInts;

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
    }

    private static int[] Read(string packed)
    {
        byte[] bytes = System.Text.Encoding.ASCII.GetBytes(packed);
        var reader = new IndexInts(bytes);
        var values = new int[reader.Count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = reader[i];
        }

        return values;
    }
}
