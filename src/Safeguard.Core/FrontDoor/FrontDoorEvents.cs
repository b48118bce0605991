using Safeguard.Core.Audit;
using Safeguard.Core.Work;

namespace Safeguard.Core.FrontDoor;

// The front door's events: each is written once per child of the contact, on that child's record.

/// <summary>A contact was received. <paramref name="ConcernExcerpt"/>: the start of the concern, as the history shows it.</summary>
public sealed record ContactReceived(Guid ContactId, string Reference, ContactChannel Channel, string ReferrerName,
    string? ReferrerOrganisation, Priority Priority, string ConcernExcerpt) : IEvent
{
    public static string Name => "contact.received";

    public string Describe() =>
        $"Contact {Reference} received from {ReferrerName}{(ReferrerOrganisation is { } org ? $" ({org})" : "")}: {ConcernExcerpt}";

    /// <summary>The first 140 characters of a concern (the whole concern stays on the contact).</summary>
    public static string Excerpt(string text) => Text.Clip.WithMarker(text, 140);
}

/// <summary>A contact was decided (after a manager's confirmation, when one was needed).</summary>
public sealed record ContactDecided(Guid ContactId, string Reference, ScreeningOutcome Outcome) : IEvent
{
    public static string Name => "contact.decided";

    public string Describe() => $"Contact {Reference} decided: {OutcomeText.Of(Outcome)}";
}

/// <summary>No further action was proposed on a child protection concern; a manager must confirm it.</summary>
public sealed record DecisionProposed(Guid ContactId, string Reference) : IEvent
{
    public static string Name => "contact.decision-proposed";

    public string Describe() => $"No further action proposed on child protection concern {Reference}; waiting for a manager to confirm";
}

/// <summary>A manager confirmed a proposal of no further action.</summary>
public sealed record DecisionConfirmed(Guid ContactId, string Reference, Guid ManagerId) : IEvent
{
    public static string Name => "contact.decision-confirmed";

    public string Describe() => $"Manager confirmed no further action on {Reference}";
}

/// <summary>A manager returned a proposal of no further action to be decided again (why: the event's reason).</summary>
public sealed record DecisionReturned(Guid ContactId, string Reference) : IEvent
{
    public static string Name => "contact.decision-returned";

    public string Describe() => $"Manager returned {Reference} to be decided again";
}

/// <summary>A manager changed the priority of an undecided contact (why: the event's reason).</summary>
public sealed record ContactPriorityChanged(Guid ContactId, string Reference, Priority From, Priority To) : IEvent
{
    public static string Name => "contact.priority-changed";

    public string Describe() => $"Priority of {Reference} changed from {From.Words()} to {To.Words()}";
}

/// <summary>The referrer was told the outcome by email.</summary>
public sealed record FeedbackSent(Guid ContactId, string Reference, Guid MessageId, string ToEmail, string Notifier) : IEvent
{
    public static string Name => "feedback.sent";

    public string Describe() => $"Outcome of contact {Reference} sent to {ToEmail} ({Notifier})";
}

/// <summary>The first try to tell the referrer failed (the error is the event's reason); it is tried again.</summary>
public sealed record FeedbackFailed(Guid ContactId, string Reference, Guid MessageId, string ToEmail) : IEvent
{
    public static string Name => "feedback.failed";

    public string Describe() => $"Outcome of contact {Reference} could not be sent to {ToEmail} yet; retrying";
}

/// <summary>The referrer added information to a contact. <paramref name="TextExcerpt"/>: its first 140 characters.</summary>
public sealed record InformationAdded(Guid ContactId, string Reference, Guid InformationId, string? From, string TextExcerpt) : IEvent
{
    public static string Name => "contact.information-added";

    public string Describe() =>
        $"Information added by the referrer{(From is { } name ? $" from {name}" : "")} to contact {Reference}: {TextExcerpt}";
}

/// <summary>The front door read the new information on a contact.</summary>
public sealed record InformationRead(Guid ContactId, string Reference, IReadOnlyList<Guid> InformationIds) : IEvent
{
    public static string Name => "contact.information-read";

    public string Describe() => InformationIds.Count == 1
        ? $"New information on contact {Reference} read by the front door"
        : $"{InformationIds.Count} pieces of new information on contact {Reference} read by the front door";
}

/// <summary>An API key was made for a partner organisation (only its prefix is kept in the event, never the key).</summary>
public sealed record PartnerKeyCreated(Guid KeyId, string Prefix, Guid OrganisationId, string Organisation, string Label) : IEvent
{
    public static string Name => "partner-key.created";

    public string Describe() => $"API key {Prefix} created for {Organisation}: {Label}";
}

/// <summary>A partner's API key was revoked.</summary>
public sealed record PartnerKeyRevoked(Guid KeyId, string Prefix, string Label) : IEvent
{
    public static string Name => "partner-key.revoked";

    public string Describe() => $"API key {Prefix} revoked ({Label})";
}

/// <summary>The worker who holds a child's open case read a new contact about the child.</summary>
public sealed record ContactReadByWorker(Guid ContactId, string Reference, Guid WorkerId) : IEvent
{
    public static string Name => "contact.read-by-worker";

    public string Describe() => $"Contact {Reference} read by the worker who holds the case";
}
