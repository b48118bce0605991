using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.People.Access;

namespace Safeguard.Core.Allocation;

/// <summary>
/// Continuity of worker: a child who has had <see cref="Workers"/> or more different workers in the last
/// <see cref="Months"/> months (issue 12, from an inspection finding of poor continuity for children). A worker counts
/// when one of their allocations of the child was open at any time in the window: allocated on or before now, and not
/// ended before the window began. Kept per child in <see cref="WorkerContinuity"/> (<see cref="CaseloadFacts"/>).
/// </summary>
public static class ManyWorkersRule
{
    public const int Workers = 3;
    public const int Months = 12;

    public static DateTimeOffset WindowStart(DateTimeOffset now) => now.AddMonths(-Months);
}

/// <summary>A child who has had many workers: how many, and who holds the case now (if anyone).</summary>
public sealed record ChildWithManyWorkers(Guid PersonId, string Name, int Workers, string? WorkerNow, DateTimeOffset LatestAllocatedAt);

/// <summary>
/// One page of the children the actor may see (<see cref="Shown"/>), how many they may see in all, and how many more there
/// are whose records are restricted from them.
/// </summary>
public sealed record ChildrenWithManyWorkers(IReadOnlyList<ChildWithManyWorkers> Shown, int Visible, int Hidden, int Page, int PageSize)
{
    public int Total => Visible + Hidden;

    public int Pages => Math.Max(1, (Visible + PageSize - 1) / PageSize);
}

/// <summary>
/// The service-level list of children with many workers (<see cref="ManyWorkersRule"/>), the most recent change of worker
/// first, a page at a time. Read from <see cref="WorkerContinuity"/> (one indexed read for the whole council); the number
/// of workers is counted for the page shown.
/// </summary>
public sealed class ManyWorkersList(SafeguardDbContext db)
{
    public const int PageSize = 50;

    public async Task<ChildrenWithManyWorkers> ListAsync(int page = 1, CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var since = ManyWorkersRule.WindowStart(now);
        var hidden = new NeedToKnow(db).Hidden();
        var children = db.WorkerContinuity.AsNoTracking().Where(c => c.NthWorkerSeenUntil == null || c.NthWorkerSeenUntil >= since);
        // Found from the few restricted records (their index), not by testing every child on the list against them.
        var hiddenIds = await hidden.Where(id => children.Any(c => c.PersonId == id)).ToListAsync(ct);
        var visibleCount = await children.CountAsync(ct) - hiddenIds.Count;
        var visible = hiddenIds.Count == 0 ? children : children.Where(c => !hiddenIds.Contains(c.PersonId));
        page = Math.Clamp(page, 1, Math.Max(1, (visibleCount + PageSize - 1) / PageSize));
        // The page is taken from the continuity index alone, then joined to the people on it: the workers are counted
        // for those fifty children only, in the same query.
        var shown = await visible.OrderByDescending(c => c.LatestAllocatedAt).ThenBy(c => c.PersonId)
            .Skip((page - 1) * PageSize).Take(PageSize)
            .Join(db.People.AsNoTracking(), c => c.PersonId, p => p.Id, (c, p) => new
            {
                p.Id, p.GivenName, p.FamilyName, c.LatestAllocatedAt,
                Workers = db.CaseAllocations.Where(a => a.PersonId == p.Id && a.AllocatedAt <= now && (a.EndedAt == null || a.EndedAt >= since))
                    .Select(a => a.WorkerId).Distinct().Count(),
                WorkerNow = db.CaseAllocations.Where(a => a.PersonId == p.Id && a.EndedAt == null)
                    .Join(db.Users, a => a.WorkerId, u => u.Id, (a, u) => u.DisplayName).FirstOrDefault(),
            })
            .OrderByDescending(c => c.LatestAllocatedAt).ThenBy(c => c.Id)
            .Select(c => new ChildWithManyWorkers(c.Id, c.GivenName + " " + c.FamilyName, c.Workers, c.WorkerNow, c.LatestAllocatedAt))
            .ToListAsync(ct);
        return new ChildrenWithManyWorkers(shown, visibleCount, hiddenIds.Count, page, PageSize);
    }
}
