using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// The children's names for a page of contacts, in one keyed query. (A join inside the page query makes SQLite
/// build the whole contact-child-person join first: seconds on a large council.)
/// </summary>
public static class ContactChildNames
{
    public static async Task<IReadOnlyDictionary<Guid, string>> ForAsync(SafeguardDbContext db, IReadOnlyCollection<Guid> contactIds,
        CancellationToken ct = default)
    {
        if (contactIds.Count == 0) return new Dictionary<Guid, string>();
        var rows = await db.ContactChildren.AsNoTracking()
            .Where(cc => contactIds.Contains(cc.ContactId))
            .Join(db.People, cc => cc.PersonId, p => p.Id, (cc, p) => new { cc.ContactId, Name = p.GivenName + " " + p.FamilyName })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.ContactId).ToDictionary(g => g.Key, g => string.Join(", ", g.Select(r => r.Name)));
    }
}
