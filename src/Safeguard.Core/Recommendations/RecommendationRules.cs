using Safeguard.Core.Timescales;

namespace Safeguard.Core.Recommendations;

/// <summary>
/// A recommendation is overdue when it is past the end of its due day and not completed, whatever status its owner
/// last gave it. Local rule of the council's review action plans (docs/recommendations.md).
/// </summary>
public static class RecommendationOverdueRule
{
    public static bool IsOverdue(RecommendationStatus status, DateTimeOffset dueAt, DateTimeOffset now) =>
        status != RecommendationStatus.Completed && now > dueAt;

    public static ShownStatus Shown(RecommendationStatus status, DateTimeOffset dueAt, DateTimeOffset now) =>
        IsOverdue(status, dueAt, now) ? ShownStatus.Overdue : status switch
        {
            RecommendationStatus.OnTrack => ShownStatus.OnTrack,
            RecommendationStatus.AtRisk => ShownStatus.AtRisk,
            RecommendationStatus.Completed => ShownStatus.Completed,
            _ => ShownStatus.NotStarted,
        };
}

/// <summary>
/// A recommendation is due by the end of the working day of its due date; a due date that is not a working day runs to the
/// end of the next working day. Local rule, on the one working-day calendar (docs/calendar.md).
/// </summary>
public static class RecommendationDueRule
{
    public static DateTimeOffset DueAt(IWorkingDayCalendar calendar, DateOnly dueOn) =>
        TimeLimits.EndOfDay(calendar.AddWorkingDays(dueOn, 0));
}

/// <summary>
/// A recommendation is completed only with evidence: at least one piece of evidence against one of its actions.
/// Local rule ("completed, with evidence": docs/recommendations.md).
/// </summary>
public static class CompletionNeedsEvidenceRule
{
    public const string Message = "Add evidence to an action before marking the recommendation completed";

    public static bool Allows(RecommendationStatus status, int evidenceCount) =>
        status != RecommendationStatus.Completed || evidenceCount > 0;
}

public static class RecommendationWords
{
    public static string Words(this RecommendationSource source) => source switch
    {
        RecommendationSource.SeriousCaseReview => "Serious case review",
        RecommendationSource.ChildSafeguardingPracticeReview => "Child safeguarding practice review",
        RecommendationSource.LocalOrNationalReview => "Local or national review",
        RecommendationSource.OfstedInspection => "Ofsted inspection",
        RecommendationSource.Audit => "Audit",
        _ => "Other",
    };

    public static string Words(this RecommendationStatus status) => status switch
    {
        RecommendationStatus.OnTrack => "On track",
        RecommendationStatus.AtRisk => "At risk",
        RecommendationStatus.Completed => "Completed",
        _ => "Not started",
    };

    public static string Words(this ShownStatus status) => status switch
    {
        ShownStatus.OnTrack => "On track",
        ShownStatus.AtRisk => "At risk",
        ShownStatus.Overdue => "Overdue",
        ShownStatus.Completed => "Completed",
        _ => "Not started",
    };
}
