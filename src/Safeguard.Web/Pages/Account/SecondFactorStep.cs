using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Workforce;

namespace Safeguard.Web.Pages.Account;

/// <summary>What the two sign-in steps after the password (authenticator code, recovery code) share.</summary>
public sealed class SecondFactorStep(SignInManager<StaffUser> signIn, SafeguardDbContext db)
{
    /// <summary>The longest code read: anything longer is wrong without being looked at.</summary>
    public const int MaxCodeLength = 64;

    /// <summary>After too many wrong codes (only someone who knows the password gets this far, so a lockout is safe here).</summary>
    public const string LockedOut = "Your account is locked after too many wrong codes. Try again in 15 minutes or ask your system administrator";

    /// <summary>The account whose password was right in this browser, still waiting for its second factor (null once the wait is over).</summary>
    public Task<StaffUser?> WaitingUserAsync() => signIn.GetTwoFactorAuthenticationUserAsync();

    /// <summary>
    /// Records the sign-in as the password path does (with anything <see cref="Record"/> added first); a retired
    /// organisation is refused then as it is there. Returns the refusal, or null.
    /// </summary>
    public async Task<string?> CompleteAsync(StaffUser user)
    {
        var retired = await db.Organisations.Where(o => o.Id == user.OrganisationId && o.RetiredAt != null).Select(o => o.Name).FirstOrDefaultAsync();
        if (retired is not null)
        {
            await signIn.SignOutAsync();
            db.Record(new SignInFailed(user.Email ?? user.DisplayName, SignInRefusal.OrganisationRetired, Organisation: retired),
                subjectType: nameof(StaffUser), subjectId: user.Id);
            await db.SaveChangesAsync();
            return SignInModel.RetiredOrganisation(retired);
        }
        Record(new SignedIn(user.Id, user.DisplayName), user);
        await db.SaveChangesAsync();
        return null;
    }

    public async Task RecordFailureAsync(StaffUser user, SecondFactor factor, bool lockedOut)
    {
        db.Record(new TwoFactorFailed(user.Id, user.DisplayName, factor, lockedOut), subjectType: nameof(StaffUser), subjectId: user.Id);
        await db.SaveChangesAsync();
    }

    /// <summary>What was typed, without the spaces and dashes people copy with it.</summary>
    public static string Normalise(string code) => code.Replace(" ", "").Replace("-", "").Trim();

    /// <summary>An event of this sign-in, by the person signing in, saved with it.</summary>
    public void Record<T>(T happened, StaffUser user) where T : IEvent =>
        db.Record(happened, subjectType: nameof(StaffUser), subjectId: user.Id, actor: new Actor(user.Id, user.DisplayName, user.OrganisationId));
}
