using Safeguard.Core.Timescales;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Supervision;

/// <summary>
/// When the next supervision is due: the cycle's working days (<see cref="SupervisionSettings"/>) after the session
/// held, at the same UK local time, on the one working-day calendar (weekends and bank holidays are not counted).
/// Case supervision runs on the cycle of the kind of case it is now (a child protection case every 20 working days,
/// child in need every 30, by default); personal supervision on its own cycle.
/// </summary>
// Source: local supervision policy (DOMAIN.md: "limited evidence of thorough, analytical and reflective supervision"), not statutory.
public static class SupervisionDueRule
{
    public static DateTimeOffset NextCaseSupervisionDue(IWorkingDayCalendar calendar, SupervisionSettings settings, DateTimeOffset heldAt,
        CaseKind kindNow) =>
        calendar.DueAt(heldAt, settings.CycleFor(kindNow));

    public static DateTimeOffset NextPersonalSupervisionDue(IWorkingDayCalendar calendar, SupervisionSettings settings, DateTimeOffset heldAt) =>
        calendar.DueAt(heldAt, settings.PersonalCycle);

    /// <summary>The tray title of a case supervision item ("Case supervision due: Ellie Watson").</summary>
    public static string CaseTitle(string childName) => $"Case supervision due: {childName}";

    /// <summary>The tray title of a personal supervision item ("Personal supervision due: Sam Okafor").</summary>
    public static string PersonalTitle(string workerName) => $"Personal supervision due: {workerName}";
}
