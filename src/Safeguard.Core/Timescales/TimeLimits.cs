namespace Safeguard.Core.Timescales;

/// <summary>
/// The statutory and local time limits, named, each computed through the one working-day calendar.
/// Working-day clocks use <see cref="IWorkingDayCalendar.DueAt"/> (UK local time; a clock started on a non-working
/// day starts at 09:00 on the next working day). Month-based limits return the latest working day on or before the
/// limit so a due date shown to a worker is never already a breach.
/// </summary>
public static class TimeLimits
{
    // Source: WT 2023 ch.3 (referral: decision within one working day)
    /// <summary>Decision on a contact/referral: 1 working day from receipt.</summary>
    public const int ScreeningDecisionWorkingDays = 1;

    // Source: WT 2023 ch.3 (assessment maximum timeframe)
    /// <summary>Child and family assessment: 45 working days from referral.</summary>
    public const int AssessmentWorkingDays = 45;
    /// <summary>Safeguard's own rule: a completed assessment is authorised within two working days, so the census date follows the work.</summary>
    public const int AssessmentAuthorisationWorkingDays = 2;

    // Source: WT 2023 ch.3
    /// <summary>Initial child protection conference: 15 working days from the (last) strategy discussion.</summary>
    public const int InitialConferenceWorkingDays = 15;

    // Source: WT 2023 ch.3
    /// <summary>First core group: 10 working days after the initial conference.</summary>
    public const int FirstCoreGroupWorkingDays = 10;

    // Source: WT 2023 ch.3
    /// <summary>First review conference: within 3 months of the initial conference.</summary>
    public const int FirstReviewConferenceMonths = 3;

    // Source: WT 2023 ch.3
    /// <summary>Later review conferences: at intervals of not more than 6 months.</summary>
    public const int LaterReviewConferenceMonths = 6;

    // Source: Local pledge (action plan), not statutory
    /// <summary>Referrer told the outcome and reasons: 48 calendar hours from receipt.</summary>
    public static readonly TimeSpan ReferrerFeedback = TimeSpan.FromHours(48);

    // Source: local policy, not statutory (nothing a referrer sends goes unread)
    /// <summary>New information from a referrer about a decided contact is read within 1 working day of receipt.</summary>
    public const int NewInformationWorkingDays = 1;

    // Source: local standard, not statutory
    /// <summary>A new referral is allocated to a worker within 1 working day of the decision.</summary>
    public const int AllocationWorkingDays = 1;

    /// <summary>When a referral made at <paramref name="decidedAt"/> must be allocated.</summary>
    public static DateTimeOffset AllocationDue(this IWorkingDayCalendar calendar, DateTimeOffset decidedAt) =>
        calendar.DueAt(decidedAt, AllocationWorkingDays);

    // Source: local standard under WT 2023 ch.3 (a strategy discussion "as soon as possible" when significant harm is suspected), not statutory
    /// <summary>A strategy discussion decided at screening is held within 1 working day of the decision.</summary>
    public const int StrategyDiscussionWorkingDays = 1;

    /// <summary>When a strategy discussion decided at <paramref name="decidedAt"/> must be held.</summary>
    public static DateTimeOffset StrategyDiscussionDue(this IWorkingDayCalendar calendar, DateTimeOffset decidedAt) =>
        calendar.DueAt(decidedAt, StrategyDiscussionWorkingDays);

    // Source: local standard, not statutory
    /// <summary>A worker confirms they have read the case summary of a case allocated to them within 1 working day.</summary>
    public const int AllocationAcceptanceWorkingDays = 1;

    /// <summary>When the worker must accept a case allocated at <paramref name="allocatedAt"/>.</summary>
    public static DateTimeOffset AllocationAcceptanceDue(this IWorkingDayCalendar calendar, DateTimeOffset allocatedAt) =>
        calendar.DueAt(allocatedAt, AllocationAcceptanceWorkingDays);

    // Source: local practice standard, not statutory: an alert about a pattern is looked into by the next working day.
    /// <summary>When a pattern alert raised at <paramref name="raisedAt"/> must be acknowledged.</summary>
    public static DateTimeOffset PatternAlertDue(this IWorkingDayCalendar calendar, DateTimeOffset raisedAt) =>
        calendar.DueAt(raisedAt, 1);

    // Source: local supervision policy (DOMAIN.md: "thorough, analytical and reflective supervision"), not statutory
    /// <summary>The first case supervision: within 10 working days of allocation.</summary>
    public const int FirstSupervisionWorkingDays = 10;

