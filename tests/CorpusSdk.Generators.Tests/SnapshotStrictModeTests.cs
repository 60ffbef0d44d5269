using Snapshooter;
using Snapshooter.Xunit;

namespace CorpusSdk.Generators.Tests;

public sealed class SnapshotStrictModeTests
{
    [Fact]
    public void A_missing_snapshot_fails_unless_strict_mode_was_turned_off_by_the_caller()
    {
        // A snapshot in a temporary folder: whatever happens, nothing is written into the repository.
        string folder = Directory.CreateTempSubdirectory("corpussdk-snapshot-").FullName;
        try
        {
            var name = new SnapshotFullName("Missing.cs", folder);
            string snapshot = Path.Combine(folder, "__snapshots__", "Missing.cs");
            if (string.Equals(SnapshotStrictMode.Requested, "false", StringComparison.OrdinalIgnoreCase))
            {
                // Accepting new snapshots (the documented switch): the snapshot is written.
                Snapshot.Match("// new", name);
                Assert.True(File.Exists(snapshot));
            }
            else
            {
                Assert.Throws<Snapshooter.Exceptions.SnapshotNotFoundException>(() => Snapshot.Match("// new", name));
                Assert.False(File.Exists(snapshot));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
