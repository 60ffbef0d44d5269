using System;
using System.Collections.Generic;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace CorpusSdk.Benchmarks;

/// <summary>
/// The peer: Lucene.NET 4.8 with <c>ArabicAnalyzer</c> over an in-memory <see cref="RAMDirectory"/>,
/// one document per title and per block, merged to one segment (the best case for a static corpus).
/// </summary>
internal sealed class LuceneIndex : IDisposable
{
    public const string Field = "text";
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly Dictionary<int, LuceneIndex> Cache = [];

    private readonly RAMDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly ArabicAnalyzer _analyzer;
    private readonly QueryParser _parser;

    public LuceneIndex(ArticleCollection articles)
    {
        _directory = new RAMDirectory();
        _analyzer = new ArabicAnalyzer(Version);
        using (var writer = new IndexWriter(_directory, new IndexWriterConfig(Version, _analyzer) { OpenMode = OpenMode.CREATE }))
        {
            var field = new TextField(Field, string.Empty, Lucene.Net.Documents.Field.Store.NO);
            var document = new Document { field };
            foreach (Article article in articles)
            {
                field.SetStringValue(article.Title.ToString());
                writer.AddDocument(document);
                foreach (Block block in article.Blocks)
                {
                    field.SetStringValue(block.ToString());
                    writer.AddDocument(document);
                }
            }

            writer.ForceMerge(1);
            writer.Commit();
        }

        _reader = DirectoryReader.Open(_directory);
        Searcher = new IndexSearcher(_reader);
        _parser = new QueryParser(Version, Field, _analyzer) { DefaultOperator = Operator.AND };
    }

    public IndexSearcher Searcher { get; }

    /// <summary>
    /// One index per corpus for the whole run (the suite runs in one process): built once, before
    /// measuring, instead of once per benchmark case.
    /// </summary>
    public static LuceneIndex For(int copies)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(copies, out LuceneIndex? index))
            {
                index = new LuceneIndex(Corpora.Articles(copies));
                Cache.Add(copies, index);
            }

            return index;
        }
    }

    public int MaxDoc => _reader.MaxDoc;

    public Query Parse(string query) => _parser.Parse(query);

    /// <summary>Parses and collects every hit: TopDocs with n = the number of documents.</summary>
    public int SearchAll(string query)
    {
        TopDocs top = Searcher.Search(Parse(query), _reader.MaxDoc);
        int checksum = top.TotalHits;
        foreach (ScoreDoc hit in top.ScoreDocs)
        {
            checksum += hit.Doc;
        }

        return checksum;
    }

    /// <summary>Parses and counts the matching documents (no scores kept, no priority queue).</summary>
    public int Count(string query)
    {
        var collector = new TotalHitCountCollector();
        Searcher.Search(Parse(query), collector);
        return collector.TotalHits;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }
}
