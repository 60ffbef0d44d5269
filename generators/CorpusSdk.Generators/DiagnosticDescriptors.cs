using System.Collections.Generic;
using CorpusSdk.Generators.Model;
using Microsoft.CodeAnalysis;

namespace CorpusSdk.Generators;

/// <summary>Every diagnostic the generator reports. IDs are never reused; docs/diagnostics.md has a section per ID.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "CorpusSdk";
    private const string HelpBase = "https://github.com/corpussdk/corpussdk/blob/main/docs/diagnostics.md#";

    public static readonly DiagnosticDescriptor EmptySeed = new(
        DiagnosticIds.EmptySeed, "Seed is empty or unreadable",
        "Seed '{0}' is empty or could not be read: write a title line, a byline and at least one paragraph",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk001");

    public static readonly DiagnosticDescriptor MissingTitle = new(
        DiagnosticIds.MissingTitle, "Seed has no title",
        "The first line of the seed is a byline: put the article's title on a line before it",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk002");

    public static readonly DiagnosticDescriptor MissingByline = new(
        DiagnosticIds.MissingByline, "Seed has no byline",
        "Expected a byline after the title ('كتبه <author> | <day> <month>, <year>' or 'By <author> | 1 October, 2016') but found '{0}'",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk003");

    public static readonly DiagnosticDescriptor MalformedByline = new(
        DiagnosticIds.MalformedByline, "Byline is malformed",
        "The byline cannot be read: {0}",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk004");

    public static readonly DiagnosticDescriptor UnknownMonth = new(
        DiagnosticIds.UnknownMonth, "Unknown month name",
        "'{0}' is not a month name: use an Arabic (أكتوبر), Levantine (تشرين الأول) or English (October) Gregorian month",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk005");

    public static readonly DiagnosticDescriptor InvalidDate = new(
        DiagnosticIds.InvalidDate, "Date does not exist",
        "The date '{0}' does not exist: check the day, month and four-digit year",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk006");

    public static readonly DiagnosticDescriptor UnbalancedQuote = new(
        DiagnosticIds.UnbalancedQuote, "Unbalanced quotation mark",
        "The quotation mark '{0}' has no partner in this block: add the missing mark or remove this one",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk007");

    public static readonly DiagnosticDescriptor MalformedLink = new(
        DiagnosticIds.MalformedLink, "Malformed link markup",
        "Link markup is kept as literal text because {0}: write [text](target)",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk008");

    public static readonly DiagnosticDescriptor DuplicateIdentifier = new(
        DiagnosticIds.DuplicateIdentifier, "Two seeds map to one article identifier",
        "Seed '{0}' is skipped: '{1}' already maps to the identifier '{2}'; rename one of the files",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk009");

    public static readonly DiagnosticDescriptor BidiControl = new(
        DiagnosticIds.BidiControl, "Bidirectional control character",
        "The seed contains the bidirectional control {0}, which can make text display differently from what it is: remove it",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk010");

    public static readonly DiagnosticDescriptor InvalidCharacter = new(
        DiagnosticIds.InvalidCharacter, "Invalid character in seed",
        "The seed contains {0}, {1}: save the file as UTF-8 text",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk011");

    public static readonly DiagnosticDescriptor HijriDate = new(
        DiagnosticIds.HijriDate, "Hijri dates are not supported",
        "The byline date '{0}' is a Hijri date: write the Gregorian date instead",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk012");

    public static readonly DiagnosticDescriptor InvalidSetting = new(
        DiagnosticIds.InvalidSetting, "Invalid CorpusSdk setting",
        "The MSBuild property {0} is '{1}', which is not {3}; '{2}' is used instead",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk013");

    public static readonly DiagnosticDescriptor NoBody = new(
        DiagnosticIds.NoBody, "Seed has no body",
        "Seed '{0}' has no paragraphs after its byline",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk014");

    public static readonly DiagnosticDescriptor ReservedIdentifier = new(
        DiagnosticIds.ReservedIdentifier, "Seed name is reserved",
        "Seed '{0}' is skipped: its identifier '{1}' is used by the class '{2}' itself; rename the file",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk015");

    public static readonly DiagnosticDescriptor TextTooLargeForStrings = new(
        DiagnosticIds.TextTooLargeForStrings, "Corpus text is too large for string literals",
        "The corpus text needs about {0} MiB of string literals, over the compiler's 16 MiB limit (CS8103), so CorpusSdkTextStorage=Strings cannot build it: set <CorpusSdkTextStorage>Utf8</CorpusSdkTextStorage> (or Auto) in the project file",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk016");

    public static readonly DiagnosticDescriptor InvalidTextStorage = new(
        DiagnosticIds.InvalidTextStorage, "Unknown CorpusSdkTextStorage value",
        "The MSBuild property CorpusSdkTextStorage is '{0}': use Auto, Strings or Utf8; Auto is used instead",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk017");

    public static readonly DiagnosticDescriptor UnclosedBracket = new(
        DiagnosticIds.UnclosedBracket, "Link bracket never closed",
        "This '[' is never closed with ']' in its block, so it is kept as literal text: write [text](target) for a link, or close the bracket",
        Category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk018");

    public static readonly DiagnosticDescriptor StaleIndex = new(
        DiagnosticIds.StaleIndex, "Search index built from other seeds",
        "The search index resource was built from other seeds than this compilation's (index content hash {0}, seeds {1}); so the corpus would refuse to search at run time: rebuild, and report it if it persists",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk019");

    public static readonly DiagnosticDescriptor JoinedParagraph = new(
        DiagnosticIds.JoinedParagraph, "Split paragraph joined",
        "This block continues the paragraph that ends on line {0} without final punctuation; they are joined into one paragraph",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk100");

    public static readonly DiagnosticDescriptor PullQuoteInferred = new(
        DiagnosticIds.PullQuoteInferred, "Block read as a pull quote",
        "This block has no final punctuation and restates words of the article, so it is read as a pull quote; start it with '> ' to say so, or '## ' if it is a heading",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk101");

    public static readonly DiagnosticDescriptor HeadingInferred = new(
        DiagnosticIds.HeadingInferred, "Block read as a heading",
        "This block is short, has no final punctuation and restates nothing, so it is read as a section heading; start it with '## ' to say so, or '> ' if it is a pull quote",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk102");

    public static readonly DiagnosticDescriptor Utf8StorageChosen = new(
        DiagnosticIds.Utf8StorageChosen, "Corpus text stored as UTF-8",
        "The corpus text would need about {0} MiB of string literals, over the {1} MiB that CorpusSdkTextStorage=Auto allows, so each article's text is stored as one UTF-8 literal and decoded when the article is first used",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk103");

    public static readonly DiagnosticDescriptor UncertainKind = new(
        DiagnosticIds.UncertainKind, "Block kind is a guess",
        "This block is read as {0}, but {1}",
        Category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk104");

    public static readonly DiagnosticDescriptor InternalError = new(
        DiagnosticIds.InternalError, "CorpusSdk generator failed",
        "CorpusSdk could not process '{0}': {1}. Please report this with the seed attached.",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpBase + "csdk999");

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = Index(
        EmptySeed, MissingTitle, MissingByline, MalformedByline, UnknownMonth, InvalidDate, UnbalancedQuote,
        MalformedLink, DuplicateIdentifier, BidiControl, InvalidCharacter, HijriDate, InvalidSetting, NoBody,
        ReservedIdentifier, TextTooLargeForStrings, InvalidTextStorage, UnclosedBracket, StaleIndex, JoinedParagraph, PullQuoteInferred, HeadingInferred,
        Utf8StorageChosen, UncertainKind, InternalError);

    public static DiagnosticDescriptor Get(string id) => ById[id];

    public static IEnumerable<DiagnosticDescriptor> All => ById.Values;

    private static Dictionary<string, DiagnosticDescriptor> Index(params DiagnosticDescriptor[] descriptors)
    {
        var map = new Dictionary<string, DiagnosticDescriptor>();
        foreach (DiagnosticDescriptor descriptor in descriptors)
        {
            map.Add(descriptor.Id, descriptor);
        }

        return map;
    }
}
