using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using CorpusSdk.Cli.Output;

namespace CorpusSdk.Cli;

/// <summary>
/// <c>corpus search &lt;query&gt;</c>: the ranked articles (or parts) with their matching parts, each with a
/// snippet, then the count and the facet counts by author and year. Options: <c>--mode</c>, <c>--unit</c>,
/// <c>--sort</c>, <c>--top</c>, <c>--skip</c>, <c>--author</c>, <c>--from</c>, <c>--to</c>. A query that cannot
/// be read is an error with its position (exit code 2).
/// </summary>
internal static class SearchCommand
{
    /// <summary>ANSI bold on / off, used only when stdout is a terminal.</summary>
    private const string BoldOn = "\u001b[1m";
    private const string BoldOff = "\u001b[0m";

    /// <summary>How much of a query is echoed back in messages.</summary>
    private const int EchoLength = 60;

    /// <summary>The query language, for <c>search --help</c> (docs/search.md has the details).</summary>
    private const string QueryHelp =
        "Query: words that must all occur; \"a phrase\"; prefix*; a OR b (binds tighter than the implicit AND); " +
        "-word or -\"phrase\" to exclude; ( ) to group. Write 'or' in lower case to search for the word.";

    public static Command Create(TextWriter stdout, TextWriter stderr, CompiledCorpus corpus, CorpusCliOptions options)
    {
        var query = new Argument<string>("query") { Description = QueryHelp };
        var mode = new Option<string>("--mode", "-m")
        {
            Description = "default (Arabic-aware stemming), exact, normalized, or lucene (Lucene 4.8 ArabicAnalyzer, as Elasticsearch's 'arabic').",
            DefaultValueFactory = _ => "default",
        };
        mode.AcceptOnlyFromAmong("default", "exact", "normalized", "lucene");
        var unit = new Option<string>("--unit", "-u")
        {
            Description = "article (rank articles, with their matching parts) or part (rank titles and blocks on their own).",
            DefaultValueFactory = _ => "article",
        };
        unit.AcceptOnlyFromAmong("article", "part");
        var sort = new Option<string>("--sort", "-s")
        {
            Description = "relevance (BM25), newest, oldest, or corpus (corpus order).",
            DefaultValueFactory = _ => "relevance",
        };
        sort.AcceptOnlyFromAmong("relevance", "newest", "oldest", "corpus");
        var top = new Option<int>("--top", "-n", "--limit")
        {
            Description = "Print at most this many hits (the count still covers all).",
            DefaultValueFactory = _ => 10,
        };
        var skip = new Option<int>("--skip") { Description = "Skip this many hits first (paging)." };
        NotNegative(top);
        NotNegative(skip);
        var author = new Option<string?>("--author", "-a") { Description = "Only articles by this author (exact name)." };
        var from = new Option<DateOnly?>("--from") { Description = "Only articles published on or after this date (yyyy-mm-dd)." };
        var to = new Option<DateOnly?>("--to") { Description = "Only articles published on or before this date (yyyy-mm-dd)." };

        var search = new Command("search", "Searches titles and blocks with the index compiled into the corpus: ranked hits with snippets, then the count and facets.")
        {
            query, mode, unit, sort, top, skip, author, from, to,
        };
        search.SetAction(parseResult =>
        {
            var searchOptions = new SearchOptions(ParseMode(parseResult.GetRequiredValue(mode)))
            {
                Unit = parseResult.GetRequiredValue(unit) == "part" ? SearchUnit.Part : SearchUnit.Article,
                Sort = parseResult.GetRequiredValue(sort) switch
                {
                    "newest" => SearchSort.Newest,
                    "oldest" => SearchSort.Oldest,
                    "corpus" => SearchSort.CorpusOrder,
                    _ => SearchSort.Relevance,
                },
                Top = parseResult.GetValue(top),
                Skip = parseResult.GetValue(skip),
                Author = parseResult.GetValue(author),
                From = parseResult.GetValue(from),
                To = parseResult.GetValue(to),
                Facets = true,
            };
            return Run(parseResult.GetRequiredValue(query), searchOptions, stdout, stderr, corpus.SearchEngine, options);
        });
        return search;
    }

    private static void NotNegative(Option<int> option) => option.Validators.Add(result =>
    {
        if (result.Tokens.Count > 0 && int.TryParse(result.Tokens[^1].Value, out int value) && value < 0)
        {
            result.AddError(option.Name + " must be 0 or more.");
        }
    });

    private static SearchMode ParseMode(string name) => name switch
    {
        "exact" => SearchMode.Exact,
        "normalized" => SearchMode.Normalized,
        "lucene" => SearchMode.LuceneCompatible,
        _ => SearchMode.Default,
    };

