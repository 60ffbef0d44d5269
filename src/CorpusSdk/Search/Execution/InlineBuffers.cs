using System.Runtime.CompilerServices;
using CorpusSdk.Analysis;

namespace CorpusSdk.Search.Execution;

// Fixed-size scratch as locals instead of stackalloc: a method with a loop and a stackalloc cannot start at tier 0
// with on-stack replacement, so the JIT compiled it fully optimized on first call (QueryPlanner.Words alone cost
// the first query several milliseconds).

/// <summary>One word's characters after analysis.</summary>
[InlineArray(WordBreaker.MaxWordLength)]
internal struct WordChars
{
    private char _first;
}

/// <summary>One word's UTF-8 (three bytes a character at most).</summary>
[InlineArray(WordBreaker.MaxWordLength * 3)]
internal struct WordBytes
{
    private byte _first;
}

/// <summary>One word's term candidates.</summary>
[InlineArray(TextAnalyzer.MaxTerms)]
internal struct TermCandidates
{
    private LightStemmer.Candidate _first;
}

/// <summary>Clause numbers of a pruned AND (one more than the clauses, for an end mark).</summary>
[InlineArray(Evaluator.MaxClauses + 1)]
internal struct ClauseInts
{
    private int _first;
}

/// <summary>Per-clause floats of a pruned AND (one more than the clauses).</summary>
[InlineArray(Evaluator.MaxClauses + 1)]
internal struct ClauseFloats
{
    private float _first;
}

/// <summary>Per-word numbers of a phrase (one more than the words, for an end mark).</summary>
[InlineArray(Evaluator.MaxPhraseWords + 1)]
internal struct PhraseInts
{
    private int _first;
}
