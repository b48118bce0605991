using Safeguard.Core.People;

namespace Safeguard.Core.FrontDoor;

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
