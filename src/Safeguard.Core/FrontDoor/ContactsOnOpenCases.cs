using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Work;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// A new contact about a child whose case is open reaches the worker who holds it as well as the front door: intake
/// opens a "New contact about ..." item on the worker's tray (<see cref="ContactIntake"/>), and the worker marks it read
/// from the contact's page. The front door screens the contact as any other.
/// </summary>
public sealed class ContactsOnOpenCases(SafeguardDbContext db, WorkItems work)
{
    /// <summary>Whether <paramref name="userId"/> has a new contact about a child whose case they hold still to read.</summary>
    public Task<bool> UnreadByAsync(Guid contactId, Guid? userId, CancellationToken ct = default) =>
        db.WorkItems.AsNoTracking().AnyAsync(w => w.SubjectId == contactId && w.Kind == WorkKind.ContactOnOpenCase && w.ClosedAt == null
            && w.OwnerUserId != null && w.OwnerUserId == userId, ct);

    /// <summary>The worker has read the contact: their items about it close, with an event on each child's record. False when there was nothing (left) to read.</summary>
    public async Task<bool> MarkReadAsync(Guid contactId, Guid userId, CancellationToken ct = default)
    {
        var open = await db.WorkItems.Where(w => w.SubjectId == contactId && w.Kind == WorkKind.ContactOnOpenCase && w.ClosedAt == null
            && w.OwnerUserId == userId).ToListAsync(ct);
        if (open.Count == 0) return false;
        var now = db.Time.GetUtcNow();
        var reference = await db.Contacts.AsNoTracking().Where(c => c.Id == contactId).Select(c => c.Reference).SingleAsync(ct);
        foreach (var item in open)
        {
            work.Close(item, now);
            db.Record(new ContactReadByWorker(contactId, reference, userId), item.PersonId, nameof(Contact), contactId);
        }
        // Marked read twice at once (two tabs): the second finds the item changed, and there was nothing left to read.
        return await db.SaveUnlessChangedElsewhereAsync(ct);
    }
}
