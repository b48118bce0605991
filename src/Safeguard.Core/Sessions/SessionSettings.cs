namespace Safeguard.Core.Sessions;

/// <summary>How long a signed-in session lasts (configuration section "Sessions").</summary>
public sealed class SessionSettings
{
    public const string Section = "Sessions";

    /// <summary>A session with no request for this long is ended (OWASP ASVS 3.3.2: 30 minutes at level 2).</summary>
    public int IdleMinutes { get; set; } = 30;

    /// <summary>However active, a session is ended this long after sign-in (ASVS 3.3.2: 12 hours at most; 8 here).</summary>
    public int MaxHours { get; set; } = 8;

    /// <summary>Minutes before the idle end at which pages warn that the session is about to end.</summary>
    public int WarnMinutesBefore { get; set; } = 2;
}
