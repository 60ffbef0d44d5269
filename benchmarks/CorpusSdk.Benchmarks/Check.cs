using System;
using System.Diagnostics;

namespace CorpusSdk.Benchmarks;

/// <summary>What each engine finds for each benchmark query, so the timings can be read per hit.</summary>
internal static class Check
{
    public static int Run()
    {
        Console.WriteLine("| corpus | query | ours: hits (words) | Lucene: documents (parts) | naive: occurrences | Lucene index build |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
        int status = 0;
        foreach (int copies in new[] { 1, 1000 })
        {
            ArticleCollection articles = Corpora.Articles(copies);
            var clock = Stopwatch.StartNew();
            using var lucene = new LuceneIndex(articles);
            double build = clock.Elapsed.TotalMilliseconds;
            foreach (string name in Queries.Names)
            {
                string query = Queries.Text(name);
                int count = Corpora.Count(copies, query);
                int enumerated = Corpora.HitCount(copies, query);
                if (count != enumerated)
                {
                    Console.Error.WriteLine($"{name}: Count {count} but {enumerated} hits enumerated.");
                    status = 1;
                }

                Console.WriteLine($"| {Report.CorpusName(copies)} | {name} `{query}` | {count:N0} | {lucene.Count(query):N0} of {lucene.MaxDoc:N0} | {NaiveScan.Count(articles, Queries.ScanStrings(name)):N0} | {build:F0} ms |");
            }
        }

        return status;
    }
}
