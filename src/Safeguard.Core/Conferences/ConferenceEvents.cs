using Safeguard.Core.Audit;
using Safeguard.Core.Enquiries;

namespace Safeguard.Core.Conferences;

/// <summary>An initial child protection conference was held: its decision, and for a plan the first dates on its clock.</summary>
public sealed record InitialConferenceHeld(Guid ConferenceId, Guid EnquiryId, DateTimeOffset HeldAt, Guid ChairId, IReadOnlyList<Agency> AgenciesPresent,
    FamilyAttendance FamilyAttendance, bool Plan, AbuseCategory? Category, string DecisionReasons) : IEvent
{
    public static string Name => "conference.initial-held";

    public string Describe() => Plan
        ? $"Initial child protection conference: child protection plan ({Category?.Words().ToLowerInvariant()})"
        : "Initial child protection conference: no child protection plan";
}

/// <summary>A child protection plan began at an initial conference, with its first core group and first review on the clock.</summary>
public sealed record ChildProtectionPlanStarted(Guid PlanId, Guid ConferenceId, DateOnly StartedOn, AbuseCategory Category, int Number,
    DateTimeOffset FirstCoreGroupDue, DateOnly FirstReviewDue) : IEvent
{
    public static string Name => "plan.protection-started";

    public string Describe() => (Number > 1 ? $"Child protection plan started ({ChildProtectionPlans.Ordinal(Number)} plan for this child)" : "Child protection plan started")
        + $"; first core group by {FirstCoreGroupDue:d MMMM yyyy}, first review by {FirstReviewDue:d MMMM yyyy}";
}

/// <summary>A review conference was held: whether the plan continues, its category before and after, and the next review.</summary>
public sealed record ReviewConferenceHeld(Guid ConferenceId, Guid PlanId, DateTimeOffset HeldAt, Guid ChairId, IReadOnlyList<Agency> AgenciesPresent,
    FamilyAttendance FamilyAttendance, bool PlanContinues, AbuseCategory? CategoryBefore, AbuseCategory? CategoryAfter, DateOnly? NextReviewDue,
    string DecisionReasons) : IEvent
{
    public static string Name => "conference.review-held";

    public string Describe() => !PlanContinues
        ? "Review child protection conference: plan ended"
        : (CategoryBefore != CategoryAfter
            ? $"Review child protection conference: plan continues, category changed from {CategoryBefore?.Words().ToLowerInvariant()} to {CategoryAfter?.Words().ToLowerInvariant()}"
            : "Review child protection conference: plan continues")
          + (NextReviewDue is { } next ? $"; next review by {next:d MMMM yyyy}" : "");
}

/// <summary>A child protection plan ended at a review conference.</summary>
public sealed record ChildProtectionPlanEnded(Guid PlanId, Guid ConferenceId, DateOnly EndedOn, string Reason) : IEvent
{
    public static string Name => "plan.protection-ended";

    public string Describe() => $"Child protection plan ended: {Reason}";
}

/// <summary>A core group meeting of a child protection plan was held.</summary>
public sealed record CoreGroupHeld(Guid MeetingId, Guid PlanId, DateOnly HeldOn, bool First) : IEvent
{
    public static string Name => "plan.core-group-held";

    public string Describe() => First ? "First core group meeting held" : "Core group meeting held";
}
