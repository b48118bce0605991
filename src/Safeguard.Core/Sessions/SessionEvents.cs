using Safeguard.Core.Audit;

namespace Safeguard.Core.Sessions;

/// <summary>A signed-in session ended: signed out, or ended by the server after idle time or its longest time.</summary>
public sealed record SessionEnded(Guid UserId, Guid SessionId, SessionEnd Why) : IEvent
{
    public static string Name => "account.session-ended";

    public string Describe() => Why switch
    {
        SessionEnd.SignedOut => "Signed out",
        SessionEnd.Idle => "Signed out by Safeguard after a time without activity",
        SessionEnd.PasswordChanged => "Signed out by Safeguard because the password changed",
        SessionEnd.TwoFactorReset => "Signed out by Safeguard because an administrator reset two-factor sign-in",
        _ => "Signed out by Safeguard at the longest time a sign-in lasts",
    };
}
