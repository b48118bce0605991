using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;

namespace Safeguard.Core.Oversight;

/// <summary>
/// What to search for. <paramref name="Kind"/>: an event kind's stored name (<see cref="EventCatalogue.Kinds"/>), or null for all.
/// <paramref name="ChildDetail"/>: false for a reader who may not see children's records (<see cref="AuditDetailRule"/>).
/// </summary>
public sealed record AuditQuery(IReadOnlyCollection<Guid>? PersonIds, Guid? UserId, DateOnly? From, DateOnly? To, int Page = 1, int PageSize = 50,
    string? Kind = null, bool ChildDetail = true);

/// <summary>One event as the audit trail shows it. <paramref name="Summary"/>: its description (<see cref="EventCatalogue.Describe"/>).</summary>
public sealed record AuditEntry(long Id, DateTimeOffset OccurredAt, string Type, string ActorName, Guid? ActorUserId,
    Guid? PersonId, string? PersonName, string Summary, string? Reason, string? Data)
{
    /// <summary>About a child restricted from the reader: name, summary, reason and data are left out.</summary>
    public bool Restricted { get; init; }
}

public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, int Page, int PageSize, bool HasMore);

/// <summary>Reads the audit trail (the event table) by person, user, date and kind of event, newest first.</summary>
public sealed class AuditSearch(SafeguardDbContext db)
{
    public async Task<AuditPage> SearchAsync(AuditQuery query, CancellationToken ct = default)
    {
        var events = db.Events.AsNoTracking().AsQueryable();
        if (query.PersonIds is { } personIds) events = events.Where(e => e.PersonId != null && personIds.Contains(e.PersonId.Value));
        if (query.UserId is { } userId) events = events.Where(e => e.ActorUserId == userId);
        if (query.Kind is { } kind) events = events.Where(e => e.Type == kind);
        if (query.From is { } from)
        {
            var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            events = events.Where(e => e.OccurredAt >= start);
        }
        if (query.To is { } to)
        {
            var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            events = events.Where(e => e.OccurredAt < end);
        }

        // Bounded so that a page number typed into the address cannot overflow the offset.
        var page = Math.Clamp(query.Page, 1, 1_000_000);
        var hidden = new People.Access.NeedToKnow(db).Hidden();
        var rows = await events
            .OrderByDescending(e => e.Id)
            .Skip((page - 1) * query.PageSize)
            .Take(query.PageSize + 1)
            .Select(e => new
            {
                e.Id, e.OccurredAt, e.Type, e.ActorName, e.ActorUserId, e.PersonId,
                PersonName = db.People.Where(p => p.Id == e.PersonId).Select(p => p.GivenName + " " + p.FamilyName).FirstOrDefault(),
                e.Summary, e.Reason, e.Data, e.SubjectType,
                Hidden = e.PersonId != null && hidden.Contains(e.PersonId.Value),
            })
            .ToListAsync(ct);
        // That something happened to a restricted record stays visible (who, when, what kind); what it said does not.
        var entries = rows.Take(query.PageSize)
            .Select(e => e.Hidden
                ? new AuditEntry(e.Id, e.OccurredAt, e.Type, e.ActorName, e.ActorUserId, e.PersonId, People.Access.NeedToKnow.RestrictedTitle,
                    People.Access.NeedToKnow.RestrictedTitle, null, null) { Restricted = true }
                : !query.ChildDetail && !AuditDetailRule.IsAdministration(e.Type, e.PersonId)
                ? new AuditEntry(e.Id, e.OccurredAt, e.Type, e.ActorName, e.ActorUserId, e.PersonId, e.PersonId is null ? null : AuditDetailRule.ChildRecord,
                    EventCatalogue.Kinds.FirstOrDefault(k => k.Name == e.Type)?.Words ?? e.Type, null, null) { Restricted = true }
                : new AuditEntry(e.Id, e.OccurredAt, e.Type, e.ActorName, e.ActorUserId, e.PersonId, e.PersonName,
                    EventCatalogue.Describe(e.Type, e.Data, e.Summary, e.SubjectType), e.Reason, e.Data))
            .ToList();
        return new AuditPage(entries, page, query.PageSize, rows.Count > query.PageSize);
    }
}
