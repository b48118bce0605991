namespace Safeguard.Core.Timescales;

/// <summary>
/// When the screening decision on an urgent contact is due: the same working day by <c>by</c> (default 17:00) UK local
/// time when received on a working day before that time; otherwise (received at or after it, or on a weekend or
/// bank holiday) by that time on the next working day. Always no later than the one-working-day clock.
/// </summary>
// Source: local policy, not statutory ("urgent" is looked at the same working day); WT 2023 ch.3 sets the one working day.
public static class UrgentDecisionDueRule
{
    /// <summary>The default end of the urgent working day, UK local time.</summary>
    public static readonly TimeOnly DefaultBy = new(17, 0);

    public static DateTimeOffset DueAt(IWorkingDayCalendar calendar, DateTimeOffset receivedAt, TimeOnly by)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var zone = WorkingDayCalendar.UkTime;
        var local = TimeZoneInfo.ConvertTime(receivedAt, zone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var dueDate = calendar.IsWorkingDay(date) && TimeOnly.FromDateTime(local) < by ? date : calendar.NextWorkingDay(date);
        var due = dueDate.ToDateTime(by);
        // Only a configured time inside a clock change could hit these; UK clocks change on Sundays, never working days.
        if (zone.IsInvalidTime(due)) due = due.AddHours(1);
        var offset = zone.IsAmbiguousTime(due) ? zone.GetAmbiguousTimeOffsets(due).Max() : zone.GetUtcOffset(due);
        return new DateTimeOffset(due, offset);
    }
}
