namespace Safeguard.Core.FrontDoor;

/// <summary>The words people see for a contact's status, how it came in and its outcome. Pages, emails and
/// summaries use these; the enum names never reach a page.</summary>
public static class ContactWords
{
    public static string Words(this ContactStatus status) => status switch
    {
        ContactStatus.AwaitingDecision => "Awaiting decision",
        ContactStatus.AwaitingManagerConfirmation => "Awaiting manager confirmation",
        ContactStatus.Decided => "Decided",
        _ => "Unknown",
    };

    public static string Words(this ContactChannel channel) => channel switch
    {
        ContactChannel.FrontDoor => "Front door",
        ContactChannel.PartnerPage => "Partner web page",
        ContactChannel.PartnerApi => "Partner system (API)",
        ContactChannel.Imported => "Imported from a previous system",
        _ => "Unknown",
    };

    /// <summary>The outcome as a label, e.g. in a table: "Strategy discussion now". In a sentence use <see cref="OutcomeText.Of"/>.</summary>
    public static string Words(this ScreeningOutcome outcome) => Capitalise(OutcomeText.Of(outcome));

    /// <summary>The outcome, or "Not yet decided".</summary>
    public static string Words(this ScreeningOutcome? outcome) => outcome is { } o ? o.Words() : "Not yet decided";

    internal static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
