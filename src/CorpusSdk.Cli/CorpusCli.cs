using System;
using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;
using CorpusSdk.Cli.Export;
using CorpusSdk.Cli.Output;
using CorpusSdk.Cli.Render;

namespace CorpusSdk.Cli;

/// <summary>
/// The <c>corpus</c> command line over a compiled corpus: <c>list</c>, <c>show &lt;id&gt;</c>,
/// <c>export --format json|jsonl|elasticsearch [--out PATH]</c> and <c>render --out DIR</c>.
/// Everything is written through the given writers or to the named files, so the tool can run
/// in-process in tests.
/// </summary>
/// <remarks>
/// Exit codes: <see cref="ExitSuccess"/> on success (including <c>--help</c> and <c>--version</c>),
/// <see cref="ExitUsage"/> for no command and for any parse error (unknown command, missing or extra argument,
/// unknown format, a missing required <c>--out</c>), for an unknown article ID and for an export <c>--out</c>
/// that names an existing folder where a file is needed, <see cref="ExitFailure"/>
/// when an output file or folder cannot be written. Parse errors are reported by this class, not by
/// System.CommandLine, whose own error action would exit with 1.
/// </remarks>
public static class CorpusCli
{
    /// <summary>The command name, used in usage text and messages.</summary>
    public const string CommandName = "corpus";

    /// <summary>Exit code for success.</summary>
    public const int ExitSuccess = 0;

    /// <summary>Exit code for bad usage: no command, a parse error, or an unknown article ID.</summary>
    public const int ExitUsage = 2;

    /// <summary>Exit code when an output file or folder cannot be written (or another unexpected failure).</summary>
    public const int ExitFailure = 1;

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code.</summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <param name="stdout">Where results and help go.</param>
    /// <param name="stderr">Where errors go.</param>
    /// <param name="corpus">The corpus to read and search (a generated <c>Corpus.Instance</c>).</param>
    /// <returns>The exit code: <see cref="ExitSuccess"/>, <see cref="ExitUsage"/> or <see cref="ExitFailure"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CompiledCorpus corpus) =>
        Run(args, stdout, stderr, corpus, CorpusCliOptions.Default);

    /// <summary>Parses <paramref name="args"/>, runs the command and returns the process exit code.</summary>
    /// <param name="args">The command-line arguments, without the program name.</param>
    /// <param name="stdout">Where results, help and exports without <c>--out</c> go.</param>
    /// <param name="stderr">Where errors (and progress, when <see cref="CorpusCliOptions.ShowProgress"/>) go.</param>
    /// <param name="corpus">The corpus to read and search (a generated <c>Corpus.Instance</c>): its articles, its content hash (written into exports) and its search engine.</param>
    /// <param name="options">Progress and highlighting settings.</param>
    /// <returns>The exit code: <see cref="ExitSuccess"/>, <see cref="ExitUsage"/> or <see cref="ExitFailure"/>.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, CompiledCorpus corpus, CorpusCliOptions options)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(options);

        Command root = CreateCommand(stdout, stderr, corpus, options);

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

    private static Command CreateCommand(TextWriter stdout, TextWriter stderr, CompiledCorpus corpus, CorpusCliOptions options)
    {
        // A plain Command rather than RootCommand: the usage line then says 'corpus' even when hosted
        // (RootCommand names itself after the running executable, e.g. 'testhost').
        var root = new Command(CommandName, "Lists, shows, searches, exports and renders the articles of the compiled CorpusSdk seed corpus.")
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
        list.SetAction(_ => ArticleWriter.WriteList(stdout, corpus.Articles));
        root.Subcommands.Add(list);

        var id = new Argument<string>("id") { Description = "The article ID (seed file name without extension), as printed by 'corpus list'." };
        var show = new Command(
            "show",
            "Shows an article: title, author and date, then each block as '[kind] block N (line L)' (N counted from 0, as 'search' prints it; L the line in the seed) and its text, followed by its inline quotations ('  quote: «text»') and links ('  link: text -> target') in reading order.")
        {
            id,
        };
        show.SetAction(parseResult => Show(parseResult.GetRequiredValue(id), stdout, stderr, corpus.Articles));
        root.Subcommands.Add(show);

        root.Subcommands.Add(SearchCommand.Create(stdout, stderr, corpus, options));
        root.Subcommands.Add(CreateExportCommand(stdout, stderr, corpus, options));
        root.Subcommands.Add(CreateRenderCommand(stderr, corpus, options));
        root.Subcommands.Add(Check.CheckCommand.Create(stdout, stderr));
        return root;
    }

