namespace Safeguard.Core.Security.Throttling;

/// <summary>
/// The failed sign-ins counted against one key (an account's address or a client's network address) and how long the
/// next attempt must wait. Kept in the database so every app instance counts the same and a restart forgets nothing.
/// </summary>
public sealed class SignInThrottle
{
    public const int KeyLength = 100;

    private SignInThrottle() { }

    internal SignInThrottle(string key, DateTimeOffset at)
    {
        Key = key;
        LastFailureAt = at;
    }

    /// <summary>"account:" and a hash of the normalised email, or "address:" and the client's address.</summary>
    public string Key { get; private set; } = "";

    /// <summary>Failures since the key was last forgotten.</summary>
    public int Failures { get; private set; }

    public DateTimeOffset LastFailureAt { get; private set; }

    /// <summary>No attempt is checked before this time; null while failures are under the free number.</summary>
    public DateTimeOffset? WaitUntil { get; private set; }

    /// <summary>Counts one more failure (starting again if the earlier ones are forgotten) and sets the wait it earns.</summary>
    internal void Fail(DateTimeOffset at, int freeFailures, SignInThrottleSettings settings)
    {
        if (IsForgotten(at, settings))
        {
            Failures = 0;
            WaitUntil = null;
        }
        Failures++;
        LastFailureAt = at;
        if (Failures >= freeFailures) WaitUntil = at + GrowingDelayRule.Delay(Failures - freeFailures + 1, settings.LongestWait);
    }

    /// <summary>Failures are forgotten after a quiet window that begins when the last wait ended.</summary>
    internal bool IsForgotten(DateTimeOffset at, SignInThrottleSettings settings) =>
        at - (WaitUntil is { } until && until > LastFailureAt ? until : LastFailureAt) >= settings.Window;
}

/// <summary>
/// The wait earned by the n-th failure past the free ones: 2^n seconds (2, 4, 8, ...), never longer than the cap
/// (OWASP ASVS 4 2.2.1: anti-automation by growing delays, not a lockout anyone can trigger).
/// </summary>
public static class GrowingDelayRule
{
    public static TimeSpan Delay(int failuresPastFree, TimeSpan cap)
    {
        // 2^20 seconds is 12 days: past that the cap has long applied, and the shift cannot overflow.
        var seconds = failuresPastFree >= 20 ? double.MaxValue : Math.Pow(2, Math.Max(1, failuresPastFree));
        return seconds >= cap.TotalSeconds ? cap : TimeSpan.FromSeconds(seconds);
    }
}
