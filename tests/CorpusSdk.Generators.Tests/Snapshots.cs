using System.Text.RegularExpressions;
using Snapshooter;
using Snapshooter.Xunit;

namespace CorpusSdk.Generators.Tests;

/// <summary>Snapshot files of generated source, stored as plain .cs under __snapshots__ and reviewed as diffs.</summary>
internal static partial class Snapshots
{
    [GeneratedRegex("GeneratedCode\\(\"CorpusSdk.Generators\", \"[^\"]*\"\\)")]
    private static partial Regex GeneratorVersion();

    /// <summary>The generator version changes with every commit: scrub it so snapshots do not.</summary>
    public static string Scrub(string source) =>
        GeneratorVersion().Replace(source, "GeneratedCode(\"CorpusSdk.Generators\", \"VERSION\")");

    /// <summary>A plain-text snapshot (.txt), for decoded views that are not C#.</summary>
    public static void MatchText(string text, string name) =>
        Snapshot.Match(text, new SnapshotFullName(name + ".txt", TestFiles.SourceDirectory()));

    public static void Match(string source, string name) =>
        Snapshot.Match(Scrub(source), new SnapshotFullName(name + ".cs", TestFiles.SourceDirectory()));
}
