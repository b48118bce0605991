using Safeguard.Core.Timescales;

namespace Safeguard.Core.Escalations;

/// <summary>
/// When the director (or delegate) must respond to an escalation: the configured working days
/// (<see cref="EscalationSettings.WorkingDaysToRespond"/>, 5 by default) from when it was raised, on the working-day calendar.
/// </summary>
// Source: local standard (DOMAIN.md: "an escalation channel to the director, recorded and answered"), not statutory.
public static class EscalationResponseDueRule
{
    public static DateTimeOffset Due(IWorkingDayCalendar calendar, EscalationSettings settings, DateTimeOffset raisedAt) =>
        calendar.DueAt(raisedAt, settings.ResponseWorkingDays);

    /// <summary>The tray title: it names no subject, since trays and the work events are read more widely than the escalation.</summary>
    public const string WorkTitle = "Escalation to answer";
}
