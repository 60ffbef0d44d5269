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
    public void ShowPrintsHeaderAndEveryBlockWithItsKindAndLine()
    {
        CliRun run = CliRun.Of(["show", Id]);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        string[] lines = run.StdoutLines;
        Assert.Equal([Title, Author, "2016-10-01", string.Empty, "[paragraph] line 9"], lines[..5]);

        string[] markers = lines.Where(line => line.StartsWith('[')).ToArray();
        Assert.Equal(18, markers.Length);
        Assert.Equal(13, markers.Count(line => line.StartsWith("[paragraph] line ", StringComparison.Ordinal)));
        Assert.Equal(2, markers.Count(line => line.StartsWith("[heading] line ", StringComparison.Ordinal)));
        Assert.Equal(3, markers.Count(line => line.StartsWith("[pull quote] line ", StringComparison.Ordinal)));
        Assert.Contains("[heading] line 19", lines);
        Assert.Equal("خيبة أمل كيري", lines[Array.IndexOf(lines, "[heading] line 19") + 1]);
    }

    [Fact]
    public void ShowListsLinksAndQuotationsUnderTheirBlock()
    {
        string[] lines = CliRun.Of(["show", Id]).StdoutLines;

        // First block: its text, then its one link.
        int first = Array.IndexOf(lines, "[paragraph] line 9");
        Assert.StartsWith("سربت صحيفة نيويورك تايمز", lines[first + 1], StringComparison.Ordinal);
        Assert.Equal("  link: نيويورك تايمز -> #", lines[first + 2]);

        int block = Array.IndexOf(lines, "[paragraph] line 33");
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
