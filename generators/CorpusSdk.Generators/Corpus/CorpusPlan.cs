using System;
using System.Collections.Generic;
using CorpusSdk.Generators.Model;

namespace CorpusSdk.Generators.Corpus;

/// <summary>One seed that parsed into an article: its ID, the member it asked for, and whether it got it.</summary>
internal readonly record struct PlannedSeed(string Id, string MemberName, string Path, bool Accepted);

/// <summary>
/// The output of the one planning step (<see cref="CorpusPlanner.Plan"/>): every candidate seed in ID order
/// (ordinal, then path), each accepted or not, and the name diagnostics. The accepted seeds, in this
/// order, are <c>Corpus.Articles</c>; the article, corpus and index steps all read this plan.
/// </summary>
internal sealed record CorpusPlan(EquatableArray<PlannedSeed> Seeds, EquatableArray<SeedDiagnostic> Diagnostics)
{
    /// <summary>The accepted seeds, in article order.</summary>
    public IEnumerable<PlannedSeed> Accepted
    {
        get
        {
            foreach (PlannedSeed seed in Seeds)
            {
                if (seed.Accepted)
                {
                    yield return seed;
                }
            }
        }
    }

    /// <summary>Whether the seed with this ID and path got its member (binary search: the seeds are sorted by ID, then path).</summary>
    public bool IsAccepted(string id, string path)
    {
        ReadOnlySpan<PlannedSeed> seeds = Seeds.AsSpan();
        int low = 0;
        int high = seeds.Length;
        while (low < high)
        {
            int middle = low + ((high - low) / 2);
            if (Compare(seeds[middle].Id, seeds[middle].Path, id, path) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        // The same file listed twice: accepted when any of its entries is.
        for (int i = low; i < seeds.Length && Compare(seeds[i].Id, seeds[i].Path, id, path) == 0; i++)
        {
            if (seeds[i].Accepted)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The plan's order: ordinal by ID, then by path.</summary>
    public static int Compare(string idA, string pathA, string idB, string pathB)
    {
        int order = string.CompareOrdinal(idA, idB);
        return order != 0 ? order : string.CompareOrdinal(pathA, pathB);
    }
}
