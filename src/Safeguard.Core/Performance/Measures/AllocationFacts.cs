using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Performance.Measures;

/// <summary>
/// The case allocations open at some point's end of a period, one fact each: the child, the worker, the worker's team
/// when the case was allocated, from the UK day it was allocated until the day it ended, counting as met when the worker
/// is agency staff (their contract type now: staff records keep no history of it).
/// </summary>
internal static class AllocationFacts
{
    public static async Task<IReadOnlyList<MeasureFact>> ForPeriodAsync(SafeguardDbContext db, PerformancePeriod period, Guid? teamId, CancellationToken ct)
    {
        var start = period.Start();
        var end = period.End();
        var rows = await (from a in db.CaseAllocations.AsNoTracking()
                          where a.AllocatedAt < end && (a.EndedAt == null || a.EndedAt > start) && (teamId == null || a.TeamId == teamId)
                          select new
                          {
                              a.Id, a.PersonId, a.WorkerId, a.TeamId, a.AllocatedAt, a.EndedAt,
                              Agency = db.Users.Any(u => u.Id == a.WorkerId && u.Employment == EmploymentKind.Agency),
                          })
            .ToListAsync(ct);
        return rows.Select(a => new MeasureFact(a.PersonId, a.Id, TimeLimits.UkDay(a.AllocatedAt), a.AllocatedAt, a.EndedAt, a.Agency,
            a.EndedAt is { } ended ? TimeLimits.UkDay(ended) : null, a.TeamId, a.WorkerId)).ToList();
    }
}
