using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace CorpusSdk.Cli.Tests;

/// <summary>Runs the built tool as a real process: <c>dotnet corpus.dll ...</c>.</summary>
public class ProcessTests
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Fact]
    public async Task ListPrintsUtf8AndExitsWithZero()
    {
        (int exitCode, byte[] stdout, string stderr) = await RunAsync("list");

        Assert.Equal(string.Empty, stderr);
        Assert.Equal(0, exitCode);
        Assert.False(stdout.AsSpan().StartsWith(Encoding.UTF8.Preamble), "stdout starts with a byte order mark");
        string text = StrictUtf8.GetString(stdout);
        Assert.Equal(
            "000_8fbc388ac0ad8ee7\t2016-10-01\tمناف قومان\tتسريبات كيري: عليكم أن تقاتلوا من أجلنا لكننا لن نقاتل معكم" + Environment.NewLine,
            text);
    }

    [Fact]
    public async Task UnknownIdExitsWithTwo()
    {
        (int exitCode, byte[] stdout, string stderr) = await RunAsync("show", "nope");

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Equal("corpus: no article with id 'nope'. Run 'corpus list' to see the ids." + Environment.NewLine, stderr);
    }

    [Fact]
    public async Task ParseErrorExitsWithTwo()
    {
        (int exitCode, byte[] stdout, string stderr) = await RunAsync("frobnicate");

        Assert.Equal(2, exitCode);
        Assert.Empty(stdout);
        Assert.Contains("'frobnicate'", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportToStdoutIsUtf8JsonWithTheCorpusContentHashAndNoProgress()
    {
        (int exitCode, byte[] stdout, string stderr) = await RunAsync("export", "--format", "jsonl");

        // stderr is redirected here, so no progress is written even though Program.cs enables it for terminals.
        Assert.Equal(string.Empty, stderr);
        Assert.Equal(0, exitCode);
        Assert.False(stdout.AsSpan().StartsWith(Encoding.UTF8.Preamble), "stdout starts with a byte order mark");
        string[] lines = StrictUtf8.GetString(stdout).TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        using JsonDocument header = JsonDocument.Parse(lines[0]);
        Assert.Equal(CorpusSdk.Seeds.Corpus.ContentHash, header.RootElement.GetProperty("contentHash").GetString());
        using JsonDocument article = JsonDocument.Parse(lines[1]);
        Assert.Equal("مناف قومان", article.RootElement.GetProperty("author").GetString());
    }

    private static async Task<(int ExitCode, byte[] Stdout, string Stderr)> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardErrorEncoding = StrictUtf8,
        };
        start.ArgumentList.Add(CorpusDll());
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // A non-UTF-8 locale: the tool must still write UTF-8.
        start.Environment["LANG"] = "C";
        start.Environment["LC_ALL"] = "C";
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";

        using Process process = Process.Start(start) ?? throw new InvalidOperationException("The process did not start.");
        using var stdout = new MemoryStream();
        Task copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        Task<string> readErr = process.StandardError.ReadToEndAsync();
        Task exited = process.WaitForExitAsync();
        if (await Task.WhenAny(exited, Task.Delay(TimeSpan.FromMinutes(2))) != exited)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("corpus did not exit within 2 minutes.");
        }

        await copyOut;
        string stderr = await readErr;
        return (process.ExitCode, stdout.ToArray(), stderr);
    }

    /// <summary>The dotnet host that runs these tests (set by the dotnet CLI), else 'dotnet' from PATH.</summary>
    private static string DotnetHost()
    {
        string? host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrEmpty(host) && File.Exists(host) ? host : "dotnet";
    }

    /// <summary>corpus.dll as copied next to the test assembly by the project reference.</summary>
    private static string CorpusDll()
    {
        string dll = Path.Combine(AppContext.BaseDirectory, "corpus.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: build the test project, which references the CLI.");
        Assert.True(File.Exists(Path.ChangeExtension(dll, ".runtimeconfig.json")), "corpus.runtimeconfig.json is missing next to corpus.dll.");
        return dll;
    }
}