    /// <summary>When something due "by <paramref name="day"/>" is due: the end of that day's office hours (17:00 UK time).</summary>
    public static DateTimeOffset EndOfDay(DateOnly day) => UkLocal(day, new TimeOnly(17, 0));

    /// <summary>The day it is in the UK at <paramref name="at"/>.</summary>
    public static DateOnly UkDay(DateTimeOffset at) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, WorkingDayCalendar.UkTime).DateTime);

    /// <summary><paramref name="time"/> on <paramref name="day"/> in UK local time.</summary>
    public static DateTimeOffset UkLocal(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time);
        return new DateTimeOffset(local, WorkingDayCalendar.UkTime.GetUtcOffset(local));
    }

    /// <summary>When new information received at <paramref name="receivedAt"/> about a decided contact must be read.</summary>
    public static DateTimeOffset NewInformationReadDue(this IWorkingDayCalendar calendar, DateTimeOffset receivedAt) =>
        calendar.DueAt(receivedAt, NewInformationWorkingDays);

    /// <summary>When the screening decision on a contact received at <paramref name="receivedAt"/> is due.</summary>
    public static DateTimeOffset ScreeningDecisionDue(this IWorkingDayCalendar calendar, DateTimeOffset receivedAt) =>
        calendar.DueAt(receivedAt, ScreeningDecisionWorkingDays);

    /// <summary>When the child and family assessment of a referral accepted at <paramref name="referralAt"/> is due.</summary>
    public static DateTimeOffset AssessmentDue(this IWorkingDayCalendar calendar, DateTimeOffset referralAt) =>
        calendar.DueAt(referralAt, AssessmentWorkingDays);

    /// <summary>When a manager's authorisation of an assessment completed at <paramref name="completedAt"/> is due.</summary>
    public static DateTimeOffset AssessmentAuthorisationDue(this IWorkingDayCalendar calendar, DateTimeOffset completedAt) =>
        calendar.DueAt(completedAt, AssessmentAuthorisationWorkingDays);

    /// <summary>
    /// The day the initial child protection conference is due by: 15 working days after the day of the (latest) strategy
    /// discussion, whether or not that day was a working day.
    /// </summary>
    public static DateOnly InitialConferenceTargetOn(this IWorkingDayCalendar calendar, DateTimeOffset strategyDiscussionAt) =>
        calendar.AddWorkingDays(UkDay(strategyDiscussionAt), InitialConferenceWorkingDays);

    /// <summary>When the initial child protection conference is due: the end of its target day.</summary>
    public static DateTimeOffset InitialConferenceDue(this IWorkingDayCalendar calendar, DateTimeOffset strategyDiscussionAt) =>
        EndOfDay(calendar.InitialConferenceTargetOn(strategyDiscussionAt));

    /// <summary>When the first core group is due, from the initial conference.</summary>
    public static DateTimeOffset FirstCoreGroupDue(this IWorkingDayCalendar calendar, DateTimeOffset initialConferenceAt) =>
        calendar.DueAt(initialConferenceAt, FirstCoreGroupWorkingDays);

    /// <summary>
    /// The first review conference date: 3 calendar months after the initial conference (end-of-month clamped),
    /// brought back to the latest working day on or before it.
    /// </summary>
    public static DateOnly FirstReviewConferenceDue(this IWorkingDayCalendar calendar, DateOnly initialConferenceDate) =>
        LatestWorkingDayOnOrBefore(calendar, initialConferenceDate.AddMonths(FirstReviewConferenceMonths));

    /// <summary>The next review conference date: 6 calendar months after the previous review, on or before a working day.</summary>
    public static DateOnly NextReviewConferenceDue(this IWorkingDayCalendar calendar, DateOnly previousReviewDate) =>
        LatestWorkingDayOnOrBefore(calendar, previousReviewDate.AddMonths(LaterReviewConferenceMonths));

    /// <summary>When the referrer must be told the outcome: 48 calendar hours after receipt (no calendar needed).</summary>
    public static DateTimeOffset ReferrerFeedbackDue(DateTimeOffset receivedAt) => receivedAt + ReferrerFeedback;

    /// <summary>The date itself when it is a working day, otherwise the last working day before it.</summary>
    public static DateOnly LatestWorkingDayOnOrBefore(this IWorkingDayCalendar calendar, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return calendar.IsWorkingDay(date) ? date : calendar.AddWorkingDays(date, -1);
    }
}
