namespace Safeguard.Core.Performance.Daily;

/// <summary>
/// One measure's figures for one day, for one team or the whole service (<see cref="WholeService"/>): what the day adds
/// to a flow, or a level at the day's end (<see cref="DayFigures"/>). Days with nothing are not written.
/// </summary>
public sealed class PerformanceFigure
{
    public const int MeasureMaxLength = 40;

    /// <summary>The team id that stands for the whole service (a key column cannot be null).</summary>
    public static readonly Guid WholeService = Guid.Empty;

    private PerformanceFigure() { }

    public PerformanceFigure(DateOnly day, Guid teamId, string measure, DayFigures figures)
    {
        Day = day;
        TeamId = teamId;
        Measure = measure;
        Count = figures.Count;
        Met = figures.Met;
        Other = figures.Other;
    }

    public DateOnly Day { get; private set; }
    public Guid TeamId { get; private set; }

    /// <summary>The measure's slug.</summary>
    public string Measure { get; private set; } = "";

    public int Count { get; private set; }
    public int Met { get; private set; }
    public int Other { get; private set; }
}

/// <summary>A day whose figures are in the table, and when they were computed: the dashboard's "Figures as at".</summary>
public sealed class PerformanceDay
{
    private PerformanceDay() { }

    public PerformanceDay(DateOnly day, DateTimeOffset computedAt)
    {
        Day = day;
        ComputedAt = computedAt;
    }

    public DateOnly Day { get; private set; }
    public DateTimeOffset ComputedAt { get; internal set; }
}

/// <summary>
/// A refresh claimed by one instance: its key (the kind and the time slot) is unique, so of two instances running the
/// background refresh at once, one writes the claim and does the work, the other's insert fails and it skips.
/// </summary>
public sealed class PerformanceRefreshClaim
{
    public const int KeyMaxLength = 60;

    private PerformanceRefreshClaim() { }

    public PerformanceRefreshClaim(string key, DateTimeOffset claimedAt)
    {
        Key = key;
        ClaimedAt = claimedAt;
    }

    public string Key { get; private set; } = "";
    public DateTimeOffset ClaimedAt { get; private set; }
}
