using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace CorpusSdk.Benchmarks;

/// <summary>What each engine answers for each query class: both must count the same articles, and rank the same top 10.</summary>
internal static class Check
{
    public static int Run()
    {
        Console.WriteLine("| articles | query | ours: matching articles | Lucene: matching documents | same top 10 | Lucene index build |");
        Console.WriteLine("| ---: | --- | ---: | ---: | --- | ---: |");
        int status = 0;
        foreach (int size in Corpora.Sizes)
        {
            var clock = Stopwatch.StartNew();
            LuceneIndex lucene = LuceneIndex.For(size);
            double build = clock.Elapsed.TotalMilliseconds;
            foreach (string name in Queries.Names)
            {
                string query = Queries.Text(name);
                int count = Corpora.Count(size, query);
                int luceneCount = lucene.Count(LuceneIndex.Build(name));
                List<int> ours = Top10(size, query);
                List<int> theirs = lucene.Top10Ids(LuceneIndex.Build(name));
                bool same = ours.SequenceEqual(theirs);
                if (count != luceneCount || (!same && name != Queries.Prefix))
                {
                    status = 1; // a prefix is scored differently (Lucene: constant score), the others must agree
                }

                Console.WriteLine($"| {size:N0} | {name} `{query}` | {count:N0} | {luceneCount:N0} | {(same ? "yes" : "no: " + string.Join(",", ours) + " vs " + string.Join(",", theirs))} | {build:F0} ms |");
            }
        }

        return status;
    }

    private static List<int> Top10(int size, string query)
    {
        using SearchResults results = Corpora.Engine(size).Search(query, Corpora.Options);
        var ids = new List<int>();
        foreach (RankedHit hit in results.Hits)
        {
            ids.Add(hit.ArticleIndex);
        }

        return ids;
    }
}
