using System;
using System.Linq;
using Xunit;
using CorpusSdk.Seeds;

namespace CorpusSdk.Cli.Tests;

/// <summary><c>corpus search</c> over the repository's corpus.</summary>
public class SearchCommandTests
{
    private static CliRun Search(bool highlight, params string[] args) =>
        CliRun.Of(["search", .. args], Corpus.Instance, new CorpusCliOptions { Highlight = highlight });

    [Fact]
    public void PrintsEachRankedArticleWithItsPartsAndBracketedSnippetsThenTheCountAndFacets()
    {
        CliRun run = Search(false, "قائلا");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        string[] lines = run.StdoutLines;
        Assert.Equal(7, lines.Length);
        Assert.StartsWith("1\t000_8fbc388ac0ad8ee7\t", lines[0], StringComparison.Ordinal);
        // Parts as show numbers them: the block index counted from 0, and the seed line.
        Assert.Equal(["block 6 (line 23)", "block 10 (line 33)", "block 16 (line 45)"], lines[1..4].Select(l => l.Split('\t')[1]).OrderBy(l => int.Parse(l.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray());
        Assert.All(lines[1..4], l => Assert.Contains("[قائلاً]", l, StringComparison.Ordinal));
        Assert.Equal("1 article.", lines[4]);
        Assert.Equal("authors: مناف قومان (1)", lines[5]);
        Assert.Equal("years: 2016 (1)", lines[6]);
    }

    [Fact]
    public void HighlightsInBoldWhenStdoutIsATerminal()
    {
        CliRun run = Search(true, "إيران");
        Assert.Contains("\u001b[1mلإيران\u001b[0m", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[لإيران]", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void PartUnitRanksPartsAndTopCapsTheListingNotTheCount()
    {
        CliRun run = Search(false, "كيري", "--unit", "part", "--top", "2");
        string[] lines = run.StdoutLines;
        Assert.Equal(7, lines.Length);
        Assert.Equal("title (line 3)", lines[1].Split('\t')[1]);
        Assert.Equal("15 parts (2 shown from 1; use --top and --skip to see more).", lines[4]);
        CliRun page2 = Search(false, "كيري", "--unit", "part", "--top", "2", "--skip", "2");
        Assert.StartsWith("3\t", page2.StdoutLines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void FiltersByAuthorAndDate()
    {
        Assert.Equal("1 article.", Search(false, "كيري", "--author", "مناف قومان").StdoutLines[^3]);
        Assert.Equal("No hits for 'كيري'.", Search(false, "كيري", "--author", "someone else").StdoutLines[^1]);
        Assert.Equal("1 article.", Search(false, "كيري", "--from", "2016-10-01", "--to", "2016-10-01").StdoutLines[^3]);
        Assert.Equal("No hits for 'كيري'.", Search(false, "كيري", "--from", "2016-10-02").StdoutLines[^1]);
    }

    [Theory]
    [InlineData("كيري (حلب", "position 5")]
    [InlineData("كيري -", "position 5")]
    [InlineData("\"كيري", "position 0")]
    [InlineData("OR كيري", "position 0")]
    public void QueryErrorsExit2WithTheirPosition(string query, string position)
    {
        CliRun run = Search(false, query);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.Contains(position, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ALongQueryIsNotEchoedWhole()
    {
        string query = new('x', 60_000);
        CliRun run = Search(false, query);
        Assert.Equal(0, run.ExitCode);
        Assert.True(run.Stdout.Length < 200, run.Stdout.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("exact", "قائلا", "No hits for 'قائلا'.")]
    [InlineData("normalized", "قائلا", "years: 2016 (1)")]
    [InlineData("lucene", "إيران", "No hits for 'إيران'.")]
    [InlineData("default", "إيران", "years: 2016 (1)")]
    public void ModeSelectsTheAnalysis(string mode, string query, string last)
    {
        CliRun run = Search(false, query, "--mode", mode);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(last, run.StdoutLines[^1]);
    }

    [Fact]
    public void NoHitsExitsZeroAndSaysSo()
    {
        CliRun run = Search(false, "xyz");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("No hits for 'xyz'.\n", run.Stdout);
    }

    [Theory]
    [InlineData("--mode", "fuzzy")]
    [InlineData("--limit", "-1")]
    [InlineData("--top", "many")]
    [InlineData("--sort", "random")]
    [InlineData("--from", "yesterday")]
    public void BadOptionsExit2(string option, string value)
    {
        CliRun run = Search(false, "كيري", option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(string.Empty, run.Stdout);
        Assert.NotEqual(string.Empty, run.Stderr);
    }

    [Fact]
    public void MissingQueryExits2()
    {
        Assert.Equal(2, Search(false).ExitCode);
    }
}
