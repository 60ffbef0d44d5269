using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;

namespace CorpusSdk.Cli.Check;

/// <summary>
/// <c>corpus check [paths…] [--format text|json|sarif] [--explain] [--warnaserror]</c>: validates seed
/// files with the generator's parser and diagnostic catalogue, without a project or a compiler. Exit
/// code 1 when there are errors (warnings too with <c>--warnaserror</c>), 2 for bad usage, else 0.
/// </summary>
internal static class CheckCommand
{
    /// <summary>The directory checked when no path is given.</summary>
    public const string DefaultDirectory = "seeds";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Seed files or directories (their *.txt files, recursively). Default: ./seeds.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var format = new Option<string>("--format", "-f")
        {
            Description = "text: 'path(line,col): error CSDK005: message' lines, as the build prints them; json; sarif (SARIF 2.1.0).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var explain = new Option<bool>("--explain")
        {
            Description = "Also print each block's kind and the reason (marker or rule), and the inference notes (CSDK1xx).",
        };
        var warnAsError = new Option<bool>("--warnaserror")
        {
            Description = "Report warnings as errors (exit code 1 when there are any).",
        };

        var check = new Command("check", "Checks seed files with the same parser and diagnostics as the build, without building; exit code 1 when there are errors.")
        {
            paths,
            format,
            explain,
            warnAsError,
        };
        check.SetAction(parseResult => Run(
            parseResult.GetValue(paths) ?? [],
            parseResult.GetRequiredValue(format),
            parseResult.GetValue(explain),
            parseResult.GetValue(warnAsError),
            stdout,
            stderr));
        return check;
    }

    /// <summary>Checks <paramref name="paths"/> and writes the report; returns the exit code.</summary>
    public static int Run(string[] paths, string format, bool explain, bool warningsAsErrors, TextWriter stdout, TextWriter stderr)
    {
        if (paths.Length == 0)
        {
            if (!Directory.Exists(DefaultDirectory))
            {
                stderr.WriteLine($"{CorpusCli.CommandName} check: no path given and there is no '{DefaultDirectory}' directory here.");
                return CorpusCli.ExitUsage;
            }

            paths = [DefaultDirectory];
        }

        List<string> files = SeedCheck.Expand(paths, out List<string> missing);
        foreach (string path in missing)
        {
            stderr.WriteLine($"{CorpusCli.CommandName} check: '{path}' is neither a file nor a directory.");
        }

        if (missing.Count > 0)
        {
            return CorpusCli.ExitUsage;
        }

        var seeds = new List<CheckedSeed>(files.Count);
        foreach (string file in files)
        {
            seeds.Add(SeedCheck.CheckFile(file, explain, warningsAsErrors));
        }

        switch (format)
        {
            case "json":
                CheckReportWriter.WriteJson(stdout, seeds);
                break;
            case "sarif":
                CheckReportWriter.WriteSarif(stdout, seeds);
                break;
            default:
                CheckReportWriter.WriteText(stdout, seeds, explain);
                break;
        }

        int errors = seeds.Sum(s => s.Diagnostics.Count(d => d.Severity == CheckSeverity.Error));
        int warnings = seeds.Sum(s => s.Diagnostics.Count(d => d.Severity == CheckSeverity.Warning));
        stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{files.Count} seed{(files.Count == 1 ? "" : "s")} checked: {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}"));
        return errors > 0 ? CorpusCli.ExitFailure : CorpusCli.ExitSuccess;
    }
}
