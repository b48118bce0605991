using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.People.Access;
using Safeguard.Core.Work;

namespace Safeguard.Core.Allocation;

/// <summary>A case allocated and not yet accepted: the child (masked when restricted from the reader), the worker, since when.</summary>
public sealed record NotYetAccepted(Guid AllocationId, Guid PersonId, string Child, bool Restricted, Guid WorkerId, string Worker,
    DateTimeOffset AllocatedAt, DateTimeOffset AcceptBy);

/// <summary>How many of a team's open items are overdue with one worker (null: on the team tray, with no worker).</summary>
public sealed record OverdueForWorker(Guid? WorkerId, string Worker, int Overdue);

/// <summary>What a team manager's home page shows beside the team's tray: cases not yet accepted, and overdue work by worker.</summary>
public sealed class TeamOverview(SafeguardDbContext db)
{
    /// <summary>The team's open "accept a new case" items, oldest allocation first, with the allocation they are about.</summary>
    public async Task<IReadOnlyList<NotYetAccepted>> NotYetAcceptedAsync(Guid teamId, CancellationToken ct = default)
    {
        var hidden = new NeedToKnow(db).Hidden();
        var rows = await (
                from w in db.WorkItems.AsNoTracking()
                where w.ClosedAt == null && w.Kind == WorkKind.AcceptAllocation && w.OwnerTeamId == teamId
                join a in db.CaseAllocations on w.SubjectId equals a.Id
                join u in db.Users on a.WorkerId equals u.Id
                join p in db.People on a.PersonId equals p.Id
                orderby a.AllocatedAt, a.Id
                select new
                {
                    a.Id, a.PersonId, p.GivenName, p.FamilyName, Hidden = hidden.Contains(p.Id), a.WorkerId, u.DisplayName, a.AllocatedAt, w.DueAt,
                })
            .ToListAsync(ct);
        return rows.Select(r => new NotYetAccepted(r.Id, r.PersonId, r.Hidden ? NeedToKnow.RestrictedTitle : r.GivenName + " " + r.FamilyName,
            r.Hidden, r.WorkerId, r.DisplayName, r.AllocatedAt, r.DueAt)).ToList();
    }

    /// <summary>The team's overdue open items counted by the worker holding them, most first; the team tray's own last.</summary>
    public async Task<IReadOnlyList<OverdueForWorker>> OverdueByWorkerAsync(Guid teamId, CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var counts = await db.WorkItems.AsNoTracking()
            .Where(w => w.ClosedAt == null && w.OwnerTeamId == teamId && w.DueAt < now)
            .GroupBy(w => w.OwnerUserId)
            .Select(g => new { WorkerId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var ids = counts.Where(c => c.WorkerId != null).Select(c => c.WorkerId!.Value).ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return counts
            .Select(c => new OverdueForWorker(c.WorkerId, c.WorkerId is { } id ? names.GetValueOrDefault(id, "Unknown worker") : "Team tray (no worker yet)", c.Count))
            .OrderBy(c => c.WorkerId is null).ThenByDescending(c => c.Overdue).ThenBy(c => c.Worker, StringComparer.CurrentCulture)
            .ToList();
    }
}
