using System;

namespace CorpusSdk.Benchmarks;

/// <summary>
/// The query classes of issue 10, item 9, in our syntax, over the synthetic corpora (the real seed's words:
/// every Arabic word is in at least half of the articles, so "middling" is the least frequent word and
/// "rare" a number that a few articles hold). Lucene's equivalent is built from the same analysis (<see cref="LuceneIndex.Build"/>).
/// </summary>
internal static class Queries
{
    public const string Frequent = "Frequent";
    public const string Middling = "Middling";
    public const string Rare = "Rare";
    public const string Phrase = "Phrase";
    public const string And = "And";
    public const string Or = "Or";
    public const string Prefix = "Prefix";
    public const string Exclusion = "Exclusion";
    public const string Miss = "Miss";

    public static readonly string[] Names = [Frequent, Middling, Rare, Phrase, And, Or, Prefix, Exclusion, Miss];

    /// <summary>The query in CorpusSdk's syntax (docs/search.md).</summary>
    public static string Text(string name) => name switch
    {
        // In every article.
        Frequent => "كيري",
        // The least frequent Arabic word of the vocabulary: about half the articles, one block in 20.
        Middling => "تطالب",
        // A number: 4 of the first 1,000 articles.
        Rare => "2132",
        // Two frequent words, next to each other.
        Phrase => "\"كيري المعارضة\"",
        // Both words (in the article).
        And => "روسيا تطالب",
        // Either word.
        Or => "تطالب OR انخراط",
        // التسريبات, تسريبات… (Lucene's stems تسريب…).
        Prefix => "تسريب*",
        // The frequent word without a frequent one.
        Exclusion => "كيري -روسيا",
        // Not in the corpus in any form.
        Miss => "بيتزا",
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown query."),
    };
}
