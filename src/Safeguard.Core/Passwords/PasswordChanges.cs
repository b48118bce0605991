using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Sessions;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Passwords;

/// <summary>Result of a password change: done, or the problems to show against the form's fields.</summary>
public sealed record PasswordResult(bool Succeeded, IReadOnlyList<(string Field, string Message)> Errors)
{
    public static readonly PasswordResult Ok = new(true, []);

    public static PasswordResult Fail(string field, string message) => new(false, [(field, message)]);
}

/// <summary>
/// People change their own password; administrators set one that must be changed at the next sign-in. Either way the
/// security stamp changes and every open session of the person ends, so a copy of an old cookie opens nothing.
/// </summary>
public sealed class PasswordChanges(SafeguardDbContext db, UserManager<StaffUser> users, SignInSessions sessions)
{
    public const string CurrentField = "CurrentPassword";
    public const string NewField = "NewPassword";
    public const string WrongCurrent = "Your current password is not correct";
    public const string SameAsCurrent = "Your new password must be different from your current password";

    /// <summary>Changes the person's own password after checking the current one; ends all their sessions.</summary>
    public async Task<PasswordResult> ChangeAsync(Guid userId, string current, string next, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null || !await users.CheckPasswordAsync(user, current)) return PasswordResult.Fail(CurrentField, WrongCurrent);
        if (current == next) return PasswordResult.Fail(NewField, SameAsCurrent);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var mustChange = user.MustChangePassword;
        user.MustChangePassword = false;
        // Checks the new password against the validators, stores its hash and a new security stamp.
        var changed = await users.ChangePasswordAsync(user, current, next);
        if (!changed.Succeeded)
        {
            user.MustChangePassword = mustChange;
            return Refused(changed);
        }
        var ended = await sessions.EndAllOfAsync(user.Id, SessionEnd.PasswordChanged, ct);
        db.Record(new PasswordChanged(user.Id, user.DisplayName, ended), subjectType: nameof(StaffUser), subjectId: user.Id,
            actor: new Actor(user.Id, user.DisplayName, user.OrganisationId));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return PasswordResult.Ok;
    }

    /// <summary>An administrator sets a new password: it must be changed at the next sign-in, and the person's sessions end.</summary>
    public async Task<PasswordResult> ResetAsync(Guid userId, string password, string reason, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return PasswordResult.Fail("", "There is no such account");
        // Their own password is changed from "Change your password", which asks for the current one.
        if (SelfAdministrationRule.Refuses(db.Actor, user.Id)) return PasswordResult.Fail("", SelfAdministrationRule.Refusal);
        foreach (var validator in users.PasswordValidators)
        {
            if (await validator.ValidateAsync(users, user, password) is { Succeeded: false } invalid) return Refused(invalid);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        user.MustChangePassword = true;
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        // Also saves the user with the new hash.
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllOfAsync(user.Id, SessionEnd.PasswordChanged, ct);
        db.Record(new PasswordReset(user.Id, user.DisplayName), subjectType: nameof(StaffUser), subjectId: user.Id, reason: reason);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return PasswordResult.Ok;
    }

    private static PasswordResult Refused(IdentityResult result) =>
        new(false, result.Errors.Select(e => (NewField, e.Description)).ToList());
}
