using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// Snapshots are strict in every run of these tests, not only in CI: a missing snapshot fails instead of
/// being written (Snapshooter's <c>SNAPSHOOTER_STRICT_MODE</c>). Set here, when the test assembly loads,
/// rather than in a .runsettings file, so it holds under any runner (dotnet test, an IDE, another
/// --settings file) and the variable set by the caller still wins: accepting new snapshots is
/// <c>SNAPSHOOTER_STRICT_MODE=false dotnet test tests/CorpusSdk.Generators.Tests</c>.
/// </summary>
internal static class SnapshotStrictMode
{
    public const string Variable = "SNAPSHOOTER_STRICT_MODE";

    /// <summary>The variable's value when the test process started (null when it was not set).</summary>
    public static string? Requested { get; private set; }

    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "A test assembly: the setting must precede every snapshot test, whichever runs first.")]
    internal static void TurnOnUnlessSet()
    {
        Requested = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(Requested))
        {
            Environment.SetEnvironmentVariable(Variable, "true");
        }
    }
}
