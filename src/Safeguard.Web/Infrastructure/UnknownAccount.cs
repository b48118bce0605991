using Microsoft.AspNetCore.Identity;
using Safeguard.Core.Workforce;

namespace Safeguard.Web.Infrastructure;

/// <summary>
/// A sign-in for an email with no account takes as long as a wrong password for one that exists: the password is checked
/// against a hash of nothing anyone knows, so the time taken does not tell who has an account.
/// </summary>
public static class UnknownAccount
{
    private static readonly StaffUser Nobody = new() { Id = Guid.Empty, UserName = "nobody" };

    private static string? _hash;

    public static Microsoft.AspNetCore.Identity.SignInResult Refused(IPasswordHasher<StaffUser> hasher, string password)
    {
        var hash = _hash ??= hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));
        hasher.VerifyHashedPassword(Nobody, hash, password);
        return Microsoft.AspNetCore.Identity.SignInResult.Failed;
    }
}
