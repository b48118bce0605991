using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.FrontDoor;

public sealed record InformationLine(Guid Id, DateTimeOffset ReceivedAt, string? From, string? Organisation, string Text,
    DateTimeOffset? ReadAt);

/// <summary>Unread information on the front-door tray: due (<see cref="ReadBy"/>) when its contact is decided, else read when deciding.</summary>
public sealed record UnreadInformationLine(Guid ContactId, string Reference, string Children, Priority Priority, DateTimeOffset ReceivedAt,
    DateTimeOffset? ReadBy, ContactStatus Status);

public enum InformationResult { Added, Replayed, KeyReused }

/// <summary>The outcome of sending information: added now, or (for an Idempotency-Key seen before) the earlier one.</summary>
public sealed record AddedInformation(Guid Id, Guid ContactId, DateTimeOffset ReceivedAt, string? From, InformationResult Result);

/// <summary>An Idempotency-Key sent with information, and the hash of the request it came with.</summary>
public sealed record InformationKey(string Key, string RequestHash);

/// <summary>
/// A partner adds information to a referral it made; the front door reads it. Nothing unseen: on an undecided contact
/// the open screening (or confirmation) item says new information arrived; on a decided one a "Read new information"
/// work item opens on the front-door tray, due one working day after receipt, closed when a worker marks it read.
/// Every step is an event on each child's record, in the same save.
/// </summary>
public sealed class ContactInformationRecords(SafeguardDbContext db, IWorkingDayCalendar calendar)
{
    private readonly WorkItems _work = new(db, new WorkClocks(calendar));
    private const string NewInformationNote = " (new information added)";

    /// <summary>
    /// Adds information to <paramref name="contactId"/> if <paramref name="organisationId"/> made that referral; null
    /// when it did not (or there is no such referral): a partner never learns of another's referrals.
    /// </summary>
    public async Task<AddedInformation?> AddAsync(Guid contactId, Guid organisationId, string text, string? from, Guid? byUserId,
        InformationKey? key = null, CancellationToken ct = default)
    {
        var contact = await db.Contacts.Include(c => c.Children)
            .SingleOrDefaultAsync(c => c.Id == contactId && c.ReferringOrganisationId == organisationId, ct);
        if (contact is null) return null;
        if (key is not null && await EarlierAsync(organisationId, key, ct) is { } earlier) return earlier;

        var now = db.Time.GetUtcNow();
        var information = new ContactInformation(contact.Id, organisationId, text, from, now, byUserId, key?.Key, key?.RequestHash);
        db.ContactInformation.Add(information);
        var names = await ContactChildNames.ForAsync(db, [contact.Id], ct, asStored: true);
        var about = names.GetValueOrDefault(contact.Id, "a child");
        if (contact.Status == ContactStatus.Decided)
        {
            var team = await db.Teams.FirstOfKindAsync(TeamKind.FrontDoor, ct)
                ?? throw new InvalidOperationException("There is no front door team to read new information. Add a team of kind FrontDoor.");
            _work.Open(WorkKind.ReadNewInformation, information.Id, $"Read new information about {about}", team, contact.Priority,
                contact.Children.FirstOrDefault()?.PersonId, now);
        }
        else
        {
            var open = await _work.OpenAboutAsync(contact.Id, [WorkKind.ScreeningDecision, WorkKind.ManagerConfirmation], ct);
            foreach (var item in open.Where(i => !i.Title.EndsWith(NewInformationNote, StringComparison.Ordinal)))
            {
                _work.Retitle(item, item.Title + NewInformationNote);
            }
        }
        foreach (var child in contact.Children)
        {
            db.Record(new InformationAdded(contact.Id, contact.Reference, information.Id, information.From, ContactReceived.Excerpt(information.Text)),
                child.PersonId, nameof(Contact), contact.Id);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // The same key raced in from another request: that one won.
            db.ChangeTracker.Clear();
            if (await EarlierAsync(organisationId, key, ct) is { } winner) return winner;
            throw;
        }
        return new AddedInformation(information.Id, contact.Id, now, information.From, InformationResult.Added);
    }

