using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Work;

namespace Safeguard.Core.FrontDoor;

public sealed record TrayLine(Guid ContactId, string Reference, string Children, Priority Priority, string? PriorityReason,
    ContactStatus Status, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, string Referrer, ContactChannel Channel, bool Returned = false);

public sealed record TrayPage(IReadOnlyList<TrayLine> Lines, int Total, int Overdue, int ChildProtection, int Page, int PageSize);

/// <summary>Every undecided contact: child protection concerns first, then by due time.</summary>
public sealed class FrontDoorTray(SafeguardDbContext db)
{
    public async Task<TrayPage> ListAsync(int page = 1, int pageSize = 100, CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        // An IN over the undecided statuses seeks the (Status, DecisionDueAt) index; "not decided" would scan it.
        var open = db.Contacts.AsNoTracking()
            .Where(c => c.Status == ContactStatus.AwaitingDecision || c.Status == ContactStatus.AwaitingManagerConfirmation);
        var total = await open.CountAsync(ct);
        var overdue = await open.CountAsync(c => c.DecisionDueAt < now, ct);
        var cp = await open.CountAsync(c => c.Priority == Priority.ChildProtection, ct);
        // Priority is stored by name; the names sort alphabetically in the wrong order, so order by an explicit rank.
        var rows = await open
            .OrderBy(c => c.Priority == Priority.ChildProtection ? 0 : c.Priority == Priority.Urgent ? 1 : 2)
            .ThenBy(c => c.DecisionDueAt)
            .Skip((Math.Max(1, page) - 1) * pageSize)
            .Take(pageSize)
            .Select(c => new
            {
                c.Id, c.Reference, c.Priority, c.PriorityReason, c.Status, c.ReceivedAt, c.DecisionDueAt, c.ReferrerName,
                c.ReferrerOrganisationName, c.Channel, Returned = c.ReturnedAt != null,
            })
            .ToListAsync(ct);
        var names = await ContactChildNames.ForAsync(db, rows.Select(r => r.Id).ToList(), ct);
        var lines = rows.Select(r => new TrayLine(r.Id, r.Reference, names.GetValueOrDefault(r.Id, ""), r.Priority, r.PriorityReason, r.Status,
            r.ReceivedAt, r.DecisionDueAt, r.ReferrerOrganisationName is null ? r.ReferrerName : $"{r.ReferrerName} ({r.ReferrerOrganisationName})",
            r.Channel, r.Returned && r.Status == ContactStatus.AwaitingDecision)).ToList();
        return new TrayPage(lines, total, overdue, cp, Math.Max(1, page), pageSize);
    }
}
