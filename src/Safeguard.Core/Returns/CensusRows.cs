using Safeguard.Core.CaseWork;
using Safeguard.Core.Conferences;
using Safeguard.Core.People;

namespace Safeguard.Core.Returns;

/// <summary>What the census reads of the record: one projection per table, so a page reads only the columns it needs.</summary>
internal sealed record PersonRow(Guid Id, string? LocalChildId, string? Upn, string? FormerUpn, string? UpnUnknownReason,
    DateOnly? DateOfBirth, DateOnly? ExpectedDateOfBirth, Sex Sex, string? Ethnicity, string? Disabilities, DateOnly? DateOfDeath = null);

internal sealed record ReferralRow(Guid Id, Guid PersonId, DateOnly ReferralDate, string SourceCode, string? PrimaryNeedCode,
    DateOnly? ClosedOn, string? ClosureReason, Guid TeamId = default, Guid? AllocatedWorkerId = null);

internal sealed record AssessmentRow(Guid ReferralId, DateOnly StartedOn, DateOnly? AuthorisedOn, string Factors,
    DateOnly? ChildSeenOn = null, AssessmentOutcome? Outcome = null);

internal sealed record PlanRow(Guid Id, Guid ReferralId, PlanKind Kind, DateOnly StartedOn, DateOnly? EndedOn, string? InitialCategory,
    string? Category, int Number);

internal sealed record Section47Row(Guid Id, Guid ReferralId, DateOnly StartedOn, DateOnly? InitialConferenceTargetOn, DateOnly? EndedOn,
    Section47Outcome? Outcome);

internal sealed record ConferenceRow(Guid ReferralId, ConferenceKind Kind, DateOnly HeldOn, Guid? Section47EnquiryId, Guid? ChildPlanId,
    AbuseCategory? Category);

/// <summary>Everything a page of children needs from the other tables, grouped by referral.</summary>
internal sealed record EpisodeRows(
    ILookup<Guid, AssessmentRow> Assessments,
    ILookup<Guid, PlanRow> Plans,
    ILookup<Guid, Section47Row> Section47s,
    ILookup<Guid, ConferenceRow> Conferences);
