namespace Safeguard.Core.Security.Throttling;

/// <summary>How sign-in is slowed after failures (docs/operations.md, "Sign-in throttling").</summary>
public sealed class SignInThrottleSettings
{
    public const string Section = "SignInThrottle";

    /// <summary>Failures against one account before each further attempt must wait.</summary>
    public int FreeFailuresPerAccount { get; set; } = 5;

    /// <summary>
    /// Failures from one client address (an IPv6 /64) before each further attempt from it must wait. Higher than per
    /// account: many staff may share the council's outgoing address.
    /// </summary>
    public int FreeFailuresPerAddress { get; set; } = 100;

    /// <summary>Failures are forgotten after this long without one (counted from the end of the last wait).</summary>
    public int WindowMinutes { get; set; } = 15;

    /// <summary>The longest a wait grows to.</summary>
    public int LongestWaitMinutes { get; set; } = 15;

    public TimeSpan Window => TimeSpan.FromMinutes(WindowMinutes);

    public TimeSpan LongestWait => TimeSpan.FromMinutes(LongestWaitMinutes);
}
