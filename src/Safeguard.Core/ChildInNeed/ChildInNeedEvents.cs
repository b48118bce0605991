using Safeguard.Core.Audit;

namespace Safeguard.Core.ChildInNeed;

/// <summary>A child in need plan began, after an assessment or a section 47 enquiry, with its first review on the clock.</summary>
public sealed record ChildInNeedPlanStarted(Guid PlanId, Guid ReferralId, DateOnly StartedOn, string After, DateOnly FirstReviewDue) : IEvent
{
    public static string Name => "plan.in-need-started";

    public string Describe() => $"Child in need plan started after the {After}; first review by {FirstReviewDue:d MMMM yyyy}";
}

/// <summary>A child in need plan was reviewed: whether it continues, and when it is next reviewed.</summary>
public sealed record ChildInNeedPlanReviewed(Guid ReviewId, Guid PlanId, DateOnly HeldOn, bool PlanContinues, DateOnly? NextReviewDue) : IEvent
{
    public static string Name => "plan.in-need-reviewed";

    public string Describe() => PlanContinues
        ? $"Child in need plan reviewed: it continues; next review by {NextReviewDue:d MMMM yyyy}"
        : "Child in need plan reviewed: it ends";
}

/// <summary>A child in need plan ended: at a review, when a child protection plan began, or when the case closed.</summary>
public sealed record ChildInNeedPlanEnded(Guid PlanId, DateOnly EndedOn, string Reason) : IEvent
{
    public static string Name => "plan.in-need-ended";

    public string Describe() => $"Child in need plan ended: {Reason}";
}
