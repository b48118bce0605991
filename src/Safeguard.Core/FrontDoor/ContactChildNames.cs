using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// The children's names for a page of contacts, in one keyed query. (A join inside the page query makes SQLite
/// build the whole contact-child-person join first: seconds on a large council.)
/// </summary>
public static class ContactChildNames
{
    /// <summary>
    /// The children's names for each contact, as the acting user may see them: a contact with a child restricted from
    /// them reads "Restricted record" (it still counts and shows as work). <paramref name="asStored"/>: every name,
    /// for text written to the database (a work item's title), never for showing.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> ForAsync(SafeguardDbContext db, IReadOnlyCollection<Guid> contactIds,
        CancellationToken ct = default, bool asStored = false)
    {
        if (contactIds.Count == 0) return new Dictionary<Guid, string>();
        var needToKnow = new People.Access.NeedToKnow(db);
        var mask = !asStored && !needToKnow.SeesEveryone;
        var hidden = needToKnow.Hidden();
        var rows = await db.ContactChildren.AsNoTracking()
            .Where(cc => contactIds.Contains(cc.ContactId))
            .Join(db.People, cc => cc.PersonId, p => p.Id,
                (cc, p) => new { cc.ContactId, Name = p.GivenName + " " + p.FamilyName, Hidden = mask && hidden.Contains(p.Id) })
            .ToListAsync(ct);
        // In one order (by name), so a title reads the same every time: the database returns a contact's children in any order.
        rows.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return rows.GroupBy(r => r.ContactId).ToDictionary(g => g.Key,
            g => g.Any(r => r.Hidden) ? People.Access.NeedToKnow.RestrictedTitle : string.Join(", ", g.Select(r => r.Name)));
    }
}