    private static Command CreateExportCommand(TextWriter stdout, TextWriter stderr, CompiledCorpus corpus, CorpusCliOptions options)
    {
        var format = new Option<string>("--format", "-f")
        {
            Description = "json: one document; jsonl: a header line, then one article per line; elasticsearch: index.json (settings and mappings) and bulk.ndjson (_bulk body) in the --out folder.",
            DefaultValueFactory = _ => "json",
        };
        format.AcceptOnlyFromAmong("json", "jsonl", "elasticsearch");
        var output = new Option<string>("--out", "-o")
        {
            Description = "The output file (json, jsonl; default: standard output) or folder (elasticsearch, required).",
            HelpName = "path",
        };
        var export = new Command("export", "Exports the whole corpus: metadata, blocks with kinds and lines, quotations and links with their offsets, content hash and version.")
        {
            format,
            output,
        };
        export.Validators.Add(result =>
        {
            // Read the tokens, not the value: a bad --format value is reported by its own error.
            OptionResult? formatResult = result.GetResult(format);
            OptionResult? outputResult = result.GetResult(output);
            if (formatResult is { Tokens.Count: > 0 } && formatResult.Tokens[^1].Value == "elasticsearch" && outputResult is not { Tokens.Count: > 0 })
            {
                result.AddError("The elasticsearch format writes two files: name their folder with --out.");
            }
        });
        export.SetAction(parseResult =>
        {
            string? path = parseResult.GetValue(output);
            return parseResult.GetRequiredValue(format) switch
            {
                "elasticsearch" => WriteOutput(stderr, path!, () =>
                    ElasticsearchExporter.Write(path!, corpus.Articles, corpus.ContentHash, Progress(stderr, options, "export"))),
                string name => ExportJson(name == "jsonl", path, stdout, stderr, corpus, options),
            };
        });
        return export;
    }

    private static Command CreateRenderCommand(TextWriter stderr, CompiledCorpus corpus, CorpusCliOptions options)
    {
        var output = new Option<string>("--out", "-o")
        {
            Description = "The folder to write index.html and articles/*.html into (created if needed).",
            HelpName = "dir",
            Required = true,
        };
        var render = new Command("render", "Renders a static HTML preview: an index page and one right-to-left (Arabic) or left-to-right (English) page per article; no scripts, no external files.")
        {
            output,
        };
        render.SetAction(parseResult =>
        {
            string path = parseResult.GetRequiredValue(output);
            return WriteOutput(stderr, path, () => HtmlSiteWriter.Write(path, corpus.Articles, corpus.ContentHash, Progress(stderr, options, "render")));
        });
        return render;
    }

    private static int ExportJson(bool lines, string? path, TextWriter stdout, TextWriter stderr, CompiledCorpus corpus, CorpusCliOptions options)
    {
        ProgressReporter progress = Progress(stderr, options, "export");
        if (string.IsNullOrEmpty(path))
        {
            using var stream = new TextWriterStream(stdout);
            Write(stream);
            stdout.Flush();
            return ExitSuccess;
        }

        if (Directory.Exists(path))
        {
            // Otherwise File.Create reports "Access to the path ... is denied.", which names the wrong problem.
            stderr.Write(CommandName + ": --out '");
            ArticleWriter.WriteEscaped(stderr, path);
            stderr.Write("' is a folder; export --format " + (lines ? "jsonl" : "json") + " writes one file: name the file, for example '");
            ArticleWriter.WriteEscaped(stderr, Path.Combine(path, lines ? "corpus.jsonl" : "corpus.json"));
            stderr.WriteLine("'.");
            return ExitUsage;
        }

        return WriteOutput(stderr, path, () =>
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            using FileStream file = File.Create(path, 1 << 16);
            Write(file);
        });

        void Write(Stream stream)
        {
            if (lines)
            {
                JsonExporter.WriteJsonLines(stream, corpus.Articles, corpus.ContentHash, progress);
            }
            else
            {
                JsonExporter.WriteJson(stream, corpus.Articles, corpus.ContentHash, progress);
            }
        }
    }

    /// <summary>Runs a file-writing action; an I/O or permission failure is reported on stderr with exit code <see cref="ExitFailure"/>.</summary>
    private static int WriteOutput(TextWriter stderr, string path, Action write)
    {
        try
        {
            write();
            return ExitSuccess;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.Write(CommandName + ": cannot write '");
            ArticleWriter.WriteEscaped(stderr, path);
            stderr.Write("': ");
            ArticleWriter.WriteEscaped(stderr, e.Message);
            stderr.WriteLine();
            return ExitFailure;
        }
    }

    private static ProgressReporter Progress(TextWriter stderr, CorpusCliOptions options, string label) =>
        ProgressReporter.Create(stderr, options.ShowProgress, label);

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

    /// <summary>
    /// Writes each parse error as <c>corpus: message</c>. System.CommandLine lays some messages out on several
    /// lines (<c>Must be one of:</c>, then one tab-indented value per line): its line breaks are kept, each
    /// further line indented by two spaces instead of its leading tabs. Every other control character,
    /// such as an escape sequence in the user's own token, is printed as <c>\uXXXX</c>.
    /// </summary>
    private static void ReportParseErrors(ParseResult result, TextWriter stderr)
    {
        foreach (ParseError error in result.Errors)
        {
            stderr.Write(CommandName + ": ");
            WriteMessageLines(stderr, error.Message);
        }

        WriteUsageHint(stderr);
    }

    private static void WriteMessageLines(TextWriter stderr, string message)
    {
        bool first = true;
        foreach (string line in message.ReplaceLineEndings("\n").Split('\n'))
        {
            if (!first)
            {
                stderr.Write("  ");
            }

            ArticleWriter.WriteEscaped(stderr, first ? line : line.TrimStart('\t'));
            stderr.WriteLine();
            first = false;
        }
    }

    private static void WriteUsageHint(TextWriter stderr) => stderr.WriteLine("Run '" + CommandName + " --help' for usage.");
}
