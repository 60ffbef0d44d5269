using System.Collections.Generic;
using System.Collections.Immutable;
using CorpusSdk.Generators.Emit;
using CorpusSdk.Generators.Model;
using CorpusSdk.Generators.Search;

namespace CorpusSdk.Generators.Corpus;

// What each source output receives: values only (records of strings, bools and EquatableArray), built
// from the one plan, so an output re-runs only when its model changes.

/// <summary>What the per-article output step needs; null <see cref="Article"/> means emit nothing.</summary>
internal sealed record ArticleOutput(ArticleSpec? Article, string MemberName, string Namespace, string ClassName, bool Utf8)
{
    /// <summary>One seed's model: its article when the plan accepted it, else nothing to emit.</summary>
    public static ArticleOutput Create(SeedResult seed, CorpusPlan plan, CorpusSettings settings, bool utf8)
    {
        bool accepted = seed.Article is not null && plan.IsAccepted(seed.Id, seed.Path);
        return new ArticleOutput(accepted ? seed.Article : null, seed.MemberName, settings.Namespace, settings.ClassName, utf8);
    }
}

/// <summary>What the corpus-wide output step needs: the accepted entries in article order and the content hash.</summary>
internal sealed record CorpusOutput(EquatableArray<CorpusEntry> Entries, string ContentHash, string Namespace, string ClassName)
{
    /// <summary>The plan's accepted seeds with their content hashes (from <paramref name="candidates"/>, by path).</summary>
    public static CorpusOutput Create(CorpusPlan plan, ImmutableArray<CorpusEntry> candidates, CorpusSettings settings)
    {
        var byPath = new Dictionary<string, CorpusEntry>(System.StringComparer.Ordinal);
        foreach (CorpusEntry candidate in candidates)
        {
            if (!byPath.ContainsKey(candidate.Path))
            {
                byPath.Add(candidate.Path, candidate);
            }
        }

        var entries = new List<CorpusEntry>();
        foreach (PlannedSeed seed in plan.Accepted)
        {
            entries.Add(byPath[seed.Path]);
        }

        return new CorpusOutput(entries.ToEquatableArray(), CorpusPlanner.ContentHash(entries), settings.Namespace, settings.ClassName);
    }
}

/// <summary>The index merge's input: the accepted articles' index models and member names, in article order.</summary>
internal sealed record IndexOutput(EquatableArray<ArticleIndexSpec> Articles, EquatableArray<string> MemberNames, string Namespace, string ClassName)
{
    /// <summary>The index's manifest resource (<see cref="CorpusSettings.IndexResource"/>), or empty: the index is emitted as source.</summary>
    public string IndexResource { get; init; } = string.Empty;

    /// <summary><see cref="CorpusSettings.PairMinArticles"/>.</summary>
    public int PairMinArticles { get; init; } = Search.CorpusIndexBuilder.DefaultPairMinArticles;

    /// <summary><see cref="CorpusSettings.SearchModes"/>.</summary>
    public int SearchModes { get; init; } = Search.CorpusIndex.AllModes;

    /// <summary>Orders the per-article index models (by path) as the plan orders the articles.</summary>
    public static IndexOutput Create(ImmutableArray<ArticleIndexSpec> articles, CorpusPlan plan, CorpusSettings settings)
    {
        var byPath = new Dictionary<string, ArticleIndexSpec>(System.StringComparer.Ordinal);
        foreach (ArticleIndexSpec article in articles)
        {
            if (!byPath.ContainsKey(article.Path))
            {
                byPath.Add(article.Path, article);
            }
        }

        var ordered = new List<ArticleIndexSpec>();
        var members = new List<string>();
        foreach (PlannedSeed seed in plan.Accepted)
        {
            if (settings.IndexResource.Length == 0)
            {
                ordered.Add(byPath[seed.Path]);
            }

            members.Add(seed.MemberName);
        }

        return new IndexOutput(ordered.ToEquatableArray(), members.ToEquatableArray(), settings.Namespace, settings.ClassName) { IndexResource = settings.IndexResource, PairMinArticles = settings.PairMinArticles, SearchModes = settings.SearchModes };
    }
}
