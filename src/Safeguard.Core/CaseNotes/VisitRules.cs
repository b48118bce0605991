using Safeguard.Core.Timescales;

namespace Safeguard.Core.CaseNotes;

// Source: Local practice standard under Working Together 2023 ch.3 (the lead practitioner sees the child regularly; frequency set locally, default 10 working days)
/// <summary>The next visit to a child on a child protection plan: by the end of the Nth working day (a setting) after the last visit, or the plan's start.</summary>
public static class ProtectionVisitDueRule
{
    public static DateTimeOffset DueAt(IWorkingDayCalendar calendar, DateTimeOffset from, VisitSettings settings) =>
        calendar.DueAt(from, settings.VisitCycle);
}
