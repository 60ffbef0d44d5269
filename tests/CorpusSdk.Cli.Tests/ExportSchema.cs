using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;
using Xunit;

namespace CorpusSdk.Cli.Tests;

/// <summary>docs/corpus-export.schema.json, loaded once (copied next to the tests by the project file).</summary>
internal static class ExportSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(TestData.Path("corpus-export.schema.json"))));

    /// <summary>Asserts that <paramref name="export"/> is valid, listing every failure otherwise.</summary>
    public static void AssertValid(JsonElement export)
    {
        EvaluationResults results = Evaluate(export);
        Assert.True(results.IsValid, "The export does not match docs/corpus-export.schema.json:\n" + Describe(results));
    }

    /// <summary>Evaluates <paramref name="export"/> against the schema, with every error listed.</summary>
    public static EvaluationResults Evaluate(JsonElement export) =>
        Schema.Value.Evaluate(export, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Describe(EvaluationResults results) => string.Join(
        "\n",
        (results.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(error => $"{detail.InstanceLocation}: {error.Value}")));
}

/// <summary>Files the project copies into the test output's TestData folder.</summary>
internal static class TestData
{
    public static string Path(string name)
    {
        string path = System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", name);
        Assert.True(File.Exists(path), $"{path} is missing: the test project copies it at build time.");
        return path;
    }
}
