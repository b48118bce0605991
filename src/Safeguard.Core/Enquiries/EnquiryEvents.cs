using Safeguard.Core.Audit;
using Safeguard.Core.CaseWork;

namespace Safeguard.Core.Enquiries;

/// <summary>An agency that did not take part in a strategy discussion, and why.</summary>
public sealed record AbsentAgency(Agency Agency, string Reason);

/// <summary>A strategy discussion was held and recorded.</summary>
public sealed record StrategyDiscussionHeld(Guid StrategyDiscussionId, DateTimeOffset HeldAt, IReadOnlyList<Agency> AgenciesPresent,
    IReadOnlyList<AbsentAgency> Absent, bool Section47, string DecisionReasons, int Actions) : IEvent
{
    public static string Name => "strategy.held";

    public string Describe() => (Section47 ? "Strategy discussion: section 47 enquiry" : "Strategy discussion: no section 47 enquiry")
        + (Absent.Count == 0 ? "" : $"; not taking part: {string.Join(", ", Absent.Select(a => a.Agency.Words().ToLowerInvariant()))}");
}

/// <summary>A section 47 enquiry began, on the date of the strategy discussion that decided it.</summary>
public sealed record Section47Started(Guid EnquiryId, Guid StrategyDiscussionId, DateOnly StartedOn, DateOnly InitialConferenceTargetOn) : IEvent
{
    public static string Name => "enquiry.started";

    public string Describe() => $"Section 47 enquiry started; initial child protection conference due by {InitialConferenceTargetOn:d MMMM yyyy}";
}

/// <summary>A later strategy discussion in the same enquiry moved the initial conference's target.</summary>
public sealed record InitialConferenceTargetMoved(Guid EnquiryId, Guid StrategyDiscussionId, DateOnly? From, DateOnly To) : IEvent
{
    public static string Name => "enquiry.conference-target-moved";

    public string Describe() => From is { } from
        ? $"Initial child protection conference target moved from {from:d MMMM yyyy} to {To:d MMMM yyyy} by a later strategy discussion"
        : $"Initial child protection conference target set to {To:d MMMM yyyy} by a later strategy discussion";
}

/// <summary>A section 47 enquiry ended with its outcome and reasons; "conference not required" closes the conference's work.</summary>
public sealed record Section47Concluded(Guid EnquiryId, DateOnly EndedOn, Section47Outcome Outcome, string Reasons, bool ConferenceRequired) : IEvent
{
    public static string Name => "enquiry.concluded";

    public string Describe() => ConferenceRequired
        ? "Section 47 enquiry concluded: initial child protection conference"
        : $"Section 47 enquiry concluded: {Outcome.Words().ToLowerInvariant()}; conference not required";
}
