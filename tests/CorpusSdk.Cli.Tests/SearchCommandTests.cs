using System;
using System.Linq;
using Xunit;
using CorpusSdk.Seeds;

namespace CorpusSdk.Cli.Tests;

/// <summary><c>corpus search</c> over the repository's corpus.</summary>
public class SearchCommandTests
{
    private static CliRun Search(bool highlight, params string[] args) =>
        CliRun.Of(["search", .. args], options: new CorpusCliOptions { ContentHash = Corpus.ContentHash, Search = Corpus.SearchEngine, Highlight = highlight });

    [Fact]
    public void PrintsEachHitWithIdPartAndBracketedSnippetThenTheCount()
    {
        CliRun run = Search(false, "قائلا");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(string.Empty, run.Stderr);
        string[] lines = run.StdoutLines;
        Assert.Equal(4, lines.Length);
        Assert.Equal(["block 6", "block 10", "block 16"], lines[..3].Select(l => l.Split('\t')[1]).ToArray());
        Assert.All(lines[..3], l => Assert.StartsWith("000_8fbc388ac0ad8ee7\t", l, StringComparison.Ordinal));
        Assert.All(lines[..3], l => Assert.Contains("[قائلاً]", l, StringComparison.Ordinal));
        Assert.Equal("3 hits.", lines[3]);
    }

    [Fact]
    public void HighlightsInBoldWhenStdoutIsATerminal()
    {
        CliRun run = Search(true, "إيران");
        Assert.Contains("\u001b[1mلإيران\u001b[0m", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("[لإيران]", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void TitleHitsAreLabelledAndLimitCapsTheListingNotTheCount()
    {
        CliRun run = Search(false, "كيري", "--limit", "2");
        string[] lines = run.StdoutLines;
        Assert.Equal(3, lines.Length);
        Assert.Equal("title", lines[0].Split('\t')[1]);
        Assert.Equal("16 hits (2 shown; use --limit to see more).", lines[2]);
    }

    [Theory]
    [InlineData("exact", "قائلا", "No hits for 'قائلا'.")]
    [InlineData("normalized", "قائلا", "3 hits.")]
    [InlineData("lucene", "إيران", "No hits for 'إيران'.")]
    [InlineData("default", "إيران", "1 hit.")]
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
    [InlineData("--limit", "many")]
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
