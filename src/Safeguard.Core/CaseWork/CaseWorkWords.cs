namespace Safeguard.Core.CaseWork;

/// <summary>The words people see for referrals, assessments and plans, including the CIN census referral source codes.</summary>
public static class CaseWorkWords
{
    public static string Words(this ReferralStatus status) => status switch
    {
        ReferralStatus.AwaitingAllocation => "Awaiting allocation",
        ReferralStatus.Allocated => "Allocated",
        ReferralStatus.Closed => "Closed",
        _ => "Unknown",
    };

    public static string Words(this PlanKind kind) => kind switch
    {
        PlanKind.ChildInNeed => "Child in need plan",
        PlanKind.ChildProtection => "Child protection plan",
        _ => "Plan",
    };

    public static string Words(this AssessmentOutcome outcome) => outcome switch
    {
        AssessmentOutcome.NoFurtherAction => "No further action",
        AssessmentOutcome.ChildInNeedPlan => "Child in need plan",
        AssessmentOutcome.StrategyDiscussion => "Strategy discussion",
        AssessmentOutcome.Other => "Other",
        _ => "Unknown",
    };

    public static string Words(this Section47Outcome outcome) => outcome switch
    {
        Section47Outcome.NoFurtherAction => "No further action",
        Section47Outcome.ChildInNeedPlan => "Child in need plan",
        Section47Outcome.InitialChildProtectionConference => "Initial child protection conference",
        _ => "Unknown",
    };

    /// <summary>CIN census referral sources (DfE children in need census guide, "Referral source" code set).</summary>
    private static readonly Dictionary<string, string> Sources = new(StringComparer.OrdinalIgnoreCase)
    {
        ["1A"] = "Individual: family member, relative or carer",
        ["1B"] = "Individual: acquaintance (including neighbours and childminders)",
        ["1C"] = "Individual: self",
        ["1D"] = "Individual: other",
        ["2A"] = "Schools",
        ["2B"] = "Education services",
        ["3A"] = "Health services: GP",
        ["3B"] = "Health services: health visitor",
        ["3C"] = "Health services: school nurse",
        ["3D"] = "Health services: other primary health services",
        ["3E"] = "Health services: A&E (emergency department)",
        ["3F"] = "Health services: other",
        ["4"] = "Housing",
        ["5A"] = "Local authority services: social care",
        ["5B"] = "Local authority services: other internal department",
        ["5C"] = "Local authority services: external",
        ["5D"] = "Early help",
        ["6"] = "Police",
        ["7"] = "Other legal agency",
        ["8"] = "Other",
        ["9"] = "Anonymous",
        ["10"] = "Unknown",
    };

    /// <summary>"Police" for "6"; a code that is not in the census list is shown as "Not recorded (code X)".</summary>
    public static string ReferralSource(string? code) =>
        code is { Length: > 0 } c && Sources.TryGetValue(c.Trim(), out var words) ? words
        : code is { Length: > 0 } ? $"Not recorded (code {code.Trim()})" : "Not recorded";

    public static IReadOnlyCollection<string> ReferralSourceCodes => Sources.Keys;
}
