using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace CorpusSdk.Generators.Tests;

/// <summary>
/// Real `dotnet build` of a consumer project wired like a package consumer (the repo's props/targets,
/// the built generator as an analyzer): what a seed editor sees in the build output.
/// </summary>
public sealed class BuildTests : IDisposable
{
    private static readonly string IndexBuilderPath = typeof(BuildTests).Assembly.GetCustomAttributes<System.Reflection.AssemblyMetadataAttribute>()
        .Single(a => a.Key == "CorpusSdkIndexBuilderPath").Value!;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "corpussdk-build-" + Guid.NewGuid().ToString("N"));

    public BuildTests()
    {
        string repo = TestFiles.RepositoryRoot;
        string bin = AppContext.BaseDirectory;
        Directory.CreateDirectory(Path.Combine(_directory, "seeds"));
        File.WriteAllText(Path.Combine(_directory, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(_directory, "Directory.Packages.props"), "<Project />");
        File.WriteAllText(Path.Combine(_directory, "Consumer.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <Import Project="{repo}/src/CorpusSdk/buildTransitive/CorpusSdk.props" />
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <RootNamespace>Consumer</RootNamespace>
                <NuGetAudit>false</NuGetAudit>
                <CorpusSdkIndexBuilderPath>{IndexBuilderPath}</CorpusSdkIndexBuilderPath>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{bin}CorpusSdk.dll" />
                <Analyzer Include="{bin}CorpusSdk.Generators.dll" />
              </ItemGroup>
              <Import Project="{repo}/src/CorpusSdk/buildTransitive/CorpusSdk.targets" />
            </Project>
            """);
        File.WriteAllText(Path.Combine(_directory, "Use.cs"), "namespace Consumer; internal static class Use { public static int Count => Corpus.Articles.Count; }\n");
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Fact]
    public void Build_output_names_seed_file_line_and_column_and_fails()
    {
        File.Copy(TestFiles.Fixture("unknown-month.txt"), Path.Combine(_directory, "seeds", "bad.txt"));
        File.Copy(TestFiles.Fixture("invalid-utf8.txt"), Path.Combine(_directory, "seeds", "latin.txt"));
        File.Copy(TestFiles.Fixture("utf16-with-bom.txt"), Path.Combine(_directory, "seeds", "utf16.txt"));
        var (exit, output) = Build();
        Assert.NotEqual(0, exit);
        Assert.Matches(new Regex(@"seeds[/\\]bad\.txt\(3,19\): error CSDK005: 'برمودا' is not a month name"), output);

        // The compiler hands undecodable bytes over as U+FFFD: reported at the byte, no article built.
        string line = File.ReadAllText(TestFiles.Fixture("invalid-utf8.txt"), Encoding.UTF8).Split('\n')[4];
        Assert.Matches(new Regex($@"seeds[/\\]latin\.txt\(5,{line.IndexOf('\uFFFD', StringComparison.Ordinal) + 1}\): error CSDK011"), output);

        // UTF-16 with a byte order mark is read exactly.
        Assert.DoesNotMatch(new Regex(@"utf16\.txt\(\d+,\d+\): (error|warning)"), output);
        Assert.DoesNotContain("CS8785", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Severity_is_configured_with_dotnet_diagnostic_in_a_global_analyzer_config()
    {
        File.Copy(TestFiles.Fixture("unbalanced-quote.txt"), Path.Combine(_directory, "seeds", "quote.txt"));

        var (exit, output) = Build();
        Assert.Equal(0, exit);
        Assert.Matches(new Regex(@"quote\.txt\(5,5\): warning CSDK007"), output);

        // The index went into the assembly as the build step's resource, not into the source.
        using (var pe = new System.Reflection.PortableExecutable.PEReader(File.OpenRead(Path.Combine(_directory, "bin", "Debug", "net10.0", "Consumer.dll"))))
        {
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            Assert.Contains("CorpusSdk.SearchIndex", metadata.ManifestResources.Select(r => metadata.GetString(metadata.GetManifestResource(r).Name)));
        }

        File.WriteAllText(Path.Combine(_directory, ".globalconfig"), "is_global = true\ndotnet_diagnostic.CSDK007.severity = error\n");
        (exit, output) = Build();
        Assert.NotEqual(0, exit);
        Assert.Matches(new Regex(@"quote\.txt\(5,5\): error CSDK007"), output);

        File.WriteAllText(Path.Combine(_directory, ".globalconfig"), "is_global = true\ndotnet_diagnostic.CSDK007.severity = none\n");
        (exit, output) = Build();
        Assert.Equal(0, exit);
        Assert.DoesNotContain("CSDK007", output, StringComparison.Ordinal);
    }

    private (int Exit, string Output) Build()
    {
        var start = new ProcessStartInfo("dotnet", ["build", "--no-incremental", "-nologo", "--disable-build-servers", "-p:UseSharedCompilation=false"])
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (string key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || k == "DOTNET_HOST_PATH").ToList())
        {
            start.Environment.Remove(key);
        }

        using Process process = Process.Start(start)!;
        Task<string> error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "dotnet build did not finish in 5 minutes");
        return (process.ExitCode, output + error.Result);
    }
}
