using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.People;

/// <summary>A person's record with every record merged into it (the events keep their own person).</summary>
public static class MergedRecords
{
    /// <summary>The person and the records merged into them, up to five merges deep.</summary>
    public static async Task<List<Guid>> WithMergedAsync(this SafeguardDbContext db, Guid personId, CancellationToken ct = default)
    {
        var people = new List<Guid> { personId };
        var frontier = new List<Guid> { personId };
        for (var depth = 0; depth < 5 && frontier.Count > 0; depth++)
        {
            var current = frontier;
            frontier = await db.People.AsNoTracking().Where(p => p.MergedIntoPersonId != null && current.Contains(p.MergedIntoPersonId.Value))
                .Select(p => p.Id).ToListAsync(ct);
            people.AddRange(frontier);
        }
        return people;
    }
}
