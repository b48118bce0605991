namespace Safeguard.Core.Chronology.Patterns;

/// <summary>
/// What the pattern rules read about one child, all of it at once: the rules are plain functions of these facts, so each
/// can be tested at the edges of its threshold without a database.
/// </summary>
/// <param name="Today">The day the rules run (UK date).</param>
public sealed record PatternFacts(
    DateOnly? DateOfBirth,
    IReadOnlyList<ContactFact> Contacts,
    IReadOnlyList<IncidentFact> Incidents,
    IReadOnlyList<ReferralFact> Referrals,
    IReadOnlyList<PlanFact> Plans);

/// <summary>
/// A contact about the child. <paramref name="On"/>: the day it was received; <paramref name="RecordedAt"/>: when it
/// reached the record; <paramref name="BecameReferral"/>: whether a referral was made from it.
/// </summary>
public sealed record ContactFact(Guid Id, string Reference, DateOnly On, DateTimeOffset RecordedAt, bool BecameReferral)
{
    public string Key => $"contact:{Id:N}";
}

/// <summary>What an incident was: the rules look for injuries and missing episodes.</summary>
public enum IncidentKind { Injury, MissingEpisode }

/// <summary>
/// An injury or missing episode: from a contact that reported one, or an event a worker added to the chronology.
/// <paramref name="Key"/> names the contact or the added event; <paramref name="On"/> is when it happened.
/// </summary>
public sealed record IncidentFact(string Key, IncidentKind Kind, DateOnly On, DateTimeOffset RecordedAt, string Where);

/// <summary>A referral (a case) of the child: its date and, when it has closed, the day it closed.</summary>
public sealed record ReferralFact(Guid Id, DateOnly On, DateTimeOffset RecordedAt, DateOnly? ClosedOn)
{
    public string Key => $"referral:{Id:N}";
}

/// <summary>A child protection or child in need plan: from its start to its end (open while it has none).</summary>
public sealed record PlanFact(bool ChildProtection, DateOnly StartedOn, DateOnly? EndedOn)
{
    public bool Covers(DateOnly day) => StartedOn <= day && (EndedOn is null || day < EndedOn);
}

/// <summary>
/// A pattern found: the rule, the record that completed it (<paramref name="Trigger"/>, its key, recorded at
/// <paramref name="TriggerRecordedAt"/>) and what was found, in words for the alert.
/// </summary>
public sealed record PatternFinding(PatternRule Rule, string Trigger, DateTimeOffset TriggerRecordedAt, string Details);
