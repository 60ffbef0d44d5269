namespace CorpusSdk.Net8Tests;

/// <summary>These tests must really run on .NET 8, not roll forward to the machine's newer runtime.</summary>
public sealed class RuntimeVersionTests
{
    [Fact]
    public void Runs_on_dotnet_8() => Assert.Equal(8, Environment.Version.Major);
}
