using Microsoft.EntityFrameworkCore;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;

namespace Safeguard.Core.Oversight;

/// <summary>The open alerts about children (<see cref="ManagerAlerts.Open"/>), for their status (<see cref="ChildStatuses"/>).</summary>
public sealed class ChildAlerts(SafeguardDbContext db) : IChildAlerts
{
    public async Task<IReadOnlyList<ChildAlert>> OpenAboutAsync(IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        var rows = await ManagerAlerts.Open(db)
            .Where(a => a.PersonId != null && personIds.Contains(a.PersonId.Value))
            .OrderBy(a => a.RaisedAt)
            .Select(a => new { PersonId = a.PersonId!.Value, a.Kind, a.Message, a.RaisedAt })
            .ToListAsync(ct);
        return rows.Select(a => new ChildAlert(a.PersonId, new AlertStatus(OverdueSweep.Title(a.Kind), a.Message, a.RaisedAt))).ToList();
    }
}
