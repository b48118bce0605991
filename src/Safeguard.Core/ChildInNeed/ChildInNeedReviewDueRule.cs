using Safeguard.Core.CaseNotes;
using Safeguard.Core.Timescales;

namespace Safeguard.Core.ChildInNeed;

// Source: Working Together to Safeguard Children 2023, ch.3 (a child in need plan is reviewed regularly; the interval is set locally, default 3 months)
/// <summary>
/// A child in need plan's next review: N calendar months (a setting, default 3) after the plan began or was last reviewed,
/// on the last working day on or before that date.
/// </summary>
public static class ChildInNeedReviewDueRule
{
    public static DateOnly DueOn(IWorkingDayCalendar calendar, DateOnly from, VisitSettings settings) =>
        calendar.LatestWorkingDayOnOrBefore(from.AddMonths(Math.Max(1, settings.ChildInNeedReviewMonths)));
}
