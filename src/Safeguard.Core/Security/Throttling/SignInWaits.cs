namespace Safeguard.Core.Security.Throttling;

/// <summary>The words for a throttled attempt: the same for every account, existing or not.</summary>
public static class SignInWaits
{
    public static string TooManyAttempts(TimeSpan wait) => $"Too many attempts. Wait {Duration(wait)} and try again";

    /// <summary>Whole seconds under a minute, whole minutes from one minute on; always rounded up, so waiting that long is enough.</summary>
    public static string Duration(TimeSpan wait)
    {
        var seconds = (int)Math.Ceiling(wait.TotalSeconds);
        if (seconds < 60) return Text.Plural.Count(Math.Max(1, seconds), "second");
        return Text.Plural.Count((int)Math.Ceiling(seconds / 60.0), "minute");
    }
}
