using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;
using CorpusSdk.Cli.Output;

namespace CorpusSdk.Cli;

/// <summary>
/// The <c>corpus</c> command line: <c>list</c> and <c>show &lt;id&gt;</c> over a compiled corpus.
/// Everything is written through the given writers, so the tool can run in-process in tests.
/// </summary>
/// <remarks>
/// Exit codes: <see cref="ExitSuccess"/> on success (including <c>--help</c> and <c>--version</c>),
/// <see cref="ExitUsage"/> for no command and for any parse error (unknown command, missing or extra argument)
/// and for an unknown article ID. Parse errors are reported by this class, not by System.CommandLine,
/// whose own error action would exit with 1.
/// </remarks>
public static class CorpusCli
{
    /// <summary>The command name, used in usage text and messages.</summary>
    public const string CommandName = "corpus";

    /// <summary>Exit code for success.</summary>
    public const int ExitSuccess = 0;

    /// <summary>Exit code for bad usage: no command, a parse error, or an unknown article ID.</summary>
    public const int ExitUsage = 2;

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code.</summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <param name="stdout">Where results and help go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="articles">The corpus to read.</param>
    /// <returns>The exit code: <see cref="ExitSuccess"/>, <see cref="ExitUsage"/>, or 1 for an unexpected failure.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, ArticleCollection articles)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(articles);

        Command root = CreateCommand(stdout, stderr, articles);

        // Arguments are taken literally: no '@file' response-file expansion.
        ParseResult result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (result.Action is ParseErrorAction)
        {
            ReportParseErrors(result, stderr);
            return ExitUsage;
        }

        return result.Invoke(new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            // Synchronous actions only: no need to hook process signals (which would also leak across in-process runs).
            ProcessTerminationTimeout = null,
        });
    }

    private static Command CreateCommand(TextWriter stdout, TextWriter stderr, ArticleCollection articles)
    {
        // A plain Command rather than RootCommand: the usage line then says 'corpus' even when hosted
        // (RootCommand names itself after the running executable, e.g. 'testhost').
        var root = new Command(CommandName, "Lists and shows the articles of the compiled CorpusSdk seed corpus.")
        {
            new HelpOption(),
            new VersionOption(),
        };

        // Without a command, report bad usage ourselves: as a parse error it would also be listed
        // next to the 'unrecognized command' error of a mistyped command.
        root.SetAction(_ =>
        {
            stderr.WriteLine(CommandName + ": no command given.");
            WriteUsageHint(stderr);
            return ExitUsage;
        });

        var list = new Command("list", "Lists the articles, one per line: ID, date (yyyy-MM-dd), author and title, separated by tabs.");
        list.SetAction(_ => ArticleWriter.WriteList(stdout, articles));
        root.Subcommands.Add(list);

        var id = new Argument<string>("id") { Description = "The article ID (seed file name without extension), as printed by 'corpus list'." };
        var show = new Command(
            "show",
            "Shows an article: title, author and date, then each block as '[kind] line N' and its text, followed by its inline quotations ('  quote: «text»') and links ('  link: text -> target') in reading order.")
        {
            id,
        };
        show.SetAction(parseResult => Show(parseResult.GetRequiredValue(id), stdout, stderr, articles));
        root.Subcommands.Add(show);

        return root;
    }

    private static int Show(string id, TextWriter stdout, TextWriter stderr, ArticleCollection articles)
    {
        if (!articles.TryGet(id, out Article? article))
        {
            stderr.Write(CommandName + ": no article with id '");
            ArticleWriter.WriteEscaped(stderr, id);
            stderr.WriteLine("'. Run '" + CommandName + " list' to see the ids.");
            return ExitUsage;
        }

        return ArticleWriter.WriteArticle(stdout, article);
    }

    private static void ReportParseErrors(ParseResult result, TextWriter stderr)
    {
        foreach (ParseError error in result.Errors)
        {
            stderr.Write(CommandName + ": ");
            ArticleWriter.WriteEscaped(stderr, error.Message);
            stderr.WriteLine();
        }

        WriteUsageHint(stderr);
    }

    private static void WriteUsageHint(TextWriter stderr) => stderr.WriteLine("Run '" + CommandName + " --help' for usage.");
}