    private static int Run(string query, SearchOptions searchOptions, TextWriter stdout, TextWriter stderr, CorpusSearch engine, CorpusCliOptions options)
    {
        using SearchResults results = engine.Search(query, searchOptions);
        if (results.Error is { } error)
        {
            stderr.Write(CorpusCli.CommandName + ": the query cannot be read at position " + error.Position.ToString(CultureInfo.InvariantCulture) + ": " + error.Message);
            stderr.WriteLine();
            return CorpusCli.ExitUsage;
        }

        var snippet = new SnippetOptions
        {
            Before = options.Highlight ? BoldOn : "[",
            After = options.Highlight ? BoldOff : "]",
        };
        Span<char> buffer = stackalloc char[1024];
        int rank = searchOptions.Skip;
        foreach (RankedHit hit in results.Hits)
        {
            rank++;
            Article article = engine.GetArticle(hit.ArticleIndex);
            stdout.Write(rank.ToString(CultureInfo.InvariantCulture));
            stdout.Write('\t');
            ArticleWriter.WriteEscaped(stdout, article.Id);
            stdout.Write('\t');
            stdout.Write(hit.Score.ToString("0.000", CultureInfo.InvariantCulture));
            stdout.WriteLine();
            foreach (PartHit part in results.GetParts(hit))
            {
                stdout.Write('\t');
                stdout.Write(PartLabel(article, part.BlockIndex));
                stdout.Write('\t');
                if (engine.TryWritePartSnippet(results.GetHighlights(part), buffer, out int written, snippet))
                {
                    WriteSnippet(stdout, buffer[..written], options.Highlight);
                }

                stdout.WriteLine();
            }
        }

        int count = results.TotalCount;
        string noun = searchOptions.Unit == SearchUnit.Part ? "part" : "article";
        if (count == 0)
        {
            stdout.Write("No hits for '");
            ArticleWriter.WriteEscaped(stdout, query.Length <= EchoLength ? query : query[..EchoLength] + "…");
            stdout.WriteLine("'.");
            return CorpusCli.ExitSuccess;
        }

        int shown = results.Hits.Length;
        stdout.WriteLine(count == shown && searchOptions.Skip == 0
            ? $"{count} {noun}{(count == 1 ? string.Empty : "s")}."
            : $"{count} {noun}s ({shown} shown from {searchOptions.Skip + 1}; use --top and --skip to see more).");
        WriteFacets(stdout, "authors", results.AuthorFacets, engine, authors: true);
        WriteFacets(stdout, "years", results.YearFacets, engine, authors: false);
        return CorpusCli.ExitSuccess;
    }

    /// <summary>"title (line 2)" or "block 6 (line 23)": the block index as <c>show</c> prints it, counted from 0.</summary>
    internal static string PartLabel(Article article, int blockIndex) => blockIndex < 0
        ? "title (line " + article.TitleLine.ToString(CultureInfo.InvariantCulture) + ")"
        : "block " + blockIndex.ToString(CultureInfo.InvariantCulture) + " (line " + article.Blocks[blockIndex].Line.ToString(CultureInfo.InvariantCulture) + ")";

    private static void WriteFacets(TextWriter stdout, string name, ReadOnlySpan<FacetCount> facets, CorpusSearch engine, bool authors)
    {
        stdout.Write(name);
        stdout.Write(':');
        foreach (FacetCount facet in facets)
        {
            stdout.Write(' ');
            if (authors)
            {
                ArticleWriter.WriteEscaped(stdout, engine.GetAuthor(facet.Value));
            }
            else
            {
                stdout.Write(facet.Value == 0 ? "undated" : facet.Value.ToString(CultureInfo.InvariantCulture));
            }

            stdout.Write(" (" + facet.Count.ToString(CultureInfo.InvariantCulture) + ")");
        }

        stdout.WriteLine();
    }

    /// <summary>Writes a snippet; control characters are escaped, except our own ANSI markers.</summary>
    private static void WriteSnippet(TextWriter stdout, ReadOnlySpan<char> text, bool highlight)
    {
        if (!highlight)
        {
            ArticleWriter.WriteEscaped(stdout, text);
            return;
        }

        while (!text.IsEmpty)
        {
            int marker = text.IndexOf('\u001b');
            ReadOnlySpan<char> plain = marker < 0 ? text : text[..marker];
            ArticleWriter.WriteEscaped(stdout, plain);
            if (marker < 0)
            {
                break;
            }

            ReadOnlySpan<char> rest = text[marker..];
            int length = rest.StartsWith(BoldOn) ? BoldOn.Length : rest.StartsWith(BoldOff) ? BoldOff.Length : 1;
            if (length == 1)
            {
                ArticleWriter.WriteEscaped(stdout, rest[..1]);
            }
            else
            {
                stdout.Write(rest[..length]);
            }

            text = rest[length..];
        }
    }
}
