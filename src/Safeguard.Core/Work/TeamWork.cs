using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Work;

public sealed record OpenWorkLine(Guid Id, WorkKind Kind, string Title, Guid? PersonId, Priority Priority,
    DateTimeOffset OpenedAt, DateTimeOffset DueAt, Guid? OwnerUserId, Guid SubjectId);

/// <summary>One page of a tray: its lines, which page it is (from 1), how many a page holds, and how many there are in all.</summary>
public sealed record WorkPage(IReadOnlyList<OpenWorkLine> Lines, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasMore => Page < Pages;
}

/// <summary>
/// Open work owned by a team or a worker: child protection first, then urgent, then standard, and within each the
/// soonest due first, over all the open items, a page at a time.
/// </summary>
public sealed class TeamWork(SafeguardDbContext db)
{
    public const int DefaultPageSize = 50;

    /// <summary>In the order trays show them.</summary>
    private static readonly Priority[] ByUrgency = [Priority.ChildProtection, Priority.Urgent, Priority.Standard];

    /// <summary>
    /// Page <paramref name="page"/> (from 1; anything less is the first, anything past the end the last) of the open work of <paramref name="teamId"/>'s
    /// tray and <paramref name="userId"/>'s own. Priority is stored by name, which does not sort by urgency, so each
    /// priority is read on its own, soonest due first: a seek on the owner's (closed, priority, due) index.
    /// </summary>
    public async Task<WorkPage> PageAsync(Guid? teamId, Guid? userId, int page = 1, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        var open = Open(teamId, userId);
        var counts = await open.GroupBy(w => w.Priority).Select(g => new { Priority = g.Key, Count = g.Count() }).ToListAsync(ct);
        var segments = ByUrgency
            .Select(p => new Segment(counts.Where(c => c.Priority == p).Sum(c => c.Count), open.Where(w => w.Priority == p)))
            .ToList();
        return await PageOverAsync(segments, page, pageSize, ct);
    }

    /// <summary>
    /// Page <paramref name="page"/> of one worker's own open work ("My work"): the overdue items first, then the rest,
    /// each part by priority and then soonest due. Overdue is decided once, at the time the page is read.
    /// </summary>
    public async Task<WorkPage> WorkerPageAsync(Guid userId, int page = 1, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var open = Open(null, userId);
        var counts = await open.GroupBy(w => new { w.Priority, Overdue = w.DueAt < now })
            .Select(g => new { g.Key.Priority, g.Key.Overdue, Count = g.Count() }).ToListAsync(ct);
        var overdue = open.Where(w => w.DueAt < now);
        var notYet = open.Where(w => w.DueAt >= now);
        var segments = ByUrgency
            .Select(p => new Segment(counts.Where(c => c.Priority == p && c.Overdue).Sum(c => c.Count), overdue.Where(w => w.Priority == p)))
            .Concat(ByUrgency.Select(p => new Segment(counts.Where(c => c.Priority == p && !c.Overdue).Sum(c => c.Count), notYet.Where(w => w.Priority == p))))
            .ToList();
        return await PageOverAsync(segments, page, pageSize, ct);
    }

    /// <summary>
    /// Page <paramref name="page"/> of the referrals waiting on <paramref name="teamId"/>'s tray for a worker: open
    /// allocation items no worker holds, most urgent first.
    /// </summary>
    public async Task<WorkPage> UnallocatedPageAsync(Guid teamId, int page = 1, int pageSize = DefaultPageSize, CancellationToken ct = default)
    {
        var open = db.WorkItems.AsNoTracking()
            .Where(w => w.ClosedAt == null && w.OwnerTeamId == teamId && w.OwnerUserId == null && w.Kind == WorkKind.Allocation);
        var counts = await open.GroupBy(w => w.Priority).Select(g => new { Priority = g.Key, Count = g.Count() }).ToListAsync(ct);
        var segments = ByUrgency
            .Select(p => new Segment(counts.Where(c => c.Priority == p).Sum(c => c.Count), open.Where(w => w.Priority == p)))
            .ToList();
        return await PageOverAsync(segments, page, pageSize, ct);
    }

    /// <summary>Part of a tray in the order it is shown: how many items it holds, and the items (read soonest due first).</summary>
    private sealed record Segment(int Count, IQueryable<WorkItem> Items);

    /// <summary>
    /// One page over parts read one after another (anything less than page 1 is the first, anything past the end the
    /// last): each part is a seek on the owner's (closed, priority, due) index, skipping the parts before the page.
    /// </summary>
    private static async Task<WorkPage> PageOverAsync(IReadOnlyList<Segment> segments, int page, int pageSize, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 1, 500);
        page = Math.Max(1, page);
        var total = segments.Sum(s => s.Count);
        // Past the last page (the tray emptied while someone paged): the last page.
        page = Math.Min(page, Math.Max(1, (total + pageSize - 1) / pageSize));
        var skip = (long)(page - 1) * pageSize;
        var lines = new List<OpenWorkLine>(pageSize);
        foreach (var segment in segments)
        {
            if (lines.Count == pageSize) break;
            if (skip >= segment.Count)
            {
                skip -= segment.Count;
                continue;
            }
            var rows = await segment.Items
                .OrderBy(w => w.DueAt).ThenBy(w => w.Id)
                .Skip((int)skip)
                .Take(pageSize - lines.Count)
                .Select(w => new OpenWorkLine(w.Id, w.Kind, w.Title, w.PersonId, w.Priority, w.OpenedAt, w.DueAt, w.OwnerUserId, w.SubjectId))
                .ToListAsync(ct);
            lines.AddRange(rows);
            skip = 0;
        }
        return new WorkPage(lines, page, pageSize, total);
    }

    private IQueryable<WorkItem> Open(Guid? teamId, Guid? userId) =>
        db.WorkItems.AsNoTracking()
            .Where(w => w.ClosedAt == null && ((userId != null && w.OwnerUserId == userId) || (teamId != null && w.OwnerTeamId == teamId)));
}
