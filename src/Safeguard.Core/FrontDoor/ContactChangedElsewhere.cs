using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Work;

namespace Safeguard.Core.FrontDoor;

/// <summary>
/// A contact as it stands when someone's change to it lost to another person's: what was decided or proposed, by whom
/// and when, and its priority now. Given instead of an error, so the person who lost can be told what happened.
/// </summary>
public sealed record ContactChangedElsewhere(
    Guid ContactId,
    string Reference,
    ContactStatus Status,
    ScreeningOutcome? Outcome,
    string? DecidedBy,
    DateTimeOffset? DecidedAt,
    string? ConfirmedBy,
    string? ReturnedBy,
    DateTimeOffset? ReturnedAt,
    Priority Priority,
    string? PriorityReason,
    int Version)
{
    /// <summary>Reads the contact as committed now (nothing tracked).</summary>
    public static async Task<ContactChangedElsewhere> ReadAsync(SafeguardDbContext db, Guid contactId, CancellationToken ct)
    {
        var c = await db.Contacts.AsNoTracking().Where(x => x.Id == contactId)
            .Select(x => new
            {
                x.Id, x.Reference, x.Status, x.Outcome, x.DecidedByUserId, x.DecidedAt, x.ConfirmedByUserId, x.ReturnedByUserId, x.ReturnedAt,
                x.Priority, x.PriorityReason, x.Version,
            })
            .SingleAsync(ct);
        var ids = new[] { c.DecidedByUserId, c.ConfirmedByUserId, c.ReturnedByUserId }.OfType<Guid>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        string? Name(Guid? id) => id is { } i ? names.GetValueOrDefault(i, "someone else") : null;
        return new ContactChangedElsewhere(c.Id, c.Reference, c.Status, c.Outcome, Name(c.DecidedByUserId), c.DecidedAt, Name(c.ConfirmedByUserId),
            Name(c.ReturnedByUserId), c.ReturnedAt, c.Priority, c.PriorityReason, c.Version);
    }

    /// <summary>
    /// Saves the pending changes about one contact unless someone else changed the contact since it was read (its
    /// <see cref="Contact.Version"/> moved on). Then nothing is saved (the whole save is one transaction: no referral, no
    /// email, no event), the context is left clean, and the contact as it stands is returned.
    /// </summary>
    internal static async Task<ContactChangedElsewhere?> SaveUnlessChangedAsync(SafeguardDbContext db, Guid contactId, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            db.ChangeReason = null;
            return await ReadAsync(db, contactId, ct);
        }
    }
}
