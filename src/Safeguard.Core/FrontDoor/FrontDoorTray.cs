using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Work;

namespace Safeguard.Core.FrontDoor;

public sealed record TrayLine(Guid ContactId, string Reference, string Children, Priority Priority, string? PriorityReason,
    ContactStatus Status, DateTimeOffset ReceivedAt, DateTimeOffset DueAt, string Referrer, ContactChannel Channel, bool Returned = false);

public sealed record TrayPage(IReadOnlyList<TrayLine> Lines, int Total, int Overdue, int ChildProtection, int Page, int PageSize);

/// <summary>Every undecided contact, read from its open screening work: child protection concerns first, then by due time.</summary>
public sealed class FrontDoorTray(SafeguardDbContext db)
{
    public async Task<TrayPage> ListAsync(int page = 1, int pageSize = 100, CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        // The tray is the open screening work (a decision to make, or one waiting for a manager): one open item per
        // undecided contact. It seeks the (Kind, ClosedAt, DueAt) index and reads each page's contacts by key.
        var open = db.WorkItems.AsNoTracking()
            .Where(w => (w.Kind == WorkKind.ScreeningDecision || w.Kind == WorkKind.ManagerConfirmation) && w.ClosedAt == null);
        var total = await open.CountAsync(ct);
        var overdue = await open.CountAsync(w => w.DueAt < now, ct);
        var cp = await open.CountAsync(w => w.Priority == Priority.ChildProtection, ct);
        pageSize = Math.Clamp(pageSize, 1, 500);
        // Past the last page (or a page number typed into the address): the last page, so the offset cannot overflow.
        page = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        // Priority is stored by name; the names sort alphabetically in the wrong order, so order by an explicit rank.
        var rows = await open
            .OrderBy(w => w.Priority == Priority.ChildProtection ? 0 : w.Priority == Priority.Urgent ? 1 : 2)
            .ThenBy(w => w.DueAt)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Join(db.Contacts, w => w.SubjectId, c => c.Id, (w, c) => new
            {
                c.Id, c.Reference, w.Priority, c.PriorityReason, c.Status, c.ReceivedAt, DecisionDueAt = w.DueAt, c.ReferrerName,
                c.ReferrerOrganisationName, c.Channel, Returned = c.ReturnedAt != null,
            })
            .ToListAsync(ct);
        // The join reads the page's rows in any order: put them back in the tray's.
        rows = rows.OrderBy(r => r.Priority).ThenBy(r => r.DecisionDueAt).ToList();
        var names = await ContactChildNames.ForAsync(db, rows.Select(r => r.Id).ToList(), ct);
        var lines = rows.Select(r => new TrayLine(r.Id, r.Reference, names.GetValueOrDefault(r.Id, ""), r.Priority, r.PriorityReason, r.Status,
            r.ReceivedAt, r.DecisionDueAt, r.ReferrerOrganisationName is null ? r.ReferrerName : $"{r.ReferrerName} ({r.ReferrerOrganisationName})",
            r.Channel, r.Returned && r.Status == ContactStatus.AwaitingDecision)).ToList();
        return new TrayPage(lines, total, overdue, cp, page, pageSize);
    }
}
