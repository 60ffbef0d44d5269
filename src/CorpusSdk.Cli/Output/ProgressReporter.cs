using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace CorpusSdk.Cli.Output;

/// <summary>
/// Reports "N/M articles" on one terminal line, rewritten in place. Silent when disabled, and
/// silent for short runs: nothing is written before <see cref="Delay"/> has passed, then at most once
/// per <see cref="Interval"/>.
/// </summary>
internal sealed class ProgressReporter
{
    private readonly TextWriter? _output;
    private readonly string _label;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TimeSpan _next;
    private bool _written;

    public ProgressReporter(TextWriter? output, string label, TimeSpan delay, TimeSpan interval)
    {
        _output = output;
        _label = label;
        _next = delay;
        Interval = interval;
        Delay = delay;
    }

    /// <summary>Wait before the first report (the default one second keeps quick runs silent).</summary>
    public TimeSpan Delay { get; }

    /// <summary>Minimum time between two reports.</summary>
    public TimeSpan Interval { get; }

    /// <summary>A reporter that writes to <paramref name="stderr"/> when <paramref name="enabled"/>.</summary>
    public static ProgressReporter Create(TextWriter stderr, bool enabled, string label) =>
        new(enabled ? stderr : null, label, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(200));

    /// <summary>Records that <paramref name="done"/> of <paramref name="total"/> articles are written.</summary>
    public void Report(int done, int total)
    {
        if (_output is null || _clock.Elapsed < _next)
        {
            return;
        }

        _next = _clock.Elapsed + Interval;
        _output.Write("\r" + CorpusCli.CommandName + ": " + _label + " " + done.ToString(CultureInfo.InvariantCulture) + "/" +
            total.ToString(CultureInfo.InvariantCulture) + " articles");
        _output.Flush();
        _written = true;
    }

    /// <summary>Ends the progress line, if one was started.</summary>
    public void Complete(int total)
    {
        if (_written)
        {
            _output!.WriteLine("\r" + CorpusCli.CommandName + ": " + _label + " " + total.ToString(CultureInfo.InvariantCulture) + "/" +
                total.ToString(CultureInfo.InvariantCulture) + " articles, done.");
            _written = false;
        }
    }
}
