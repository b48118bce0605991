using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Security;

namespace Safeguard.Core.People.Access;

/// <summary>
/// The one answer to "may the person acting now see this child?". A child whose record is not restricted may be
/// seen by anyone whose role lets them see children's records (the page's own rule). A restricted child may be seen
/// only by the users on its access list (<see cref="PersonAccessGrant"/>), which includes the managers who hold the
/// list. Safeguard itself (background work, the CLI) sees everyone. Lists use <see cref="Visible"/> or
/// <see cref="Hidden"/>: one EXISTS per list, never one query per row.
/// </summary>
public sealed class NeedToKnow(SafeguardDbContext db)
{
    /// <summary>What a list shows in place of a restricted child's name to people not on its access list.</summary>
    public const string RestrictedTitle = "Restricted record";

    private Guid? UserId => db.Actor.UserId;

    /// <summary>Safeguard itself (background work, the CLI, intake matching): restriction is about people.</summary>
    public bool SeesEveryone => db.Actor == Actor.System;

    /// <summary>The people the actor may see, for a query that lists people.</summary>
    public IQueryable<Person> Visible(IQueryable<Person> people)
    {
        if (SeesEveryone) return people;
        var userId = UserId;
        return people.Where(p => !p.IsRestricted || db.PersonAccessGrants.Any(g => g.PersonId == p.Id && g.UserId == userId));
    }

    /// <summary>
    /// The ids of the restricted people the actor may not see: for a query over rows that name a person
    /// (<c>!hidden.Contains(row.PersonId)</c>). Restricted people are few and indexed, so this stays cheap.
    /// </summary>
    public IQueryable<Guid> Hidden()
    {
        if (SeesEveryone) return db.People.Where(p => false).Select(p => p.Id);
        var userId = UserId;
        return db.People.Where(p => p.IsRestricted && !db.PersonAccessGrants.Any(g => g.PersonId == p.Id && g.UserId == userId))
            .Select(p => p.Id);
    }

    public async Task<bool> MaySeeAsync(Guid personId, CancellationToken ct = default) =>
        !await Hidden().AnyAsync(id => id == personId, ct);

    /// <summary>Of these people, the ones the actor may not see (one query).</summary>
    public async Task<IReadOnlySet<Guid>> HiddenAmongAsync(IEnumerable<Guid?> personIds, CancellationToken ct = default)
    {
        var ids = personIds.OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0 || SeesEveryone) return new HashSet<Guid>();
        return (await Hidden().Where(id => ids.Contains(id)).ToListAsync(ct)).ToHashSet();
    }

    /// <summary>
    /// True when the actor may see the person. Otherwise the refusal is recorded (who, which child, where) and the
    /// caller answers exactly as for a person who does not exist.
    /// </summary>
    public async Task<bool> CheckAsync(Guid personId, string where, CancellationToken ct = default)
    {
        if (await MaySeeAsync(personId, ct)) return true;
        await RefuseAsync(personId, where, nameof(Person), personId, ct);
        return false;
    }

    /// <summary>As <see cref="CheckAsync"/> for every person at once (a duplicate pair, a merge).</summary>
    public async Task<bool> CheckAllAsync(IEnumerable<Guid> personIds, string where, string subjectType, Guid subjectId, CancellationToken ct = default)
    {
        var hidden = await HiddenAmongAsync(personIds.Cast<Guid?>(), ct);
        if (hidden.Count == 0) return true;
        foreach (var id in hidden) Refuse(id, where, subjectType, subjectId);
        await db.SaveChangesAsync(ct);
        return false;
    }

    /// <summary>
    /// Records that the actor viewed a page of <paramref name="personId"/>'s record (after <see cref="CheckAsync"/> let
    /// them): every view of a child's data is audited (none for Safeguard's own work).
    /// </summary>
    public async Task RecordViewedAsync(Guid personId, string personName, CancellationToken ct = default)
    {
        if (SeesEveryone) return;
        db.Record(new RecordViewed(personId, personName.Trim()), personId, nameof(Person), personId);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Records that people were listed to the actor: one event for the whole list (none for an empty one, nor for
    /// Safeguard's own work).
    /// </summary>
    public async Task RecordListedAsync(string where, IReadOnlyCollection<Guid> personIds, CancellationToken ct = default)
    {
        if (personIds.Count == 0 || SeesEveryone) return;
        var ids = personIds.Distinct().ToList();
        db.Record(new PeopleListed(where, ids), ids.Count == 1 ? ids[0] : null);
        await db.SaveChangesAsync(ct);
    }

    private async Task RefuseAsync(Guid personId, string where, string subjectType, Guid subjectId, CancellationToken ct)
    {
        Refuse(personId, where, subjectType, subjectId);
        await db.SaveChangesAsync(ct);
    }

    private void Refuse(Guid personId, string where, string subjectType, Guid subjectId) =>
        db.Record(new RecordAccessRefused(personId, where), personId, subjectType, subjectId);
}
