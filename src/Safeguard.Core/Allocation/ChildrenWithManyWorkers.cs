using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.People.Access;

namespace Safeguard.Core.Allocation;

/// <summary>
/// Continuity of worker: a child who has had <see cref="Workers"/> or more different workers in the last
/// <see cref="Months"/> months (issue 12, from an inspection finding of poor continuity for children). A worker counts
/// when one of their allocations of the child was open at any time in the window: allocated on or before now, and not
/// ended before the window began.
/// </summary>
public static class ManyWorkersRule
{
    public const int Workers = 3;
    public const int Months = 12;

    public static DateTimeOffset WindowStart(DateTimeOffset now) => now.AddMonths(-Months);
}

/// <summary>A child who has had many workers: how many, and who holds the case now (if anyone).</summary>
public sealed record ChildWithManyWorkers(Guid PersonId, string Name, int Workers, string? WorkerNow);

/// <summary>The children the actor may see, and how many more there are whose records are restricted from them.</summary>
public sealed record ChildrenWithManyWorkers(IReadOnlyList<ChildWithManyWorkers> Shown, int Hidden)
{
    public int Total => Shown.Count + Hidden;
}

/// <summary>The service-level list of children with many workers (<see cref="ManyWorkersRule"/>).</summary>
public sealed class ManyWorkersList(SafeguardDbContext db)
{
    public async Task<ChildrenWithManyWorkers> ListAsync(CancellationToken ct = default)
    {
        var now = db.Time.GetUtcNow();
        var since = ManyWorkersRule.WindowStart(now);
        var hidden = new NeedToKnow(db).Hidden();
        var counts = db.CaseAllocations.AsNoTracking()
            .Where(a => a.AllocatedAt <= now && (a.EndedAt == null || a.EndedAt >= since))
            .GroupBy(a => a.PersonId)
            .Select(g => new { PersonId = g.Key, Workers = g.Select(a => a.WorkerId).Distinct().Count() })
            .Where(c => c.Workers >= ManyWorkersRule.Workers);
        var rows = await (
                from c in counts
                join p in db.People on c.PersonId equals p.Id
                select new
                {
                    p.Id, p.GivenName, p.FamilyName, c.Workers,
                    Hidden = hidden.Contains(p.Id),
                    WorkerNow = db.CaseAllocations.Where(a => a.PersonId == p.Id && a.EndedAt == null)
                        .Join(db.Users, a => a.WorkerId, u => u.Id, (a, u) => u.DisplayName).FirstOrDefault(),
                })
            .ToListAsync(ct);
        var shown = rows.Where(r => !r.Hidden)
            .OrderByDescending(r => r.Workers).ThenBy(r => r.FamilyName, StringComparer.CurrentCulture).ThenBy(r => r.GivenName, StringComparer.CurrentCulture)
            .Select(r => new ChildWithManyWorkers(r.Id, r.GivenName + " " + r.FamilyName, r.Workers, r.WorkerNow))
            .ToList();
        return new ChildrenWithManyWorkers(shown, rows.Count(r => r.Hidden));
    }
}
