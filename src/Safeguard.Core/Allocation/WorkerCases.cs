using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.People.Access;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Allocation;

/// <summary>
/// One case a worker holds, as the person reading may see it: a child whose record is restricted from them reads
/// <see cref="NeedToKnow.RestrictedTitle"/> and has no link (<see cref="Restricted"/>).
/// </summary>
public sealed record WorkerCaseLine(Guid AllocationId, Guid PersonId, string Child, bool Restricted, CaseKind Kind,
    DateTimeOffset AllocatedAt, DateTimeOffset? AcceptedAt)
{
    public bool Accepted => AcceptedAt is not null;
}

/// <summary>A worker's open cases, oldest allocation first, for their home page and the worker caseload page.</summary>
public sealed class WorkerCases(SafeguardDbContext db, Caseloads caseloads)
{
    public async Task<IReadOnlyList<WorkerCaseLine>> ForWorkerAsync(Guid workerId, CancellationToken ct = default)
    {
        var cases = await caseloads.OpenCasesAsync([workerId], ct);
        if (cases.Count == 0) return [];
        var ids = cases.Select(c => c.PersonId).Distinct().ToList();
        var hidden = new NeedToKnow(db).Hidden();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new { p.Id, Name = p.GivenName + " " + p.FamilyName, Hidden = hidden.Contains(p.Id) })
            .ToDictionaryAsync(p => p.Id, ct);
        return cases.Select(c =>
        {
            var restricted = !names.TryGetValue(c.PersonId, out var person) || person.Hidden;
            return new WorkerCaseLine(c.AllocationId, c.PersonId, restricted ? NeedToKnow.RestrictedTitle : person!.Name, restricted, c.Kind,
                c.AllocatedAt, c.AcceptedAt);
        }).ToList();
    }
}
