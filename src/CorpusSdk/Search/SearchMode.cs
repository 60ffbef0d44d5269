namespace CorpusSdk;

/// <summary>How query words and corpus words are compared. See docs/search.md.</summary>
public enum SearchMode
{
    /// <summary>
    /// CorpusSdk's Arabic analysis: normalised words, clitic prefixes and light suffixes removed only
    /// where the corpus shows the stem is real. Finds what Lucene finds without truncating names or
    /// merging unrelated words.
    /// </summary>
    Default = 0,

    /// <summary>Words compared ordinally as written (diacritics, hamza forms and case matter).</summary>
    Exact = 1,

    /// <summary>Words compared after normalisation (digits, tatweel, harakat, alef forms, ى, ة, Latin case), without stemming.</summary>
    Normalized = 2,

    /// <summary>Lucene 4.8 <c>ArabicAnalyzer</c> (Elasticsearch/OpenSearch <c>arabic</c>) token for token, quirks included.</summary>
    LuceneCompatible = 3,
}
