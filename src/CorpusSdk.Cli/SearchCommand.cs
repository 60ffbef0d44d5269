using System;
using System.CommandLine;
using System.IO;
using CorpusSdk.Cli.Output;

namespace CorpusSdk.Cli;

/// <summary>
/// <c>corpus search &lt;query&gt; [--mode default|exact|normalized|lucene] [--limit N]</c>: each hit as
/// article ID, part (title or block N) and a snippet with the match highlighted, then the count.
/// </summary>
internal static class SearchCommand
{
    /// <summary>ANSI bold on / off, used only when stdout is a terminal.</summary>
    private const string BoldOn = "\u001b[1m";
    private const string BoldOff = "\u001b[0m";

    public static Command Create(TextWriter stdout, TextWriter stderr, CorpusCliOptions options)
    {
        var query = new Argument<string>("query")
        {
            Description = "Words that must all occur in one title or block; \"…\" for a phrase; a trailing * for a prefix.",
        };
        var mode = new Option<string>("--mode", "-m")
        {
            Description = "default (Arabic-aware stemming), exact, normalized, or lucene (Lucene 4.8 ArabicAnalyzer, as Elasticsearch's 'arabic').",
            DefaultValueFactory = _ => "default",
        };
        mode.AcceptOnlyFromAmong("default", "exact", "normalized", "lucene");
        var limit = new Option<int>("--limit", "-n")
        {
            Description = "Print at most this many hits (the count still covers all).",
            DefaultValueFactory = _ => 20,
        };
        limit.Validators.Add(result =>
        {
            if (result.Tokens.Count > 0 && int.TryParse(result.Tokens[^1].Value, out int value) && value < 0)
            {
                result.AddError("--limit must be 0 or more.");
            }
        });

        var search = new Command("search", "Searches titles and blocks with the index compiled into the corpus; prints each hit with a snippet, then the count.")
        {
            query,
            mode,
            limit,
        };
        search.SetAction(parseResult => Run(
            parseResult.GetRequiredValue(query),
            parseResult.GetRequiredValue(mode),
            parseResult.GetValue(limit),
            stdout,
            stderr,
            options));
        return search;
    }

    private static int Run(string query, string modeName, int limit, TextWriter stdout, TextWriter stderr, CorpusCliOptions options)
    {
        if (options.Search is null)
        {
            stderr.WriteLine(CorpusCli.CommandName + ": this corpus has no search index.");
            return CorpusCli.ExitFailure;
        }

        var searchOptions = new SearchOptions(modeName switch
        {
            "exact" => SearchMode.Exact,
            "normalized" => SearchMode.Normalized,
            "lucene" => SearchMode.LuceneCompatible,
            _ => SearchMode.Default,
        });

        CorpusSearch engine = options.Search;
        var snippet = new SnippetOptions
        {
            Before = options.Highlight ? BoldOn : "[",
            After = options.Highlight ? BoldOff : "]",
        };
        Span<char> buffer = stackalloc char[1024];
        int printed = 0;
        foreach (SearchHit hit in engine.Search(query, searchOptions))
        {
            if (printed == limit)
            {
                break;
            }

            ArticleWriter.WriteEscaped(stdout, engine.Articles[hit.ArticleIndex].Id);
            stdout.Write('\t');
            stdout.Write(hit.IsTitle ? "title" : "block " + hit.BlockIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
            stdout.Write('\t');
            if (engine.TryWriteSnippet(hit, buffer, out int written, snippet))
            {
                WriteSnippet(stdout, buffer[..written], options.Highlight);
            }

            stdout.WriteLine();
            printed++;
        }

        int count = engine.Count(query, searchOptions);
        if (count == 0)
        {
            stdout.Write("No hits for '");
            ArticleWriter.WriteEscaped(stdout, query);
            stdout.WriteLine("'.");
        }
        else
        {
            stdout.WriteLine(count == printed
                ? $"{count} hit{(count == 1 ? string.Empty : "s")}."
                : $"{count} hits ({printed} shown; use --limit to see more).");
        }

        return CorpusCli.ExitSuccess;
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
