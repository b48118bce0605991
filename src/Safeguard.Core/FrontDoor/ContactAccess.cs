using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.People.Access;

namespace Safeguard.Core.FrontDoor;

/// <summary>Need to know for a contact: it is about its children, so it is refused when any of them is hidden from the actor.</summary>
public sealed class ContactAccess(SafeguardDbContext db, NeedToKnow needToKnow)
{
    /// <summary>As <see cref="NeedToKnow.CheckAsync"/>: false (and the attempt audited) when a child of the contact is restricted from the actor.</summary>
    public async Task<bool> CheckAsync(Guid contactId, string where, CancellationToken ct = default)
    {
        if (needToKnow.SeesEveryone) return true;
        var children = await db.ContactChildren.AsNoTracking().Where(cc => cc.ContactId == contactId).Select(cc => cc.PersonId).ToListAsync(ct);
        return await needToKnow.CheckAllAsync(children, where, "Contact", contactId, ct);
    }
}
