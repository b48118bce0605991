using Safeguard.Core.Timescales;

namespace Safeguard.Core.Enquiries;

// Source: Working Together to Safeguard Children 2023, ch.3 (initial child protection conference within 15 working days of the strategy discussion)
/// <summary>
/// The initial child protection conference's target: 15 working days after the strategy discussion that began the section
/// 47 enquiry, or after the latest one in the same enquiry (which moves the target).
/// </summary>
public static class InitialConferenceDueRule
{
    public static DateOnly TargetOn(IWorkingDayCalendar calendar, DateTimeOffset strategyDiscussionAt) =>
        calendar.InitialConferenceTargetOn(strategyDiscussionAt);
}

/// <summary>The statutory partners a strategy discussion must involve, or record why not (Working Together 2023 ch.3).</summary>
public static class StrategyPartners
{
    public static readonly IReadOnlyList<Agency> Required = [Agency.Police, Agency.Health, Agency.Education];

    public static string Words(this Agency agency) => agency switch
    {
        Agency.ChildrensSocialCare => "Children's social care",
        Agency.Police => "Police",
        Agency.Health => "Health",
        Agency.Education => "Education",
        Agency.Referrer => "The referrer",
        Agency.Other => "Other",
        _ => "Unknown",
    };
}
