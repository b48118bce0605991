using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Security;

namespace Safeguard.Core.Workforce;

public sealed record UserLine(Guid Id, string DisplayName, string Email, Guid? TeamId, string? TeamName, Guid? OrganisationId,
    string? OrganisationName, IReadOnlyList<string> Roles, bool IsDisabled, bool IsLockedOut);

public sealed record NewUser(string DisplayName, string Email, string Password, IReadOnlyList<string> Roles,
    Guid? TeamId, Guid? OrganisationId, string? JobTitle);

public sealed record UserChange(IReadOnlyList<string> Roles, Guid? TeamId, Guid? OrganisationId, bool IsDisabled);

/// <summary>Result of an account change: either done, or the problems to show against fields.</summary>
public sealed record AdminResult(bool Succeeded, IReadOnlyList<(string Field, string Message)> Errors, Guid? UserId = null)
{
    public static AdminResult Ok(Guid id) => new(true, [], id);
    public static AdminResult Fail(string field, string message) => new(false, [(field, message)]);
}

/// <summary>
/// Adds accounts, sets roles and disables accounts; every step is written as an event. Nobody changes their own account
/// (<see cref="SelfAdministrationRule"/>): the attempt is refused and written as an event too.
/// </summary>
public sealed class UserAdministration(SafeguardDbContext db, UserManager<StaffUser> users, IHeldCases heldCases)
{
    public Task<IReadOnlyList<UserLine>> ListAsync(CancellationToken ct = default) => LinesAsync(null, ct);

    public async Task<UserLine?> FindAsync(Guid userId, CancellationToken ct = default) => (await LinesAsync(userId, ct)).SingleOrDefault();

    private async Task<IReadOnlyList<UserLine>> LinesAsync(Guid? only, CancellationToken ct)
    {
        var now = db.Time.GetUtcNow();
        var rows = await (from u in db.Users.AsNoTracking()
                          where only == null || u.Id == only
                          join t in db.Teams on u.TeamId equals t.Id into teams
                          from t in teams.DefaultIfEmpty()
                          join o in db.Organisations on u.OrganisationId equals o.Id into orgs
                          from o in orgs.DefaultIfEmpty()
                          orderby u.DisplayName
                          select new { u.Id, u.DisplayName, u.Email, u.TeamId, Team = t.Name, u.OrganisationId, Org = o.Name, u.IsDisabled, u.LockoutEnd })
            .ToListAsync(ct);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where only == null || ur.UserId == only
                           select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        var byUser = roles.ToLookup(r => r.UserId, r => r.Name!);
        return rows.Select(u => new UserLine(u.Id, u.DisplayName, u.Email ?? "", u.TeamId, u.Team, u.OrganisationId, u.Org, byUser[u.Id].ToList(),
            u.IsDisabled, u.LockoutEnd > now)).ToList();
    }

    public async Task<AdminResult> AddAsync(NewUser input)
    {
        if (await users.FindByEmailAsync(input.Email) is not null)
            return AdminResult.Fail(nameof(NewUser.Email), "An account with this email address already exists");
        foreach (var role in input.Roles)
        {
            if (!Roles.All.Contains(role)) return AdminResult.Fail(nameof(NewUser.Roles), $"'{role}' is not a role");
        }

        var user = new StaffUser
        {
            Id = NewId.Next(),
            UserName = input.Email,
            Email = input.Email,
            EmailConfirmed = true,
            DisplayName = input.DisplayName,
            JobTitle = input.JobTitle,
            TeamId = input.TeamId,
            OrganisationId = input.OrganisationId,
            // Set by an administrator, so known to someone else: changed at first sign-in.
            MustChangePassword = true,
        };
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Record(new AccountCreated(user.Id, input.DisplayName, input.Email, input.Roles.ToList()), subjectType: nameof(StaffUser), subjectId: user.Id);
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return new AdminResult(false, created.Errors.Select(e => (nameof(NewUser.Password), e.Description)).ToList());
        }
        if (input.Roles.Count > 0) await users.AddToRolesAsync(user, input.Roles);
        await transaction.CommitAsync();
        return AdminResult.Ok(user.Id);
    }

    public async Task<AdminResult> ChangeAsync(Guid userId, UserChange change, string reason)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return AdminResult.Fail("", "There is no such account");
        if (SelfAdministrationRule.Refuses(db.Actor, user.Id))
        {
            db.Record(new AccountSelfChangeRefused(user.Id, user.DisplayName, change.Roles.ToList()),
                subjectType: nameof(StaffUser), subjectId: user.Id, reason: reason);
            await db.SaveChangesAsync();
            return AdminResult.Fail(nameof(UserChange.Roles), SelfAdministrationRule.Refusal);
        }
        if (change.Roles.Any(r => !Roles.All.Contains(r))) return AdminResult.Fail(nameof(UserChange.Roles), "Choose roles from the list");
        if (change.IsDisabled && !user.IsDisabled && await heldCases.CountAsync(user.Id) is > 0 and var held)
        {
            return AdminResult.Fail(nameof(UserChange.IsDisabled),
                $"{user.DisplayName} still holds {Text.Plural.Count(held, "case")}: reallocate them before disabling the account");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var current = await users.GetRolesAsync(user);
        var removed = current.Except(change.Roles).ToList();
        var added = change.Roles.Except(current).ToList();
        if (removed.Count > 0) await users.RemoveFromRolesAsync(user, removed);
        if (added.Count > 0) await users.AddToRolesAsync(user, added);

        db.Record(new AccountChanged(user.Id, user.DisplayName, added, removed, user.TeamId, change.TeamId,
                user.OrganisationId, change.OrganisationId, user.IsDisabled, change.IsDisabled),
            subjectType: nameof(StaffUser), subjectId: user.Id, reason: reason);
        user.TeamId = change.TeamId;
        user.OrganisationId = change.OrganisationId;
        user.IsDisabled = change.IsDisabled;
        // A disabled account is also locked out, so Identity itself refuses it and live sessions end at the next check.
        user.LockoutEnd = change.IsDisabled ? DateTimeOffset.MaxValue : null;
        await users.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync();
        return AdminResult.Ok(user.Id);
    }
}
