using Microsoft.AspNetCore.Identity;

namespace Safeguard.Core.Security;

/// <summary>
/// Password rules for local accounts (NCSC: length over forced complexity; common passwords refused by
/// <see cref="Core.Passwords.CommonPasswordValidator"/>). Failed sign-ins lock nothing: they earn growing waits
/// (<see cref="Throttling.SignInThrottling"/>). Identity's lockout stays on for two things only: refusing a disabled
/// account, and wrong second-factor codes (only someone who knows the password gets that far, so nobody else can set it off).
/// </summary>
public static class IdentityPolicy
{
    public const int MinimumPasswordLength = 12;
    public const int FailedAttemptsBeforeLockout = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static void Configure(IdentityOptions options)
    {
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = false;
        options.Password.RequireLowercase = false;
        options.Password.RequireUppercase = false;
        options.Password.RequireNonAlphanumeric = false;
        options.Password.RequiredUniqueChars = 5;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = FailedAttemptsBeforeLockout;
        options.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
    }
}
