using Safeguard.Core.Audit;

namespace Safeguard.Core.Passwords;

/// <summary>Someone changed their own password (never the password itself); the sessions they had open ended.</summary>
public sealed record PasswordChanged(Guid UserId, string DisplayName, int SessionsEnded) : IEvent
{
    public static string Name => "account.password-changed";

    public string Describe() => SessionsEnded == 0
        ? $"{DisplayName} changed their password"
        : $"{DisplayName} changed their password; {Text.Plural.Count(SessionsEnded, "session")} ended";
}

/// <summary>An administrator set a new password for someone, who must change it when they next sign in.</summary>
public sealed record PasswordReset(Guid UserId, string DisplayName) : IEvent
{
    public static string Name => "account.password-reset";

    public string Describe() => $"New password set for {DisplayName} by an administrator: to be changed at next sign-in";
}
