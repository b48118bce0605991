using Microsoft.AspNetCore.Identity;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Sessions;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Passwords;

/// <summary>What came of an administrator's reset of someone's two-factor sign-in.</summary>
public enum TwoFactorResetOutcome { Done, NoSuchAccount, OwnAccount }

/// <summary>
/// An administrator resets someone's two-factor sign-in when they have lost their phone: the authenticator key and the
/// recovery codes are removed, two-factor sign-in is off, a lockout from wrong codes ends, the security stamp changes and
/// every open session ends. If
/// their roles need it (<see cref="Security.TwoFactorRule"/>) their next sign-in goes to setting it up again. Nobody
/// resets their own (<see cref="SelfAdministrationRule"/>): the attempt is refused and recorded.
/// </summary>
public sealed class TwoFactorResets(SafeguardDbContext db, UserManager<StaffUser> users, SignInSessions sessions)
{
    // Where Identity's user store keeps the authenticator key and the recovery codes among the account's tokens.
    private const string IdentityStore = "[AspNetUserStore]";
    private const string AuthenticatorKey = "AuthenticatorKey";
    private const string RecoveryCodes = "RecoveryCodes";

    public async Task<TwoFactorResetOutcome> ResetAsync(Guid userId, string reason, CancellationToken ct = default)
    {
        var user = await users.FindByIdAsync(userId.ToString());
        if (user is null) return TwoFactorResetOutcome.NoSuchAccount;
        if (SelfAdministrationRule.Refuses(db.Actor, user.Id))
        {
            db.Record(new TwoFactorSelfResetRefused(user.Id, user.DisplayName), subjectType: nameof(StaffUser), subjectId: user.Id, reason: reason);
            await db.SaveChangesAsync(ct);
            return TwoFactorResetOutcome.OwnAccount;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await users.RemoveAuthenticationTokenAsync(user, IdentityStore, AuthenticatorKey);
        await users.RemoveAuthenticationTokenAsync(user, IdentityStore, RecoveryCodes);
        user.TwoFactorEnabled = false;
        // Wrong codes from the lost phone locked the account; the reset is the administrator's remedy for that. A disabled
        // account's lockout (UserAdministration) is not a wrong-code lockout and stays.
        if (!user.IsDisabled) user.LockoutEnd = null;
        user.AccessFailedCount = 0;
        // Also saves the user with the changes above, in one update.
        await users.UpdateSecurityStampAsync(user);
        var ended = await sessions.EndAllOfAsync(user.Id, SessionEnd.TwoFactorReset, ct);
        db.Record(new TwoFactorReset(user.Id, user.DisplayName, ended), subjectType: nameof(StaffUser), subjectId: user.Id, reason: reason);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return TwoFactorResetOutcome.Done;
    }
}
