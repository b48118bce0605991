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
/// (Poisson with that mean, widened by the stage's own spread) would give less than once in a thousand days; none at all is
/// a stop.
/// </summary>
public sealed class FlowDropRule(IWorkingDayCalendar calendar, FlowWatchSettings settings)
{
    /// <summary>How far back the usual level may look for enough ordinary same weekdays.</summary>
    private int UsualLookBackDays => (Math.Max(1, settings.UsualWeeks) + 6) * 7;

    /// <summary>How far back the usual level and the spread read counts.</summary>
    public int LookBackDays => Math.Max(UsualLookBackDays, (settings.SpreadWeeks + 6) * 7);

    /// <summary>Fewer ordinary same weekdays than this in the spread's weeks: taken as chance alone (1).</summary>
    public const int MinimumSpreadSamples = 8;

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

    private readonly int? _summerFrom = MonthDay(settings.SummerFrom, nameof(settings.SummerFrom));
    private readonly int? _summerTo = MonthDay(settings.SummerTo, nameof(settings.SummerTo));

    /// <summary>In the school summer holidays (<see cref="FlowWatchSettings.SummerFrom"/> to <see cref="FlowWatchSettings.SummerTo"/>), when schools refer nothing.</summary>
    public bool IsSummerHolidays(DateOnly day) =>
        _summerFrom is { } from && _summerTo is { } to && day.Month * 100 + day.Day is var md && md >= from && md <= to;

    /// <summary>A working day whose volumes run lower than usual: next to a bank holiday, Christmas to New Year, the summer holidays.</summary>
    public bool IsQuiet(DateOnly day) => IsChristmasPeriod(day) || IsNextToHoliday(day) || IsSummerHolidays(day);

    /// <summary>
    /// A working day that counts towards the usual level and the spread: not next to a bank holiday nor from Christmas to
    /// New Year. The summer holidays do count: they are weeks long, so the level after them (and of the stages that follow
    /// a few weeks behind, such as conferences) is read from them.
    /// </summary>
    public bool IsOrdinary(DateOnly day) => calendar.IsWorkingDay(day) && !IsChristmasPeriod(day) && !IsNextToHoliday(day);

    /// <summary>The expected level on <paramref name="day"/> as a share of the usual level.</summary>
    public double Factor(DateOnly day) =>
        IsChristmasPeriod(day) || IsNextToHoliday(day) ? settings.QuietDayFactor
        : IsSummerHolidays(day) ? settings.SummerFactor
        : 1.0;

    /// <summary>"07-22" as 722; blank as none.</summary>
    private static int? MonthDay(string? value, string setting)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (DateOnly.TryParseExact($"2000-{value.Trim()}", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.None, out var date))
        {
            return date.Month * 100 + date.Day;
        }
        throw new InvalidOperationException($"FlowWatch:{setting} must be a month and day as MM-dd, such as 07-22, or empty; it is \"{value}\".");
    }

    /// <summary>The median of the same weekday over the previous ordinary working weeks; null with too little history.</summary>
    public double? Usual(DateOnly day, Func<DateOnly, int> countOn)
    {
        var samples = new List<int>();
        var weeks = Math.Max(1, settings.UsualWeeks);
        for (var d = day.AddDays(-7); samples.Count < weeks && d >= day.AddDays(-UsualLookBackDays); d = d.AddDays(-7))
        {
            if (IsOrdinary(d)) samples.Add(countOn(d));
        }
        return samples.Count < Math.Max(1, settings.MinimumSamples) ? null : Median(samples);
    }

    /// <summary>
    /// How much more the stage's count varies from one ordinary same weekday to the next than chance alone would make it
    /// (variance over mean, 1 for Poisson), over the last <see cref="FlowWatchSettings.SpreadWeeks"/> of them. Stages that
    /// count children vary more: a contact about three brothers and sisters brings three referrals, three assessments and
    /// three strategy discussions at once. The variance is read from the differences between successive weeks, so that a
    /// slow change of level (growth, the summer, a past drop) does not count as spread. At least 1, at most 10.
    /// Fewer than <see cref="MinimumSpreadSamples"/> ordinary same weekdays (since the last with none): 1.
    /// </summary>
    public double Spread(DateOnly day, Func<DateOnly, int> countOn)
    {
        if (settings.SpreadWeeks <= 0) return 1;
        var samples = new List<int>();
        for (var d = day.AddDays(-7); samples.Count < settings.SpreadWeeks && d >= day.AddDays(-LookBackDays); d = d.AddDays(-7))
        {
            if (!IsOrdinary(d)) continue;
            // Read back to the last ordinary day with none: before it the stage was stopped, or not yet counted at all.
            var count = countOn(d);
            if (count == 0) break;
            samples.Add(count);
        }
        if (samples.Count < MinimumSpreadSamples) return 1;
        double squares = 0;
        for (var i = 1; i < samples.Count; i++) squares += Math.Pow(samples[i] - samples[i - 1], 2);
        var variance = squares / (2.0 * (samples.Count - 1));
        var mean = samples.Average();
        return mean <= 0 ? 1 : Math.Clamp(variance / mean, 1, 10);
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
        var expected = usual * Factor(day);
        if (expected is not { } e || e < minimumExpected || e <= 0) return new FlowDay(day, count, usual, expected, quiet, FlowStatus.NotJudged);
        var far = count < settings.DropBelow * e && ChanceOfAtMost(count, e, Spread(day, countOn)) < settings.MaxChance;
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

    /// <summary>
    /// The chance of <paramref name="count"/> or fewer when <paramref name="mean"/> is expected and the count varies
    /// <paramref name="spread"/> times as much as Poisson: negative binomial with that mean and variance (Poisson at 1).
    /// </summary>
    public static double ChanceOfAtMost(int count, double mean, double spread)
    {
        if (spread <= 1.0001) return ChanceOfAtMost(count, mean);
        var size = mean / (spread - 1);
        var fail = 1 - 1 / spread;
        var term = Math.Exp(size * Math.Log(1 / spread));
        var sum = term;
        for (var k = 1; k <= count; k++)
        {
            term *= (k - 1 + size) / k * fail;
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
