namespace Safeguard.Core.Timescales;

/// <summary>Settings of the screening-decision clock (configuration section "FrontDoor").</summary>
public sealed class ScreeningClockOptions
{
    public const string Section = "FrontDoor";

    /// <summary>
    /// End of the working day by which an urgent or child protection contact is decided, UK local time
    /// (<c>FrontDoor__UrgentDecisionBy</c>, e.g. "17:00"). See <see cref="UrgentDecisionDueRule"/>.
    /// </summary>
    public TimeOnly UrgentDecisionBy { get; set; } = UrgentDecisionDueRule.DefaultBy;
}

/// <summary>
/// When the screening decision on a contact is due, by its priority, from when it was received: standard, one working
/// day (<see cref="TimeLimits.ScreeningDecisionDue"/>); urgent and child protection, the shorter
/// <see cref="UrgentDecisionDueRule"/> (child protection is never given longer than urgent). Callers pass a
/// <c>Work.Priority</c> (<see cref="Work.PriorityClocks.DecisionDue"/>); this area names no priority itself, so that the
/// areas above it can use its clocks (docs/architecture.md).
/// </summary>
public sealed class ScreeningDecisionClock(IWorkingDayCalendar calendar, TimeOnly urgentBy)
{
    public ScreeningDecisionClock(IWorkingDayCalendar calendar) : this(calendar, UrgentDecisionDueRule.DefaultBy) { }

    public TimeOnly UrgentBy => urgentBy;

    public IWorkingDayCalendar Calendar => calendar;

    /// <summary>When the decision is due: <paramref name="urgent"/> for urgent and child protection contacts.</summary>
    public DateTimeOffset DecisionDue(DateTimeOffset receivedAt, bool urgent)
    {
        var oneWorkingDay = calendar.ScreeningDecisionDue(receivedAt);
        if (!urgent) return oneWorkingDay;
        var urgentDue = UrgentDecisionDueRule.DueAt(calendar, receivedAt, urgentBy);
        return urgentDue < oneWorkingDay ? urgentDue : oneWorkingDay;
    }
}
