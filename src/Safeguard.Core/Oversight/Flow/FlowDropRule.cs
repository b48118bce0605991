using Safeguard.Core.Timescales;

namespace Safeguard.Core.Oversight.Flow;

/// <summary>How a stage's day was judged.</summary>
public enum FlowStatus
{
    /// <summary>Not a working day, too little history, or too few expected to judge.</summary>
    NotJudged,
    Normal,
    /// <summary>Far below its expected level.</summary>
    Dropped,
    /// <summary>None at all where some were expected.</summary>
    Stopped,
}

/// <summary>A stage's count on one day against its usual level.</summary>
/// <param name="Usual">The median of the same weekday over earlier ordinary working weeks; null when there is too little history.</param>
/// <param name="Expected">The usual level, lowered on a quiet day (next to a bank holiday, Christmas to New Year).</param>
public sealed record FlowDay(DateOnly Day, int Count, double? Usual, double? Expected, bool Quiet, FlowStatus Status);

/// <summary>
/// Local rule (Safeguard, docs/flow-alerts.md): a working day's count is compared with the median of the same weekday
/// over the previous N ordinary working weeks (bank holidays, days next to them and Christmas to New Year left out),
/// lowered by a factor on quiet days; a drop is a count below a fraction of that which ordinary day-to-day chance
/// (Poisson with that mean) would give less than once in a thousand days; none at all is a stop.
/// </summary>
public sealed class FlowDropRule(IWorkingDayCalendar calendar, FlowWatchSettings settings)
{
    /// <summary>How far back the usual level may look for enough ordinary same weekdays.</summary>
    public int LookBackDays => (Math.Max(1, settings.UsualWeeks) + 6) * 7;

    /// <summary>Between Christmas and New Year, when services and referrers are on leave.</summary>
    public static bool IsChristmasPeriod(DateOnly day) =>
        (day.Month == 12 && day.Day >= 20) || (day.Month == 1 && day.Day <= 3);

    /// <summary>A working day with a bank holiday between it and the working day before or after it.</summary>
    public bool IsNextToHoliday(DateOnly day)
    {
        for (var d = day.AddDays(-1); !calendar.IsWorkingDay(d) && d > day.AddDays(-7); d = d.AddDays(-1))
        {
            if (calendar.IsBankHoliday(d)) return true;
        }
        for (var d = day.AddDays(1); !calendar.IsWorkingDay(d) && d < day.AddDays(7); d = d.AddDays(1))
        {
            if (calendar.IsBankHoliday(d)) return true;
        }
        return false;
    }

    /// <summary>A working day whose volumes run lower than usual: next to a bank holiday, or Christmas to New Year.</summary>
    public bool IsQuiet(DateOnly day) => IsChristmasPeriod(day) || IsNextToHoliday(day);

    /// <summary>The median of the same weekday over the previous ordinary working weeks; null with too little history.</summary>
    public double? Usual(DateOnly day, Func<DateOnly, int> countOn)
    {
        var samples = new List<int>();
        var weeks = Math.Max(1, settings.UsualWeeks);
        for (var d = day.AddDays(-7); samples.Count < weeks && d >= day.AddDays(-LookBackDays); d = d.AddDays(-7))
        {
            if (calendar.IsWorkingDay(d) && !IsQuiet(d)) samples.Add(countOn(d));
        }
        return samples.Count < Math.Max(1, settings.MinimumSamples) ? null : Median(samples);
    }

    /// <summary>Judges a drop in a stage's count on <paramref name="day"/>.</summary>
    public FlowDay Judge(DateOnly day, Func<DateOnly, int> countOn) => Judge(day, countOn, settings.MinimumUsual);

    /// <summary>
    /// As <see cref="Judge(DateOnly, Func{DateOnly, int})"/>, judging only a stop (none all day, as unlikely by chance):
    /// for a partner's API referrals, where a fall without a stop is ordinary.
    /// </summary>
    public FlowDay JudgeStop(DateOnly day, Func<DateOnly, int> countOn)
    {
        var judged = Judge(day, countOn, 0);
        return judged.Status == FlowStatus.Dropped ? judged with { Status = FlowStatus.Normal } : judged;
    }

    private FlowDay Judge(DateOnly day, Func<DateOnly, int> countOn, double minimumExpected)
    {
        var count = countOn(day);
        if (!calendar.IsWorkingDay(day)) return new FlowDay(day, count, null, null, false, FlowStatus.NotJudged);
        var quiet = IsQuiet(day);
        var usual = Usual(day, countOn);
        var expected = usual * (quiet ? settings.QuietDayFactor : 1.0);
        if (expected is not { } e || e < minimumExpected || e <= 0) return new FlowDay(day, count, usual, expected, quiet, FlowStatus.NotJudged);
        var far = count < settings.DropBelow * e && ChanceOfAtMost(count, e) < settings.MaxChance;
        var status = !far ? FlowStatus.Normal : count == 0 ? FlowStatus.Stopped : FlowStatus.Dropped;
        return new FlowDay(day, count, usual, expected, quiet, status);
    }

    /// <summary>The chance of <paramref name="count"/> or fewer in a day when <paramref name="mean"/> is expected (Poisson).</summary>
    public static double ChanceOfAtMost(int count, double mean)
    {
        var term = Math.Exp(-mean);
        var sum = term;
        for (var k = 1; k <= count; k++)
        {
            term *= mean / k;
            sum += term;
        }
        return sum;
    }

    private static double Median(List<int> values)
    {
        values.Sort();
        var mid = values.Count / 2;
        return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
    }
}
