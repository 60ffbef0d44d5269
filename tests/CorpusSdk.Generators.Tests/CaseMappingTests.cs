using CorpusSdk.Analysis;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// The analyzer's lower-casing skips the framework call for characters without case (so an Arabic query never loads
/// ICU); it must still map every character exactly as <c>char.ToLowerInvariant</c> does.
/// </summary>
public sealed class CaseMappingTests
{
    [Fact]
    public void Lower_casing_equals_the_framework_for_every_char()
    {
        var differences = new List<string>();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            char expected = char.ToLowerInvariant((char)c);
            char actual = ArabicNormalizer.ToLowerInvariant((char)c);
            if (expected != actual)
            {
                differences.Add($"U+{c:X4}: expected U+{(int)expected:X4}, got U+{(int)actual:X4}");
            }
        }

        Assert.Empty(differences);
    }

    [Theory]
    [InlineData('A', 'a')]
    [InlineData('Z', 'z')]
    [InlineData('Ä', 'ä')]
    [InlineData('Σ', 'σ')]
    [InlineData('ك', 'ك')]
    [InlineData('@', '@')]
    public void Maps_cased_letters_and_keeps_caseless_ones(char input, char expected) =>
        Assert.Equal(expected, ArabicNormalizer.ToLowerInvariant(input));
}