    /// <summary>The information added to a contact, oldest first; only one organisation's when <paramref name="organisationId"/> is given.</summary>
    public async Task<IReadOnlyList<InformationLine>> ForContactAsync(Guid contactId, Guid? organisationId = null, CancellationToken ct = default) =>
        await (from i in db.ContactInformation.AsNoTracking()
               where i.ContactId == contactId && (organisationId == null || i.OrganisationId == organisationId)
               orderby i.ReceivedAt
               select new InformationLine(i.Id, i.ReceivedAt, i.From,
                   db.Organisations.Where(o => o.Id == i.OrganisationId).Select(o => o.Name).FirstOrDefault(), i.Text, i.ReadAt))
            .ToListAsync(ct);

    /// <summary>Unread information across the front door, soonest due first (at most <paramref name="max"/>).</summary>
    public async Task<IReadOnlyList<UnreadInformationLine>> UnreadAsync(int max = 100, CancellationToken ct = default)
    {
        var rows = await (from i in db.ContactInformation.AsNoTracking()
                          join c in db.Contacts on i.ContactId equals c.Id
                          where i.ReadAt == null
                          select new
                          {
                              c.Id, c.Reference, c.Priority, i.ReceivedAt, c.Status,
                              ReadBy = db.WorkItems.Where(w => w.SubjectId == i.Id && w.ClosedAt == null).Select(w => (DateTimeOffset?)w.DueAt).FirstOrDefault(),
                          })
            .OrderBy(r => r.ReceivedAt)
            .Take(max)
            .ToListAsync(ct);
        var names = await ContactChildNames.ForAsync(db, rows.Select(r => r.Id).Distinct().ToList(), ct);
        return rows.Select(r => new UnreadInformationLine(r.Id, r.Reference, names.GetValueOrDefault(r.Id, ""), r.Priority, r.ReceivedAt, r.ReadBy, r.Status))
            .OrderBy(r => r.ReadBy ?? DateTimeOffset.MaxValue).ThenBy(r => r.ReceivedAt)
            .ToList();
    }

    /// <summary>
    /// A front-door worker has read the new information on a contact: each unread piece is marked read and its work
    /// item closed. Returns how many pieces were marked (0: nothing was unread).
    /// </summary>
    public async Task<int> MarkReadAsync(Guid contactId, Guid? byUserId, CancellationToken ct = default)
    {
        var unread = await db.ContactInformation.Where(i => i.ContactId == contactId && i.ReadAt == null).ToListAsync(ct);
        if (unread.Count == 0) return 0;
        var now = db.Time.GetUtcNow();
        var ids = unread.Select(i => i.Id).ToList();
        foreach (var information in unread) information.MarkRead(byUserId, now);
        foreach (var item in await db.WorkItems.Where(w => w.Kind == WorkKind.ReadNewInformation && w.ClosedAt == null && ids.Contains(w.SubjectId))
                     .ToListAsync(ct))
        {
            _work.Close(item, now);
        }
        var contact = await db.Contacts.AsNoTracking().Include(c => c.Children).SingleAsync(c => c.Id == contactId, ct);
        foreach (var child in contact.Children)
        {
            db.Record(new InformationRead(contact.Id, contact.Reference, ids), child.PersonId, nameof(Contact), contact.Id);
        }
        await db.SaveChangesAsync(ct);
        return unread.Count;
    }

    private async Task<AddedInformation?> EarlierAsync(Guid organisationId, InformationKey key, CancellationToken ct)
    {
        var earlier = await db.ContactInformation.AsNoTracking()
            .Where(i => i.OrganisationId == organisationId && i.IdempotencyKey == key.Key)
            .Select(i => new { i.Id, i.ContactId, i.ReceivedAt, i.From, i.RequestHash })
            .FirstOrDefaultAsync(ct);
        return earlier is null ? null
            : new AddedInformation(earlier.Id, earlier.ContactId, earlier.ReceivedAt, earlier.From,
                earlier.RequestHash == key.RequestHash ? InformationResult.Replayed : InformationResult.KeyReused);
    }
}
