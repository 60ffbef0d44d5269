using System;

namespace CorpusSdk.Search.Query;

/// <summary>The kinds of query syntax.</summary>
internal enum SyntaxKind : byte
{
    /// <summary>A word (which analysis may split into several adjacent words).</summary>
    Word,

    /// <summary>A word ending in <c>*</c>; the range excludes the star.</summary>
    Prefix,

    /// <summary>A quoted phrase; the range is the text between the quotes.</summary>
    Phrase,

    /// <summary>Clauses that must all match.</summary>
    And,

    /// <summary>Clauses of which one must match.</summary>
    Or,

    /// <summary>An excluded clause (its one child).</summary>
    Not,
}

/// <summary>One node of a parsed query: a range of the query text and its children as a linked list.</summary>
internal struct SyntaxNode
{
    public SyntaxKind Kind;
    public int Start;
    public int Length;
    public int FirstChild;
    public int NextSibling;
    public int ChildCount;
}

/// <summary>
/// Reads the query language (docs/search.md): words (all must match), <c>"phrase"</c> (or “…”),
/// <c>prefix*</c>, <c>OR</c> (binds tighter than the implicit AND), <c>-</c> before a word, phrase or
/// group to exclude it, and parentheses. Never allocates: nodes go into the caller's buffer. What the
/// query cannot mean is a <see cref="QueryError"/> with its position.
/// </summary>
internal ref struct QueryParser
{
    private readonly ReadOnlySpan<char> _query;
    private readonly SyntaxBuffer _nodes;
    private int _position;
    private QueryError _error;

    private QueryParser(ReadOnlySpan<char> query, SyntaxBuffer nodes)
    {
        _query = query;
        _nodes = nodes;
        _position = 0;
        _error = default;
    }

    /// <summary>Parses <paramref name="query"/> into <paramref name="nodes"/>; returns the root (-1 for an empty query) or an error.</summary>
    public static int Parse(ReadOnlySpan<char> query, SyntaxBuffer nodes, out QueryError error)
    {
        nodes.Clear();
        var parser = new QueryParser(query, nodes);
        int root = parser.Sequence(0);
        if (parser._error.Kind == QueryErrorKind.None && parser._position < query.Length)
        {
            // Sequence stops only at the end or at a ')' that closes nothing.
            parser.Fail(QueryErrorKind.UnexpectedClosingParenthesis, parser._position, 1);
        }

        if (parser._error.Kind == QueryErrorKind.None && nodes.Count > QueryError.MaxClauses + 1)
        {
            parser.Fail(QueryErrorKind.TooManyClauses, 0, query.Length);
        }

        error = parser._error;
        return error.Kind == QueryErrorKind.None ? root : -1;
    }

    private static bool IsQuote(char c) => c is '"' or '\u201C' or '\u201D';

    private static bool EndsWord(char c) => char.IsWhiteSpace(c) || c is '(' or ')' || IsQuote(c);

    private void Fail(QueryErrorKind kind, int position, int length)
    {
        if (_error.Kind == QueryErrorKind.None)
        {
            _error = new QueryError(kind, position, Math.Max(length, 0));
        }
    }

    private void SkipSpace()
    {
        while (_position < _query.Length && char.IsWhiteSpace(_query[_position]))
        {
            _position++;
        }
    }

    private bool AtOr()
    {
        int end = _position + 2;
        return end <= _query.Length && _query[_position] == 'O' && _query[_position + 1] == 'R' && (end == _query.Length || EndsWord(_query[end]));
    }

    /// <summary>Clauses joined by the implicit AND, up to the end or a ')'.</summary>
    private int Sequence(int depth)
    {
        int start = _position;
        int node = _nodes.Add(SyntaxKind.And, start, 0);
        int last = -1;
        int positives = 0;
        int firstNot = -1;
        while (_error.Kind == QueryErrorKind.None)
        {
            SkipSpace();
            if (_position >= _query.Length || _query[_position] == ')')
            {
                break;
            }

            int clause = Disjunction(depth);
            if (clause < 0)
            {
                break;
            }

            if (_nodes[clause].Kind == SyntaxKind.Not)
            {
                firstNot = firstNot < 0 ? clause : firstNot;
            }
            else
            {
                positives++;
            }

            _nodes.Append(node, ref last, clause);
        }

        if (_error.Kind == QueryErrorKind.None && positives == 0 && firstNot >= 0)
        {
            Fail(QueryErrorKind.OnlyExclusions, _nodes[firstNot].Start, _nodes[firstNot].Length);
        }

        _nodes.SetLength(node, _position - start);
        return node;
    }

    /// <summary>Unary clauses joined by OR.</summary>
    private int Disjunction(int depth)
    {
        if (AtOr())
        {
            Fail(QueryErrorKind.MissingOperand, _position, 2);
            return -1;
        }

        int first = Unary(depth);
        if (first < 0)
        {
            return -1;
        }

        SkipSpace();
        if (!AtOr())
        {
            return first;
        }

        int node = _nodes.Add(SyntaxKind.Or, _nodes[first].Start, 0);
        int last = -1;
        _nodes.Append(node, ref last, first);
        if (_nodes[first].Kind == SyntaxKind.Not)
        {
            Fail(QueryErrorKind.ExclusionInOr, _nodes[first].Start, _nodes[first].Length);
            return -1;
        }

        while (AtOr())
        {
            int or = _position;
            _position += 2;
            SkipSpace();
            if (_position >= _query.Length || _query[_position] == ')' || AtOr())
            {
                Fail(QueryErrorKind.MissingOperand, or, 2);
                return -1;
            }

            int operand = Unary(depth);
            if (operand < 0)
            {
                return -1;
            }

            if (_nodes[operand].Kind == SyntaxKind.Not)
            {
                Fail(QueryErrorKind.ExclusionInOr, _nodes[operand].Start, _nodes[operand].Length);
                return -1;
            }

            _nodes.Append(node, ref last, operand);
            SkipSpace();
        }

        _nodes.SetLength(node, _position - _nodes[node].Start);
        return node;
    }

    private int Unary(int depth)
    {
        if (_query[_position] != '-')
        {
            return Atom(depth);
        }

        int minus = _position;
        _position++;
        if (_position >= _query.Length || char.IsWhiteSpace(_query[_position]) || _query[_position] is ')' or '-')
        {
            Fail(QueryErrorKind.DanglingExclusion, minus, 1);
            return -1;
        }

        int child = Atom(depth);
        if (child < 0)
        {
            return -1;
        }

        int node = _nodes.Add(SyntaxKind.Not, minus, _position - minus);
        int last = -1;
        _nodes.Append(node, ref last, child);
        return node;
    }

    private int Atom(int depth)
    {
        char c = _query[_position];
        if (c == '(')
        {
            int open = _position;
            if (depth + 1 > QueryError.MaxDepth)
            {
                Fail(QueryErrorKind.TooDeep, open, 1);
                return -1;
            }

            _position++;
            int group = Sequence(depth + 1);
            if (_error.Kind != QueryErrorKind.None)
            {
                return -1;
            }

            if (_position >= _query.Length)
            {
                Fail(QueryErrorKind.UnclosedParenthesis, open, 1);
                return -1;
            }

            _position++; // ')'
            if (_nodes[group].ChildCount == 0)
            {
                Fail(QueryErrorKind.Empty, open, _position - open);
                return -1;
            }

            return group;
        }

        if (IsQuote(c))
        {
            int open = _position;
            int close = _query.Slice(open + 1).IndexOfAny('"', '\u201D');
            if (close < 0)
            {
                Fail(QueryErrorKind.UnclosedQuote, open, 1);
                return -1;
            }

            ReadOnlySpan<char> content = _query.Slice(open + 1, close);
            _position = open + close + 2;
            int star = content.IndexOf('*');
            if (star >= 0)
            {
                Fail(QueryErrorKind.MisplacedWildcard, open + 1 + star, 1);
                return -1;
            }

            int cursor = 0;
            if (!Analysis.WordBreaker.Next(content, ref cursor, out _, out _))
            {
                Fail(QueryErrorKind.Empty, open, _position - open);
                return -1;
            }

            return _nodes.Add(SyntaxKind.Phrase, open + 1, close);
        }

        int start = _position;
        while (_position < _query.Length && !EndsWord(_query[_position]))
        {
            _position++;
        }

        ReadOnlySpan<char> word = _query.Slice(start, _position - start);
        int wildcard = word.IndexOf('*');
        if (wildcard < 0)
        {
            return _nodes.Add(SyntaxKind.Word, start, word.Length);
        }

        if (wildcard != word.Length - 1 || wildcard == 0)
        {
            Fail(QueryErrorKind.MisplacedWildcard, start + wildcard, 1);
            return -1;
        }

        return _nodes.Add(SyntaxKind.Prefix, start, word.Length - 1);
    }
}

/// <summary>A growable array of syntax nodes, reused across queries (no allocation once grown).</summary>
internal sealed class SyntaxBuffer
{
    private SyntaxNode[] _items = new SyntaxNode[32];

    public int Count { get; private set; }

    public ref SyntaxNode this[int index] => ref _items[index];

    public void Clear() => Count = 0;

    public int Add(SyntaxKind kind, int start, int length)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[Count] = new SyntaxNode { Kind = kind, Start = start, Length = length, FirstChild = -1, NextSibling = -1 };
        return Count++;
    }

    /// <summary>Appends <paramref name="child"/> to <paramref name="parent"/>'s children; <paramref name="last"/> tracks the last child.</summary>
    public void Append(int parent, ref int last, int child)
    {
        if (last < 0)
        {
            _items[parent].FirstChild = child;
        }
        else
        {
            _items[last].NextSibling = child;
        }

        _items[parent].ChildCount++;
        last = child;
    }

    public void SetLength(int node, int length) => _items[node].Length = length;
}
