using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;

namespace Safeguard.Core.Security.Authenticator;

/// <summary>
/// Each account's last accepted authenticator step (<see cref="AcceptedAuthenticatorStep"/>), moved on in one statement
/// so that of two requests with the same code at once, exactly one wins.
/// </summary>
public sealed class AuthenticatorSteps(SafeguardDbContext db)
{
    /// <summary>Takes <paramref name="step"/> for the account if it is later than the last one taken; false if it is not.</summary>
    public async Task<bool> TryTakeAsync(Guid userId, long step, CancellationToken ct = default)
    {
        var moved = await db.AcceptedAuthenticatorSteps.Where(s => s.UserId == userId && s.Step < step)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Step, step), ct);
        if (moved == 1) return true;
        if (await db.AcceptedAuthenticatorSteps.AnyAsync(s => s.UserId == userId, ct)) return false;

        // The account's first code: of two at once, the second insert breaks the key and is refused.
        var first = new AcceptedAuthenticatorStep(userId, step);
        db.AcceptedAuthenticatorSteps.Add(first);
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException ex) when (!DatabaseUnavailable.IsTransient(ex))
        {
            db.Entry(first).State = EntityState.Detached;
            return false;
        }
    }
}
