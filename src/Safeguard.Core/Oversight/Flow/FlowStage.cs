namespace Safeguard.Core.Oversight.Flow;

/// <summary>A stage of the flow from the front door to a conference, counted per day and watched for a fall.</summary>
public enum FlowStage
{
    ContactsReceived,
    ScreeningDecisions,
    Referrals,
    AssessmentsStarted,
    StrategyDiscussions,
    InitialConferences,
    /// <summary>Contacts sent by one partner organisation's system through the API (one series per organisation).</summary>
    PartnerReferrals,
}

public static class FlowStages
{
    /// <summary>The council-wide stages, in the order of the flow.</summary>
    public static readonly IReadOnlyList<FlowStage> Watched =
    [
        FlowStage.ContactsReceived, FlowStage.ScreeningDecisions, FlowStage.Referrals, FlowStage.AssessmentsStarted,
        FlowStage.StrategyDiscussions, FlowStage.InitialConferences,
    ];

    public static string Words(this FlowStage stage) => stage switch
    {
        FlowStage.ContactsReceived => "Contacts received",
        FlowStage.ScreeningDecisions => "Screening decisions",
        FlowStage.Referrals => "Referrals",
        FlowStage.AssessmentsStarted => "Assessments started",
        FlowStage.StrategyDiscussions => "Strategy discussions",
        FlowStage.InitialConferences => "Initial child protection conferences",
        FlowStage.PartnerReferrals => "Referrals through the partner API",
        _ => stage.ToString(),
    };

    /// <summary>"assessments started", for the middle of a sentence.</summary>
    public static string LowerWords(this FlowStage stage) => stage == FlowStage.InitialConferences
        ? "initial child protection conferences"
        : char.ToLowerInvariant(stage.Words()[0]) + stage.Words()[1..];

    /// <summary>The stage named in a URL, case-insensitively; null for anything else.</summary>
    public static FlowStage? Parse(string? name) =>
        Enum.TryParse<FlowStage>(name, ignoreCase: true, out var stage) && Enum.IsDefined(stage) ? stage : null;
}
