using CorpusSdk.Seeds;

namespace CorpusSdk.Tests;

/// <summary>Every highlighted occurrence of a query over parts, in corpus order: the matcher view of the ranked engine.</summary>
internal static class Occurrences
{
    public static SearchOptions AllParts(SearchMode mode) =>
        new(mode) { Unit = SearchUnit.Part, Sort = SearchSort.CorpusOrder, Top = int.MaxValue };

    public static List<SearchHit> Of(string query, SearchMode mode = SearchMode.Default)
    {
        var hits = new List<SearchHit>();
        using SearchResults results = Corpus.Search(query, AllParts(mode));
        foreach (RankedHit hit in results.Hits)
        {
            foreach (PartHit part in results.GetParts(hit))
            {
                foreach (SearchHit highlight in results.GetHighlights(part))
                {
                    hits.Add(highlight);
                }
            }
        }

        return hits;
    }
}
