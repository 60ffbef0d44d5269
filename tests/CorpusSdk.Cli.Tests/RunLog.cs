using Xunit.Abstractions;
using Xunit.Sdk;

namespace CorpusSdk.Cli.Tests;

/// <summary>
/// Writes lines into the test run's console output, for facts a reader of CI logs needs (where a
/// screenshot was saved). xunit shows them because xunit.runner.json enables diagnostic messages;
/// a test's own standard output is not shown by 'dotnet test'.
/// </summary>
public sealed class RunLog
{
    private readonly IMessageSink _sink;

    public RunLog(IMessageSink sink) => _sink = sink;

    public void Write(string message) => _sink.OnMessage(new DiagnosticMessage(message));
}
