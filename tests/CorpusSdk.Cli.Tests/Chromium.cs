using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Xunit;

namespace CorpusSdk.Cli.Tests;

/// <summary>
/// Headless Chromium (Debian's <c>chromium</c> package; <c>.ci/run</c> installs it when missing), run
/// once per call with a fresh profile and every network-using feature off.
/// </summary>
internal static class Chromium
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The browser: <c>$CHROMIUM</c>, else the first of chromium, chromium-browser on PATH.</summary>
    public static string Executable()
    {
        string? configured = Environment.GetEnvironmentVariable("CHROMIUM");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        foreach (string directory in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator))
        {
            foreach (string name in new[] { "chromium", "chromium-browser" })
            {
                string candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        Assert.Fail("Chromium is not installed: run 'apt-get install chromium' (.ci/run does), or set CHROMIUM to the browser's path.");
        return null!;
    }

    /// <summary>The DOM of a page after it loaded, serialized by the browser (<c>--dump-dom</c>).</summary>
    public static Task<string> DumpDomAsync(string page) => RunAsync("--dump-dom", new Uri(page).AbsoluteUri);

    /// <summary>Saves a PNG screenshot of a page at the given window size.</summary>
    public static async Task ScreenshotAsync(string page, string png, int width, int height)
    {
        await RunAsync("--screenshot=" + png, $"--window-size={width},{height}", "--hide-scrollbars", new Uri(page).AbsoluteUri);
        Assert.True(File.Exists(png), $"Chromium wrote no screenshot at {png}.");
    }

    private static async Task<string> RunAsync(params string[] args)
    {
        string profile = Directory.CreateTempSubdirectory("corpus-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Executable())
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string flag in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
            })
            {
                start.ArgumentList.Add(flag);
            }

            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using Process process = Process.Start(start) ?? throw new InvalidOperationException("Chromium did not start.");
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            Task exited = process.WaitForExitAsync();
            if (await Task.WhenAny(exited, Task.Delay(Timeout)) != exited)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"Chromium did not exit within {Timeout.TotalMinutes} minutes.");
            }

            string output = await stdout;
            string errors = await stderr;
            Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode}:\n{errors}");
            return output;
        }
        finally
        {
            try
            {
                Directory.Delete(profile, recursive: true);
            }
            catch (IOException)
            {
                // A browser helper process may still hold a file; the folder is in the temp directory.
            }
        }
    }
}
