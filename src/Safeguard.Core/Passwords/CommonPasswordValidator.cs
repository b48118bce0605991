using Microsoft.AspNetCore.Identity;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Passwords;

/// <summary>
/// Refuses a password that is common or breached (<see cref="CommonPasswords"/>) or that contains the person's own email
/// name or a part of their name: the first things someone guessing tries (OWASP ASVS 2.1.7; NCSC password guidance).
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<StaffUser>
{
    public const string CommonCode = "PasswordCommon";
    public const string PersonalCode = "PasswordPersonal";
    public const string CommonMessage =
        "Password is too easy to guess: it is on a list of common or breached passwords. Choose a different password, such as three random words";
    public const string PersonalMessage = "Password must not contain your name or email address";

    /// <summary>Parts of a name shorter than this ("Li", "Jo") are too common inside other words to refuse.</summary>
    private const int ShortestNamePart = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        if (CommonPasswords.ContainsWithEndingAdded(password))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = CommonCode, Description = CommonMessage }));
        }
        if (PersonalWords(user).Any(word => password.Contains(word, StringComparison.OrdinalIgnoreCase)))
        {
            return Task.FromResult(IdentityResult.Failed(new IdentityError { Code = PersonalCode, Description = PersonalMessage }));
        }
        return Task.FromResult(IdentityResult.Success);
    }

    /// <summary>The email's local part whole and the words of the display name and of the email's local part.</summary>
    public static IEnumerable<string> PersonalWords(StaffUser user)
    {
        var local = (user.Email ?? user.UserName ?? "").Split('@')[0];
        var words = new List<string> { local };
        words.AddRange(local.Split(['.', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries));
        words.AddRange(user.DisplayName.Split([' ', '-', '\''], StringSplitOptions.RemoveEmptyEntries));
        return words.Where(w => w.Length >= ShortestNamePart).Distinct(StringComparer.OrdinalIgnoreCase);
    }
}
