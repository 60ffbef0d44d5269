using System.Runtime.CompilerServices;
using System.Text;

namespace CorpusSdk.Generators.Tests;

/// <summary>Locates fixture seeds, the spec and the repo's seeds copied next to the test assembly.</summary>
internal static class TestFiles
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string ReadFixture(string name) => File.ReadAllText(Fixture(name), new UTF8Encoding(false));

    public static string RealSeedPath => Path.Combine(AppContext.BaseDirectory, "Seeds", "000_8fbc388ac0ad8ee7.txt");

    /// <summary>The real seed decoded as the compiler decodes it (UTF-8; a BOM, if any, is dropped).</summary>
    public static string RealSeed => File.ReadAllText(RealSeedPath, new UTF8Encoding(false));

    public static string SpecPath => Path.Combine(AppContext.BaseDirectory, "Spec", "000_8fbc388ac0ad8ee7.expected.json");

    /// <summary>The repository root (two levels above this test project's sources).</summary>
    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(SourceDirectory(), "..", ".."));

    /// <summary>The directory of this source file (for snapshots, which live in the repo).</summary>
    public static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
