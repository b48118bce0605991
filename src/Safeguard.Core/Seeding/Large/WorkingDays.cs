namespace Safeguard.Core.Seeding.Large;

/// <summary>
/// Weekday arithmetic for the synthetic data only (weekends skipped, bank holidays ignored). The real working-day
/// calendar service replaces this wherever a due date matters to users.
/// </summary>
public static class WorkingDays
{
    public static bool IsWeekday(DateOnly date) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>The date <paramref name="days"/> weekdays after <paramref name="from"/> (0 = the next weekday on or after it).</summary>
    public static DateOnly AddWeekdays(DateOnly from, int days)
    {
        var date = from;
        while (!IsWeekday(date)) date = date.AddDays(1);
        var weeks = days / 5;
        date = date.AddDays(weeks * 7);
        for (var left = days % 5; left > 0;)
        {
            date = date.AddDays(1);
            if (IsWeekday(date)) left--;
        }
        return date;
    }

    public static DateTime AddWeekdays(DateTime from, int days) =>
        AddWeekdays(DateOnly.FromDateTime(from), days).ToDateTime(TimeOnly.FromDateTime(from), DateTimeKind.Utc);
}
