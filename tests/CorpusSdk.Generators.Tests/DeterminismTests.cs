using System.Globalization;

namespace CorpusSdk.Generators.Tests;

/// <summary>The same seeds give byte-identical output whatever the file order, line endings, BOM or current culture.</summary>
public sealed class DeterminismTests
{
    private static readonly (string Name, string Text)[] Seeds =
    [
        ("000_8fbc388ac0ad8ee7.txt", TestFiles.RealSeed),
        ("english-byline.txt", TestFiles.ReadFixture("english-byline.txt")),
        ("arabic-indic-digits.txt", TestFiles.ReadFixture("arabic-indic-digits.txt")),
        ("links-and-quotes.txt", TestFiles.ReadFixture("links-and-quotes.txt")),
    ];

    private static string Output(IEnumerable<(string Name, string Text)> seeds)
    {
        GeneratorRun run = GeneratorHarness.Run(seeds.Select(s => GeneratorHarness.Seed("/repo/seeds/" + s.Name, s.Text)).ToArray());
        return string.Join("\n=====\n", run.Sources.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => s.Key + "\n" + s.Value));
    }

    private static readonly Lazy<string> Baseline = new(() => Output(Seeds));

    [Fact]
    public void File_order_does_not_matter()
    {
        Assert.Equal(Baseline.Value, Output(Seeds.Reverse()));
        Assert.Equal(Baseline.Value, Output([Seeds[2], Seeds[0], Seeds[3], Seeds[1]]));
    }

    [Theory]
    [InlineData("crlf")]
    [InlineData("cr")]
    [InlineData("mixed")]
    [InlineData("bom")]
    [InlineData("bom+crlf")]
    public void Line_endings_and_bom_do_not_matter(string variant)
    {
        string Transform(string text)
        {
            string lf = text.Replace("\r\n", "\n", StringComparison.Ordinal);
            string result = variant switch
            {
                "crlf" or "bom+crlf" => lf.Replace("\n", "\r\n", StringComparison.Ordinal),
                "cr" => lf.Replace("\n", "\r", StringComparison.Ordinal),
                "mixed" => Mixed(lf.Split('\n')),
                _ => lf,
            };
            return variant.StartsWith("bom", StringComparison.Ordinal) ? "\uFEFF" + result : result;
        }

        Assert.Equal(Baseline.Value, Output(Seeds.Select(s => (s.Name, Transform(s.Text)))));
    }

    /// <summary>Joins lines with CRLF, LF and CR in turn.</summary>
    private static string Mixed(string[] lines)
    {
        var builder = new System.Text.StringBuilder();
        for (int i = 0; i < lines.Length; i++)
        {
            builder.Append(lines[i]);
            if (i < lines.Length - 1)
            {
                builder.Append((i % 3) switch { 0 => "\r\n", 1 => "\n", _ => "\r" });
            }
        }

        return builder.ToString();
    }

    [Theory]
    [InlineData("ar-SA")]
    [InlineData("tr-TR")]
    [InlineData("fi-FI")]
    [InlineData("")]
    public void Current_culture_does_not_matter(string culture)
    {
        string baseline = Baseline.Value;
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo savedUi = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            if (culture == "ar-SA")
            {
                // Sanity: this culture really formats dates in another calendar.
                Assert.NotEqual("2016", new DateTime(2016, 10, 1).ToString("yyyy", CultureInfo.CurrentCulture));
            }

            Assert.Equal(baseline, Output(Seeds));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }
}
