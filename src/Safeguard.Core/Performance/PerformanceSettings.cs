namespace Safeguard.Core.Performance;

/// <summary><c>Performance:*</c>: the background refresh of the dashboard's daily figures (docs/measures.md, "Speed").</summary>
public sealed class PerformanceSettings
{
    public const string Section = "Performance";

    /// <summary>Run the refresh in the web host.</summary>
    public bool RefreshEnabled { get; set; } = true;

    /// <summary>How often the recent days are computed again.</summary>
    public int RefreshIntervalMinutes { get; set; } = 15;

    /// <summary>How many days back (today included) each refresh computes: the days whose facts still commonly change.</summary>
    public int RefreshDays { get; set; } = 90;

    /// <summary>How many years back the daily table covers; a period reaching further back is computed when asked for.</summary>
    public int Years { get; set; } = PerformancePeriodRule.MaxYears;

    /// <summary>UK local time after which the first refresh of the day rebuilds every covered day (catching older records changed late).</summary>
    public TimeOnly FullRebuildAt { get; set; } = new(2, 0);

    public TimeSpan RefreshInterval => TimeSpan.FromMinutes(Math.Max(1, RefreshIntervalMinutes));
}
