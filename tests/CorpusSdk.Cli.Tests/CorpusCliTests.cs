using System;
using System.Globalization;
using System.Linq;
using CorpusSdk.Seeds;
using Xunit;

namespace CorpusSdk.Cli.Tests;

public class CorpusCliTests
{
    private const string Id = "000_8fbc388ac0ad8ee7";
    private const string Author = "مناف قومان";
    private const string Title = "تسريبات كيري: عليكم أن تقاتلوا من أجلنا لكننا لن نقاتل معكم";
    private const string ListLine = Id + "\t2016-10-01\t" + Author + "\t" + Title;

    [Fact]
    public void ListPrintsOneTabSeparatedLinePerArticle()
    {
        CliRun run = CliRun.Of(["list"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Equal(ListLine + "\n", run.Stdout);
        Assert.Equal(Corpus.Articles.Count, run.StdoutLines.Length);
    }

    [Fact]
    public void ListDateIsGregorianIsoUnderArabicSaudiCulture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo savedUi = CultureInfo.CurrentUICulture;
        try
        {
            var arSa = new CultureInfo("ar-SA");
            CultureInfo.CurrentCulture = arSa;
            CultureInfo.CurrentUICulture = arSa;

            // The test only means something if this culture really formats dates differently.
            Assert.IsType<UmAlQuraCalendar>(arSa.DateTimeFormat.Calendar);
            Assert.NotEqual("2016-10-01", new DateOnly(2016, 10, 1).ToString("yyyy-MM-dd", arSa));

            CliRun run = CliRun.Of(["list"]);

            Assert.Equal(0, run.ExitCode);
            Assert.Equal(ListLine + "\n", run.Stdout);
            Assert.Equal("2016-10-01", run.StdoutLines[0].Split('\t')[1]);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
            CultureInfo.CurrentUICulture = savedUi;
        }
    }

    [Fact]
    public void ShowPrintsHeaderAndEveryBlockWithItsKindIndexAndLine()
    {
        CliRun run = CliRun.Of(["show", Id]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        string[] lines = run.StdoutLines;
        Assert.Equal([Title, Author, "2016-10-01", string.Empty, "[paragraph] block 0 (line 9)"], lines[..5]);

        string[] markers = lines.Where(line => line.StartsWith('[')).ToArray();
        Assert.Equal(18, markers.Length);
        Assert.Equal(13, markers.Count(line => line.StartsWith("[paragraph] block ", StringComparison.Ordinal)));
        Assert.Equal(2, markers.Count(line => line.StartsWith("[heading] block ", StringComparison.Ordinal)));
        Assert.Equal(3, markers.Count(line => line.StartsWith("[pull quote] block ", StringComparison.Ordinal)));
        Assert.Contains("[heading] block 4 (line 19)", lines);
        Assert.Equal("خيبة أمل كيري", lines[Array.IndexOf(lines, "[heading] block 4 (line 19)") + 1]);
    }

    [Fact]
    public void ShowNumbersBlocksAsBlockIndexFromZeroWithTheirSeedLine()
    {
        string[] markers = CliRun.Of(["show", Id]).StdoutLines.Where(line => line.StartsWith('[')).ToArray();
        Assert.True(Corpus.Articles.TryGet(Id, out Article? article));

        // The same N as Block.Index (and as 'search' prints it), the same L as Block.Line.
        Assert.Equal(article.Blocks.Count, markers.Length);
        for (int i = 0; i < markers.Length; i++)
        {
            Block block = article.Blocks[i];
            Assert.EndsWith(
                "] block " + block.Index.ToString(CultureInfo.InvariantCulture) + " (line " + block.Line.ToString(CultureInfo.InvariantCulture) + ")",
                markers[i],
                StringComparison.Ordinal);
        }

        Assert.Equal(Enumerable.Range(0, markers.Length), markers.Select(m => int.Parse(m.Split(' ')[^3], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void ShowListsLinksAndQuotationsUnderTheirBlock()
    {
        string[] lines = CliRun.Of(["show", Id]).StdoutLines;

        // First block: its text, then its one link.
        int first = Array.IndexOf(lines, "[paragraph] block 0 (line 9)");
        Assert.StartsWith("سربت صحيفة نيويورك تايمز", lines[first + 1], StringComparison.Ordinal);
        Assert.Equal("  link: نيويورك تايمز -> #", lines[first + 2]);

        int block = Array.IndexOf(lines, "[paragraph] block 10 (line 33)");
        Assert.Equal("  quote: «محادثات»", lines[block + 2]);
        Assert.Equal(3, lines.Count(line => line.StartsWith("  link: ", StringComparison.Ordinal)));
        Assert.Equal(8, lines.Count(line => line.StartsWith("  quote: «", StringComparison.Ordinal)));
    }

    [Fact]
    public void ShowUnknownIdFailsWithMessageOnStderr()
    {
        CliRun run = CliRun.Of(["show", "nope"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Equal("corpus: no article with id 'nope'. Run 'corpus list' to see the ids.\n", run.Stderr);
    }

    [Fact]
    public void ShowEscapesControlCharactersOfAnUnknownId()
    {
        CliRun run = CliRun.Of(["show", "a\u001b[2Jb"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'a\\u001b[2Jb'", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("search x --mode fuzzy", "fuzzy", "'default'", "'exact'", "'normalized'", "'lucene'")]
    [InlineData("export --format xml", "xml", "'json'", "'jsonl'", "'elasticsearch'")]
    public void AWrongChoiceListsTheAllowedValuesOnePerLineWithoutEscapes(string commandLine, string bad, params string[] allowed)
    {
        CliRun run = CliRun.Of(commandLine.Split(' '));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        // System.CommandLine's layout (a line break, then a tab before each value) is shown as lines, not as \u000a\u0009.
        Assert.DoesNotContain("\\u00", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\t', run.Stderr);
        string[] lines = run.Stderr.TrimEnd('\n').Split('\n');
        Assert.StartsWith("corpus: ", lines[0], StringComparison.Ordinal);
        Assert.Contains("'" + bad + "'", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("Must be one of:", lines[0], StringComparison.Ordinal);
        Assert.Equal(allowed.Select(value => "  " + value), lines[1..^1]);
        Assert.Equal("Run 'corpus --help' for usage.", lines[^1]);
    }

    [Fact]
    public void ControlCharactersOfAWrongChoiceAreStillEscaped()
    {
        CliRun run = CliRun.Of(["export", "--format", "a\u001b[2J\tb"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'a\\u001b[2J\\u0009b'", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', run.Stderr);
    }

    [Theory]
    [InlineData("")]
    [InlineData("frobnicate")]
    [InlineData("show")]
    [InlineData("show " + Id + " extra")]
    [InlineData("list extra")]
    [InlineData("list --no-such-option")]
    public void BadUsageExitsWithTwoAndWritesOnlyToStderr(string commandLine)
    {
        CliRun run = CliRun.Of(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.StartsWith("corpus: ", run.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("Run 'corpus --help' for usage.\n", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCommandIsNamedInTheError()
    {
        CliRun run = CliRun.Of(["frobnicate"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'frobnicate'", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public void HelpListsTheCommands(string option)
    {
        CliRun run = CliRun.Of([option]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        Assert.Contains("corpus [command] [options]", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  list ", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("  show <id> ", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ShowHelpDescribesTheArgument()
    {
        CliRun run = CliRun.Of(["show", "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("corpus show <id>", run.Stdout, StringComparison.Ordinal);
    }
}
