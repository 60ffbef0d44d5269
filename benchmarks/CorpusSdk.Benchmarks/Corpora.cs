using System;
using Seeds = CorpusSdk.Seeds;
using Copies1000 = CorpusSdk.Benchmarks.Corpus1000;

namespace CorpusSdk.Benchmarks;

/// <summary>
/// The two compiled corpora, reached through their generated entry points (<c>Corpus.Count</c>,
/// <c>Corpus.Search</c>): the real seed (CorpusSdk.Seeds) and 1,000 copies of it.
/// </summary>
internal static class Corpora
{
    public static ArticleCollection Articles(int copies) => copies switch
    {
        1 => Seeds.Corpus.Articles,
        1000 => Copies1000.Corpus.Articles,
        _ => throw new ArgumentOutOfRangeException(nameof(copies), copies, "1 or 1000."),
    };

    /// <summary><c>Corpus.Count(query)</c>.</summary>
    public static int Count(int copies, string query) => copies == 1 ? Seeds.Corpus.Count(query) : Copies1000.Corpus.Count(query);

    /// <summary>Enumerates every hit of <c>Corpus.Search(query)</c>, reading all its fields.</summary>
    public static int Enumerate(int copies, string query) => copies == 1 ? EnumerateSeed(query) : Enumerate1000(query);

    /// <summary>The first hit of <c>Corpus.Search(query)</c> only (-1 when none).</summary>
    public static int First(int copies, string query) => copies == 1 ? FirstSeed(query) : First1000(query);

    private static int FirstSeed(string query)
    {
        foreach (SearchHit hit in Seeds.Corpus.Search(query))
        {
            return hit.Start;
        }

        return -1;
    }

    private static int First1000(string query)
    {
        foreach (SearchHit hit in Copies1000.Corpus.Search(query))
        {
            return hit.Start;
        }

        return -1;
    }

    private static int EnumerateSeed(string query)
    {
        int checksum = 0;
        foreach (SearchHit hit in Seeds.Corpus.Search(query))
        {
            checksum += hit.ArticleIndex + hit.BlockIndex + hit.Start + hit.Length;
        }

        return checksum;
    }

    private static int Enumerate1000(string query)
    {
        int checksum = 0;
        foreach (SearchHit hit in Copies1000.Corpus.Search(query))
        {
            checksum += hit.ArticleIndex + hit.BlockIndex + hit.Start + hit.Length;
        }

        return checksum;
    }

    /// <summary>Hits of <c>Corpus.Search(query)</c>, counted by enumeration.</summary>
    public static int HitCount(int copies, string query)
    {
        int hits = 0;
        if (copies == 1)
        {
            foreach (SearchHit hit in Seeds.Corpus.Search(query))
            {
                hits++;
            }
        }
        else
        {
            foreach (SearchHit hit in Copies1000.Corpus.Search(query))
            {
                hits++;
            }
        }

        return hits;
    }
}
