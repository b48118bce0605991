using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Work;

public sealed record OpenWorkLine(Guid Id, WorkKind Kind, string Title, Guid? PersonId, Priority Priority,
    DateTimeOffset OpenedAt, DateTimeOffset DueAt, Guid? OwnerUserId);

/// <summary>Open work owned by a team or a worker, most urgent first.</summary>
public sealed class TeamWork(SafeguardDbContext db)
{
    public async Task<IReadOnlyList<OpenWorkLine>> ForTeamOrWorkerAsync(Guid? teamId, Guid? userId, int max = 50, CancellationToken ct = default)
    {
        // Work about a child restricted from this user still shows (nothing goes unseen) but does not name the child.
        var hidden = new People.Access.NeedToKnow(db).Hidden();
        var rows = await db.WorkItems.AsNoTracking()
            .Where(w => w.ClosedAt == null && (w.OwnerUserId == userId || (teamId != null && w.OwnerTeamId == teamId)))
            .OrderBy(w => w.DueAt)
            .Take(max)
            .Select(w => new
            {
                Line = new OpenWorkLine(w.Id, w.Kind, w.Title, w.PersonId, w.Priority, w.OpenedAt, w.DueAt, w.OwnerUserId),
                Hidden = (w.PersonId != null && hidden.Contains(w.PersonId.Value))
                    || db.ContactChildren.Any(cc => cc.ContactId == w.SubjectId && hidden.Contains(cc.PersonId)),
            })
            .ToListAsync(ct);
        return rows.Select(r => r.Hidden ? r.Line with { Title = People.Access.NeedToKnow.RestrictedTitle } : r.Line)
            .OrderBy(r => r.Priority).ThenBy(r => r.DueAt).ToList();
    }
}
