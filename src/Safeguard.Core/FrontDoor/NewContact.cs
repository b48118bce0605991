using Safeguard.Core.People;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// A child as the contact describes them, and how the worker chose to link them (<see cref="LinkChoice"/>): a known
/// person, a new record, or not chosen (the person index decides, only on decisive evidence).
/// </summary>
public sealed record NewChild(
    LinkChoice Link,
    string GivenName,
    string FamilyName,
    DateOnly? DateOfBirth,
    DateOnly? ExpectedDateOfBirth,
    Sex Sex,
    string? NhsNumber,
    string? AddressLine1,
    string? Town,
    string? Postcode,
    string? School)
{
    /// <summary>
    /// What the referrer or worker typed, when the fields above were filled in from the chosen record instead; null means
    /// the fields above are what was sent. Kept on the contact child so a wrong link can be seen.
    /// </summary>
    public ChildAsSent? Sent { get; init; }

    /// <summary>What was sent about this child.</summary>
    public ChildAsSent AsSent => Sent ?? ChildAsSent.From(this);
}

/// <summary>A child's particulars exactly as the referrer sent them (trimmed), before any link to the person index.</summary>
public sealed record ChildAsSent(string? GivenName, string? FamilyName, DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth,
    string? NhsNumber, string? AddressLine1, string? Town, string? Postcode, string? School)
{
    public static ChildAsSent From(NewChild c) => new(Clean(c.GivenName, 100), Clean(c.FamilyName, 100), c.DateOfBirth,
        c.ExpectedDateOfBirth, Clean(c.NhsNumber, 20), Clean(c.AddressLine1, 200), Clean(c.Town, 100), Clean(c.Postcode, 20), Clean(c.School, 200));

    private static string? Clean(string? value, int max) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Trim() is var v && v.Length > max ? v[..max] : value.Trim();
}

public sealed record NewReferrer(string Name, string? Organisation, string? Role, string? Email, string? Phone);

/// <summary>
/// Everything a contact records, from whichever door it came through. <see cref="Method"/>: how it reached the council
/// (default: what the channel implies); <see cref="ReceivedAt"/>: when, which starts its clocks (default: now, as it is
/// recorded).
/// </summary>
public sealed partial record NewContact(
    IReadOnlyList<NewChild> Children,
    NewReferrer Referrer,
    string Concern,
    IReadOnlyList<string> Categories,
    bool InjurySeen,
    bool ImmediateRisk,
    bool? ParentsAware,
    ContactChannel Channel,
    Guid? ReferringOrganisationId,
    ContactMethod? Method = null,
    DateTimeOffset? ReceivedAt = null);

/// <summary>A contact recorded from a web form, now or (<paramref name="AlreadyRecorded"/>) by an earlier post of the same form.</summary>
public sealed record SubmittedContact(Guid Id, string Reference, DateTimeOffset FeedbackDueAt, bool AlreadyRecorded);

public sealed record RecordedContact(Guid Id, string Reference, Work.Priority Priority, DateTimeOffset ReceivedAt,
    DateTimeOffset DecisionDueAt, DateTimeOffset FeedbackDueAt, IReadOnlyList<LinkedChild> Children);

public sealed record LinkedChild(Guid PersonId, string Name, bool NewPerson, bool NeedsReview);

/// <summary>An Idempotency-Key sent with a contact: unique per organisation; the hash identifies the request it came with.</summary>
public sealed record IdempotencyClaim(Guid OrganisationId, string Key, string RequestHash);

public enum IntakeResult { Recorded, Replayed, KeyReused }

/// <summary>
/// What happened to a contact sent with an idempotency key: recorded now (<see cref="Recorded"/> set), the same request
/// seen before (the earlier contact), or the key already used for a different request (the earlier contact, not replaced).
/// </summary>
public sealed record IdempotentIntake(Guid ContactId, IntakeResult Result, RecordedContact? Recorded);

/// <summary>
/// One contact waiting to be recorded by a group commit: the contact, its idempotency key, who sent it, and how its
/// children link to the person index if that was decided before (<see cref="ContactIntake.PlanAsync"/>).
/// </summary>
public sealed record IntakeRequest(NewContact Contact, IdempotencyClaim? Idempotency, Security.Actor Actor, PlannedLinks? Links = null);

/// <summary>
/// How each child of a contact links to the person index, decided before the writing transaction, and the
/// <see cref="RecentNewPeople.Watermark"/> the decisions started at (people added after it are checked again).
/// </summary>
public sealed record PlannedLinks(IReadOnlyList<PersonLinkPlan> Plans, long Watermark);
