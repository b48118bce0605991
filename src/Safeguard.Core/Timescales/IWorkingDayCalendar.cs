namespace Safeguard.Core.Timescales;

/// <summary>
/// The one working-day calendar every time limit uses. Working days are Monday to Friday except England-and-Wales
/// bank holidays (including substitute days). See docs/calendar.md for the rules, in particular the due-time rule
/// of <see cref="DueAt"/> and what happens outside the covered years.
/// </summary>
public interface IWorkingDayCalendar
{
    /// <summary>First calendar year for which bank holidays are known.</summary>
    int FirstCoveredYear { get; }

    /// <summary>Last calendar year for which bank holidays are known.</summary>
    int LastCoveredYear { get; }

    /// <summary>
    /// True when bank holidays for <paramref name="year"/> are in the data. Outside the covered years only weekends
    /// are non-working, so health checks should warn when the current or next year is not covered.
    /// </summary>
    bool CoversYear(int year);

    /// <summary>The bank holidays in the data, in date order.</summary>
    IReadOnlyList<BankHoliday> BankHolidays { get; }

    /// <summary>True when <paramref name="date"/> is a bank holiday in the data (whatever day of the week).</summary>
    bool IsBankHoliday(DateOnly date);

    /// <summary>True for Monday to Friday, except bank holidays.</summary>
    bool IsWorkingDay(DateOnly date);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    DateOnly NextWorkingDay(DateOnly date);

    /// <summary>
    /// The <paramref name="workingDays"/>-th working day after <paramref name="date"/> (the start day itself is not
    /// counted). 0 returns <paramref name="date"/> when it is a working day, otherwise the next working day.
    /// A negative count goes backwards: -1 is the last working day strictly before <paramref name="date"/>.
    /// </summary>
    DateOnly AddWorkingDays(DateOnly date, int workingDays);

    /// <summary>
    /// The number of working days in the half-open range (<paramref name="from"/>, <paramref name="to"/>]: the start
    /// day is not counted, the end day is. Negative when <paramref name="to"/> is before <paramref name="from"/>
    /// (WorkingDaysBetween(a, b) == -WorkingDaysBetween(b, a)). For n ≥ 0,
    /// WorkingDaysBetween(d, AddWorkingDays(d, n)) == n whenever n &gt; 0 or d is a working day.
    /// </summary>
    int WorkingDaysBetween(DateOnly from, DateOnly to);

    /// <summary>
    /// The statutory due time for a clock of <paramref name="workingDays"/> working days started at
    /// <paramref name="start"/>, computed in UK local time (Europe/London, DST-aware). If started on a working day,
    /// due at the same local time <paramref name="workingDays"/> working days later; if started on a non-working
    /// day, the clock starts at 09:00 local time on the next working day and is due at 09:00
    /// <paramref name="workingDays"/> working days after that. The result carries the UK local offset.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workingDays"/> is negative.</exception>
    DateTimeOffset DueAt(DateTimeOffset start, int workingDays);
}
