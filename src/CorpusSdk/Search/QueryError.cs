namespace CorpusSdk;

/// <summary>What makes a query impossible to read. See docs/search.md ("Query language").</summary>
public enum QueryErrorKind
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>A <c>"</c> (or “) has no closing quote.</summary>
    UnclosedQuote,

    /// <summary>A <c>(</c> has no closing <c>)</c>.</summary>
    UnclosedParenthesis,

    /// <summary>A <c>)</c> closes nothing.</summary>
    UnexpectedClosingParenthesis,

    /// <summary><c>()</c> or <c>""</c>: a group or phrase with no word in it.</summary>
    Empty,

    /// <summary><c>OR</c> without a clause on both sides.</summary>
    MissingOperand,

    /// <summary>A <c>-</c> not followed by a word, phrase or group.</summary>
    DanglingExclusion,

    /// <summary>An exclusion as an operand of <c>OR</c> (<c>a OR -b</c>): it cannot say what to find.</summary>
    ExclusionInOr,

    /// <summary>A query or group with only exclusions: nothing says what to find.</summary>
    OnlyExclusions,

    /// <summary>A <c>*</c> with nothing before it, inside a word, or inside a phrase.</summary>
    MisplacedWildcard,

    /// <summary>Groups nested deeper than <see cref="QueryError.MaxDepth"/>.</summary>
    TooDeep,

    /// <summary>More than <see cref="QueryError.MaxClauses"/> words, phrases and groups.</summary>
    TooManyClauses,
}

/// <summary>
/// Why a query cannot be run, and where: <see cref="Position"/> and <see cref="Length"/> locate the
/// offending characters of the query. Creating one does not allocate.
/// </summary>
public readonly record struct QueryError(QueryErrorKind Kind, int Position, int Length)
{
    /// <summary>How deep parentheses may nest.</summary>
    public const int MaxDepth = 16;

    /// <summary>How many words, phrases and groups one query may have.</summary>
    public const int MaxClauses = 256;

    /// <summary>A sentence that says what is wrong and how to fix it (a constant string: no allocation).</summary>
    public string Message => Kind switch
    {
        QueryErrorKind.UnclosedQuote => "This quotation mark is never closed; close the phrase with another \".",
        QueryErrorKind.UnclosedParenthesis => "This ( is never closed; add a ).",
        QueryErrorKind.UnexpectedClosingParenthesis => "This ) closes no (; remove it or add a ( before it.",
        QueryErrorKind.Empty => "Nothing inside; put a word in it or remove it.",
        QueryErrorKind.MissingOperand => "OR needs a word, phrase or group on both sides (write 'or' in lower case to search for the word).",
        QueryErrorKind.DanglingExclusion => "A - must be followed, without a space, by the word, phrase or group to exclude.",
        QueryErrorKind.ExclusionInOr => "An excluded word cannot be an operand of OR; put it outside the OR.",
        QueryErrorKind.OnlyExclusions => "Only exclusions here: say what to find as well as what to leave out.",
        QueryErrorKind.MisplacedWildcard => "A * is allowed only at the end of a word outside phrases, after at least one letter (prefix*).",
        QueryErrorKind.TooDeep => "Parentheses nest too deeply (at most 16 levels).",
        QueryErrorKind.TooManyClauses => "Too many words (at most 256 words, phrases and groups).",
        _ => "No error.",
    };

    /// <summary>"position N: message" (allocates).</summary>
    public override string ToString() => "position " + Position.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + Message;
}
