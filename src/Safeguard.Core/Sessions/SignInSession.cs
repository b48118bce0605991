using Safeguard.Core.Data;

namespace Safeguard.Core.Sessions;

/// <summary>Why a session ended.</summary>
public enum SessionEnd { SignedOut, Idle, TooLong, PasswordChanged, TwoFactorReset }

/// <summary>
/// One signed-in session, held on the server: the cookie carries only its id, so signing out (or 30 idle minutes, or
/// 8 hours in all) ends it for every copy of the cookie.
/// </summary>
public sealed class SignInSession
{
    private SignInSession() { }

    public SignInSession(Guid userId, DateTimeOffset startedAt)
    {
        Id = NewId.Next();
        UserId = userId;
        StartedAt = startedAt;
        LastSeenAt = startedAt;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>The last request seen, to the minute (it is written at most once a minute).</summary>
    public DateTimeOffset LastSeenAt { get; internal set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public SessionEnd? EndedBecause { get; private set; }

    internal void End(SessionEnd why, DateTimeOffset at)
    {
        EndedAt ??= at;
        EndedBecause ??= why;
    }
}
