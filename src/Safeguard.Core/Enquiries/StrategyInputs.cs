namespace Safeguard.Core.Enquiries;

/// <summary>One person who took part, as typed (an agency not chosen is null).</summary>
public sealed record ParticipantInput(Agency? Agency, string? Name, string? Role);

/// <summary>One action agreed, as typed: what, by when, and which member of staff will do it.</summary>
public sealed record StrategyActionInput(string? What, DateOnly? DueOn, Guid? OwnerId);

/// <summary>A strategy discussion as recorded on its form.</summary>
public sealed record StrategyDiscussionInput(
    Guid PersonId,
    DateTimeOffset? HeldAt,
    IReadOnlyList<ParticipantInput> Participants,
    string? PoliceAbsentReason,
    string? HealthAbsentReason,
    string? EducationAbsentReason,
    string? InformationShared,
    bool? Section47,
    string? DecisionReasons,
    IReadOnlyList<StrategyActionInput> Actions);

public enum StrategyOutcome
{
    Recorded,
    NotFound,
    Invalid,
    /// <summary>Someone else changed the record first (an enquiry already concluded): nothing was saved.</summary>
    ChangedElsewhere,
}

/// <summary>The field names errors are keyed by (the form's own names; rows by index, e.g. "Participants[0].Name").</summary>
public static class StrategyFields
{
    public const string HeldAt = "HeldAt", Participants = "Participants", InformationShared = "InformationShared", Section47 = "Section47",
        DecisionReasons = "DecisionReasons", Referral = "";

    public static string AbsentReason(Agency agency) => $"{agency}AbsentReason";
}

public sealed record StrategyResult(StrategyOutcome Outcome, Guid? Id, IReadOnlyList<(string Field, string Message)> Errors)
{
    public static readonly StrategyResult NotFound = new(StrategyOutcome.NotFound, null, []);
    public static readonly StrategyResult ChangedElsewhere = new(StrategyOutcome.ChangedElsewhere, null, []);

    public static StrategyResult Invalid(IReadOnlyList<(string, string)> errors) => new(StrategyOutcome.Invalid, null, errors);
}

/// <summary>A recorded strategy discussion as its page shows it.</summary>
public sealed record StrategyDiscussionView(
    Guid Id,
    Guid PersonId,
    string ChildName,
    DateTimeOffset HeldAt,
    string RecordedByName,
    IReadOnlyList<(Agency Agency, string Name, string Role)> Participants,
    IReadOnlyList<AbsentAgency> Absent,
    string InformationShared,
    bool Section47,
    string DecisionReasons,
    DateOnly? EnquiryStartedOn,
    DateOnly? InitialConferenceTargetOn,
    IReadOnlyList<(string Title, DateTimeOffset DueAt, string? Owner)> Actions);
