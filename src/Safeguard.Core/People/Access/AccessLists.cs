using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.People.Access;

public enum AccessChange
{
    Done,
    /// <summary>The record is not restricted (or no longer is).</summary>
    NotRestricted,
    AlreadyRestricted,
    /// <summary>The acting user does not hold this child's access list.</summary>
    NotHolder,
    AlreadyOnList,
    NotOnList,
    /// <summary>No such active user.</summary>
    UnknownUser,
    /// <summary>Only someone whose role may restrict records can hold a list.</summary>
    CannotHold,
    /// <summary>A list always has someone who holds it.</summary>
    LastHolder,
}

public sealed record AccessListEntry(Guid UserId, string Name, string? JobTitle, bool HoldsList, string Reason, string GrantedByName, DateTimeOffset GrantedAt);

public sealed record AccessListView(Guid PersonId, bool IsRestricted, string? Reason, string? RestrictedByName, DateTimeOffset? RestrictedAt,
    IReadOnlyList<AccessListEntry> Entries)
{
    public bool Holds(Guid? userId) => Entries.Any(e => e.UserId == userId && e.HoldsList);
}

/// <summary>
/// Restricting a child's record and keeping its access list. The manager who restricts a record holds its list; a
/// holder adds and removes names (other holders too) and lifts the restriction. Each change needs a reason and is an
/// event, saved with the change. Rights: the page asks for <see cref="Permissions.RestrictChildRecords"/>; this
/// service checks that the actor holds the list.
/// </summary>
public sealed class AccessLists(SafeguardDbContext db)
{
    public async Task<AccessListView?> ViewAsync(Guid personId, CancellationToken ct = default)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId)
            .Select(p => new { p.IsRestricted, p.RestrictionReason, p.RestrictedByName, p.RestrictedAt }).SingleOrDefaultAsync(ct);
        if (person is null) return null;
        var entries = await db.PersonAccessGrants.AsNoTracking().Where(g => g.PersonId == personId)
            .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => new AccessListEntry(u.Id, u.DisplayName, u.JobTitle, g.HoldsList, g.Reason, g.GrantedByName, g.GrantedAt))
            .ToListAsync(ct);
        return new AccessListView(personId, person.IsRestricted, person.RestrictionReason, person.RestrictedByName, person.RestrictedAt,
            entries.OrderByDescending(e => e.HoldsList).ThenBy(e => e.Name).ToList());
    }

    /// <summary>Restricts the record; the acting user holds its list.</summary>
    public async Task<AccessChange> RestrictAsync(Guid personId, string reason, CancellationToken ct = default)
    {
        var actor = db.Actor;
        if (actor.UserId is not { } userId) return AccessChange.NotHolder;
        var person = await db.People.SingleAsync(p => p.Id == personId, ct);
        if (person.IsRestricted) return AccessChange.AlreadyRestricted;
        person.IsRestricted = true;
        person.RestrictionReason = reason.Trim();
        person.RestrictedByName = actor.Name;
        person.RestrictedAt = db.Time.GetUtcNow();
        db.ChangeReason = reason.Trim();
        db.PersonAccessGrants.Add(new PersonAccessGrant(personId, userId, holdsList: true, reason.Trim(), actor, db.Time.GetUtcNow()));
        db.Record(new RecordRestricted(personId), personId, nameof(Person), personId, reason.Trim());
        db.Record(new AccessGranted(personId, userId, actor.Name, HoldsList: true), personId, nameof(Person), personId, reason.Trim());
        await db.SaveChangesAsync(ct);
        return AccessChange.Done;
    }

    /// <summary>Lifts the restriction: the record is seen by role again and its list is cleared.</summary>
    public async Task<AccessChange> LiftAsync(Guid personId, string reason, CancellationToken ct = default)
    {
        var person = await db.People.SingleAsync(p => p.Id == personId, ct);
        if (!person.IsRestricted) return AccessChange.NotRestricted;
        if (!await HoldsAsync(personId, ct)) return AccessChange.NotHolder;
        person.IsRestricted = false;
        person.RestrictionReason = null;
        person.RestrictedByName = null;
        person.RestrictedAt = null;
        db.ChangeReason = reason.Trim();
        await db.PersonAccessGrants.Where(g => g.PersonId == personId).ExecuteDeleteAsync(ct);
        db.Record(new RestrictionLifted(personId), personId, nameof(Person), personId, reason.Trim());
        await db.SaveChangesAsync(ct);
        return AccessChange.Done;
    }

    public async Task<AccessChange> AddAsync(Guid personId, Guid userId, bool holdsList, string reason, CancellationToken ct = default)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId && p.IsRestricted, ct)) return AccessChange.NotRestricted;
        if (!await HoldsAsync(personId, ct)) return AccessChange.NotHolder;
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && !u.IsDisabled).Select(u => new { u.Id, u.DisplayName }).SingleOrDefaultAsync(ct);
        if (user is null) return AccessChange.UnknownUser;
        if (holdsList && !await MayHoldAsync(userId, ct)) return AccessChange.CannotHold;
        if (await db.PersonAccessGrants.AnyAsync(g => g.PersonId == personId && g.UserId == userId, ct)) return AccessChange.AlreadyOnList;
        db.PersonAccessGrants.Add(new PersonAccessGrant(personId, userId, holdsList, reason.Trim(), db.Actor, db.Time.GetUtcNow()));
        db.Record(new AccessGranted(personId, userId, user.DisplayName, holdsList), personId, nameof(Person), personId, reason.Trim());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two holders added the same name at once: the unique index kept one; the name is on the list.
            if (await AddedMeanwhileAsync(personId, userId, ct)) return AccessChange.AlreadyOnList;
            throw;
        }
        return AccessChange.Done;
    }

    public async Task<AccessChange> RemoveAsync(Guid personId, Guid userId, string reason, CancellationToken ct = default)
    {
        if (!await db.People.AnyAsync(p => p.Id == personId && p.IsRestricted, ct)) return AccessChange.NotRestricted;
        if (!await HoldsAsync(personId, ct)) return AccessChange.NotHolder;
        var grant = await db.PersonAccessGrants.SingleOrDefaultAsync(g => g.PersonId == personId && g.UserId == userId, ct);
        if (grant is null) return AccessChange.NotOnList;
        if (grant.HoldsList && !await db.PersonAccessGrants.AnyAsync(g => g.PersonId == personId && g.HoldsList && g.UserId != userId, ct))
        {
            return AccessChange.LastHolder;
        }
        var name = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleAsync(ct);
        db.PersonAccessGrants.Remove(grant);
        db.Record(new AccessRemoved(personId, userId, name), personId, nameof(Person), personId, reason.Trim());
        await db.SaveChangesAsync(ct);
        return AccessChange.Done;
    }

    /// <summary>Active staff who could be added to a list, by name (with whether their role lets them hold one).</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name, string? JobTitle, bool MayHold)>> StaffAsync(CancellationToken ct = default)
    {
        var users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled && u.OrganisationId == null).OrderBy(u => u.DisplayName)
            .Select(u => new { u.Id, u.DisplayName, u.JobTitle }).ToListAsync(ct);
        var holders = await HoldingUsers().ToListAsync(ct);
        return users.Select(u => (u.Id, u.DisplayName, u.JobTitle, holders.Contains(u.Id))).ToList();
    }

    /// <summary>
    /// A restricted record merged into another keeps its protection: the survivor becomes restricted (if it was not)
    /// and everyone on the merged record's list is added to the survivor's. Unmerging leaves the survivor restricted.
    /// </summary>
    internal static async Task CarryOverAsync(SafeguardDbContext db, Person merged, Person survivor, CancellationToken ct)
    {
        if (!merged.IsRestricted) return;
        var now = db.Time.GetUtcNow();
        if (!survivor.IsRestricted)
        {
            survivor.IsRestricted = true;
            survivor.RestrictionReason = $"Merged with a restricted record: {merged.RestrictionReason}";
            survivor.RestrictedByName = db.Actor.Name;
            survivor.RestrictedAt = now;
            db.Record(new RecordRestricted(survivor.Id), survivor.Id, nameof(Person), survivor.Id, survivor.RestrictionReason);
        }
        var already = await db.PersonAccessGrants.Where(g => g.PersonId == survivor.Id).Select(g => g.UserId).ToListAsync(ct);
        var carried = await db.PersonAccessGrants.AsNoTracking().Where(g => g.PersonId == merged.Id && !already.Contains(g.UserId))
            .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => new { g.UserId, g.HoldsList, g.Reason, u.DisplayName })
            .ToListAsync(ct);
        foreach (var grant in carried)
        {
            db.PersonAccessGrants.Add(new PersonAccessGrant(survivor.Id, grant.UserId, grant.HoldsList, grant.Reason, db.Actor, now));
            db.Record(new AccessGranted(survivor.Id, grant.UserId, grant.DisplayName, grant.HoldsList), survivor.Id, nameof(Person), survivor.Id,
                "On the access list of a record merged into this one");
        }
    }

    private Task<bool> HoldsAsync(Guid personId, CancellationToken ct)
    {
        var userId = db.Actor.UserId;
        return db.PersonAccessGrants.AnyAsync(g => g.PersonId == personId && g.UserId == userId && g.HoldsList, ct);
    }

    private Task<bool> MayHoldAsync(Guid userId, CancellationToken ct) => HoldingUsers().AnyAsync(id => id == userId, ct);

    /// <summary>Users with a role that grants <see cref="Permissions.RestrictChildRecords"/>.</summary>
    private IQueryable<Guid> HoldingUsers()
    {
        var roles = Roles.All.Where(r => RolePermissions.For(r).Contains(Permissions.RestrictChildRecords)).ToList();
        return db.UserRoles.Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .Where(x => roles.Contains(x.Name!)).Select(x => x.UserId);
    }

    private async Task<bool> AddedMeanwhileAsync(Guid personId, Guid userId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await db.PersonAccessGrants.AnyAsync(g => g.PersonId == personId && g.UserId == userId, ct);
    }
}
