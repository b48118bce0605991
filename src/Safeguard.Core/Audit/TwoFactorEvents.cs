namespace Safeguard.Core.Audit;

/// <summary>Someone set up an authenticator app: from now on signing in asks for its code. No key or code is kept here.</summary>
public sealed record TwoFactorEnabled(Guid UserId, string DisplayName) : IEvent
{
    public static string Name => "account.two-factor-enabled";

    public string Describe() => $"{DisplayName} set up two-factor sign-in with an authenticator app";
}

/// <summary>Two-factor sign-in was turned off for an account, by its holder or by an administrator resetting it.</summary>
public sealed record TwoFactorDisabled(Guid UserId, string DisplayName, bool ByAdministrator = false) : IEvent
{
    public static string Name => "account.two-factor-disabled";

    public string Describe() => ByAdministrator
        ? $"Two-factor sign-in reset for {DisplayName} by an administrator"
        : $"{DisplayName} turned off two-factor sign-in";
}

/// <summary>New recovery codes were made; the old ones no longer work. The codes are never recorded.</summary>
public sealed record RecoveryCodesRegenerated(Guid UserId, string DisplayName) : IEvent
{
    public static string Name => "account.recovery-codes-regenerated";

    public string Describe() => $"{DisplayName} made new recovery codes";
}

/// <summary>Someone signed in with a recovery code (each works once); how many are left, not which was used.</summary>
public sealed record RecoveryCodeUsed(Guid UserId, string DisplayName, int CodesLeft) : IEvent
{
    public static string Name => "account.recovery-code-used";

    public string Describe() => $"{DisplayName} signed in with a recovery code ({CodesLeft} left)";
}

/// <summary>What kind of second factor was tried.</summary>
public enum SecondFactor { AuthenticatorCode, RecoveryCode }

/// <summary>A wrong authenticator or recovery code after a right password. What was typed is never recorded.</summary>
public sealed record TwoFactorFailed(Guid UserId, string DisplayName, SecondFactor Factor, bool LockedOut) : IEvent
{
    public static string Name => "account.two-factor-failed";

    public string Describe() =>
        $"Failed two-factor sign-in for {DisplayName}: wrong {(Factor == SecondFactor.RecoveryCode ? "recovery" : "authenticator")} code"
        + (LockedOut ? ", account locked" : "");
}

/// <summary>
/// An administrator reset someone's two-factor sign-in (a lost or replaced phone): their authenticator key and recovery
/// codes were removed and their sessions ended; they set it up again at their next sign-in. No key or code is kept here.
/// </summary>
public sealed record TwoFactorReset(Guid UserId, string DisplayName, int SessionsEnded) : IEvent
{
    public static string Name => "account.two-factor-reset";

    public string Describe() => $"Two-factor sign-in reset for {DisplayName} by an administrator"
        + (SessionsEnded == 0 ? "" : $"; {Text.Plural.Count(SessionsEnded, "session")} ended");
}

/// <summary>An administrator tried to reset their own two-factor sign-in: refused (another administrator must).</summary>
public sealed record TwoFactorSelfResetRefused(Guid UserId, string DisplayName) : IEvent
{
    public static string Name => "account.two-factor-self-reset-refused";

    public string Describe() => $"{DisplayName} tried to reset their own two-factor sign-in: refused";
}
