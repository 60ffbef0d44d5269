namespace CorpusSdk.Generators.Model;

/// <summary>Diagnostic IDs, shared by the plain parser and the Roslyn descriptors. Never reuse an ID.</summary>
internal static class DiagnosticIds
{
    public const string EmptySeed = "CSDK001";
    public const string MissingTitle = "CSDK002";
    public const string MissingByline = "CSDK003";
    public const string MalformedByline = "CSDK004";
    public const string UnknownMonth = "CSDK005";
    public const string InvalidDate = "CSDK006";
    public const string UnbalancedQuote = "CSDK007";
    public const string MalformedLink = "CSDK008";
    public const string DuplicateIdentifier = "CSDK009";
    public const string BidiControl = "CSDK010";
    public const string InvalidCharacter = "CSDK011";
    public const string HijriDate = "CSDK012";
    public const string InvalidSetting = "CSDK013";
    public const string NoBody = "CSDK014";
    public const string ReservedIdentifier = "CSDK015";
    public const string TextTooLargeForStrings = "CSDK016";
    public const string InvalidTextStorage = "CSDK017";
    public const string UnclosedBracket = "CSDK018";
    public const string StaleIndex = "CSDK019";
    public const string JoinedParagraph = "CSDK100";
    public const string PullQuoteInferred = "CSDK101";
    public const string HeadingInferred = "CSDK102";
    public const string Utf8StorageChosen = "CSDK103";
    public const string UncertainKind = "CSDK104";
    public const string InternalError = "CSDK999";
}
