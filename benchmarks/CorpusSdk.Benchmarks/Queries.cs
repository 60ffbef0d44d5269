using System;

namespace CorpusSdk.Benchmarks;

/// <summary>The benchmark queries, each in our syntax, Lucene's and as the strings a naive scan looks for.</summary>
internal static class Queries
{
    public const string Term = "Term";
    public const string RareTerm = "RareTerm";
    public const string Phrase = "Phrase";
    public const string Prefix = "Prefix";
    public const string AllTerms = "AllTerms";
    public const string Miss = "Miss";

    public static readonly string[] Names = [Term, RareTerm, Phrase, Prefix, AllTerms, Miss];

    /// <summary>The query in CorpusSdk's syntax (identical to Lucene's classic QueryParser syntax here).</summary>
    public static string Text(string name) => name switch
    {
        // 16 times in the real seed, as كيري alone (title, headings, paragraphs).
        Term => "كيري",
        // Once in the real seed, as ولافروف (with the conjunction و).
        RareTerm => "لافروف",
        // 4 times: الولايات المتحدة.
        Phrase => "\"الولايات المتحدة\"",
        // تسريبات, التسريبات, تسريب…
        Prefix => "تسريب*",
        // Both words in the same block (or title).
        AllTerms => "كيري روسيا",
        // Not in the corpus in any form.
        Miss => "بيتزا",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown query."),
    };

    /// <summary>What a naive ordinal scan looks for: every string must occur in a part; occurrences are counted.</summary>
    public static string[] ScanStrings(string name) => name switch
    {
        Term => ["كيري"],
        RareTerm => ["لافروف"],
        Phrase => ["الولايات المتحدة"],
        Prefix => ["تسريب"],
        AllTerms => ["كيري", "روسيا"],
        Miss => ["بيتزا"],
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown query."),
    };
}
