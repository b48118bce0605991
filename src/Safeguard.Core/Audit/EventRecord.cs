namespace Safeguard.Core.Audit;

/// <summary>
/// One thing that happened: who, when, what and why. Change history, chronology and the audit trail are all
/// read from these rows; nothing else keeps a second copy. Written once and never changed: its place in the audit chain
/// is a row of its own (<see cref="Chain.AuditSeal"/>).
/// </summary>
public sealed class EventRecord
{
    private EventRecord() { }

    public EventRecord(string type, DateTimeOffset occurredAt, Security.Actor actor, string summary)
    {
        Type = type;
        OccurredAt = occurredAt;
        ActorUserId = actor.UserId;
        ActorName = actor.Name;
        ActorOrganisationId = actor.OrganisationId;
        Summary = Shorten(summary);
    }

    public const int SummaryMaxLength = 2000;

    /// <summary>
    /// The summary as stored: it is for lists, and the full words are in the typed payload (Data), so a long one is
    /// shortened, never refused.
    /// </summary>
    public static string Shorten(string summary) =>
        Text.Clip.WithMarker(summary, SummaryMaxLength, "…");

    public long Id { get; private set; }
    public string Type { get; private set; } = "";
    public DateTimeOffset OccurredAt { get; private set; }
    public Guid? ActorUserId { get; private set; }
    public string ActorName { get; private set; } = "";
    public Guid? ActorOrganisationId { get; private set; }
    public Guid? PersonId { get; set; }
    public string? SubjectType { get; set; }
    public Guid? SubjectId { get; set; }
    public string Summary { get; private set; } = "";
    public string? Reason { get; set; }
    /// <summary>JSON detail, e.g. the fields that changed with their old and new values.</summary>
    public string? Data { get; set; }
}
