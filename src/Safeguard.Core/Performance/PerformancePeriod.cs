using System.Globalization;

namespace Safeguard.Core.Performance;

/// <summary>One point of a measure's series: the days it covers (both included) and its label on the time axis.</summary>
public sealed record PerformanceBucket(int Index, DateOnly Start, DateOnly End, string Label)
{
    public bool Contains(DateOnly day) => day >= Start && day <= End;
}

/// <summary>
/// The period a dashboard shows, both days included. Points are weekly (weeks from Monday) up to
/// <see cref="WeeklyUpToWeeks"/> weeks, monthly above that, so that a chart never has more than about 60 points
/// (a 5-year period is 61 months); the first and last points are cut to the period.
/// </summary>
public sealed record PerformancePeriod(DateOnly From, DateOnly To)
{
    public const int WeeklyUpToWeeks = 26;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public bool Monthly => Days > WeeklyUpToWeeks * 7;

    /// <summary>The last 12 months to <paramref name="today"/>.</summary>
    public static PerformancePeriod Default(DateOnly today) => new(today.AddMonths(-12).AddDays(1), today);

    public IReadOnlyList<PerformanceBucket> Buckets()
    {
        var buckets = new List<PerformanceBucket>();
        var start = From;
        while (start <= To)
        {
            var natural = Monthly
                ? new DateOnly(start.Year, start.Month, 1).AddMonths(1).AddDays(-1)
                : start.AddDays((7 - ((int)start.DayOfWeek + 6) % 7) - 1);
            var end = natural < To ? natural : To;
            var label = Monthly
                ? start.ToString("MMM yyyy", CultureInfo.InvariantCulture)
                : start.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
            buckets.Add(new PerformanceBucket(buckets.Count, start, end, label));
            start = end.AddDays(1);
        }

        return buckets;
    }
}

// Local choice: a dashboard longer than five years is refused (a chart of more than ~60 monthly points is unreadable and slow).
/// <summary>Checks a period typed on the dashboard: both dates, in order, not after today, at most <see cref="MaxYears"/> years.</summary>
public static class PerformancePeriodRule
{
    public const int MaxYears = 5;

    public static IReadOnlyList<(string Field, string Message)> Check(DateOnly from, DateOnly to, DateOnly today)
    {
        var errors = new List<(string, string)>();
        if (to > today) errors.Add(("To", "The end date must be today or in the past"));
        if (to < from) errors.Add(("To", "The end date must be the same as or after the start date"));
        else if (from < to.AddYears(-MaxYears)) errors.Add(("From", $"The period must be {MaxYears} years or shorter: choose a later start date"));
        return errors;
    }
}
