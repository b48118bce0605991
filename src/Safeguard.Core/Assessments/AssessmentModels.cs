using Safeguard.Core.CaseWork;

namespace Safeguard.Core.Assessments;

/// <summary>Where an assessment is: being done by the worker, waiting for a manager, or authorised.</summary>
public enum AssessmentStage { InProgress, AwaitingAuthorisation, Authorised }

/// <summary>A child and family assessment as its pages show it.</summary>
public sealed record AssessmentView(
    Guid Id,
    Guid ReferralId,
    Guid PersonId,
    string ChildName,
    Guid? WorkerId,
    string? WorkerName,
    DateOnly ReferralDate,
    DateOnly StartedOn,
    DateOnly DueOn,
    DateOnly? ChildSeenOn,
    bool? SeenAlone,
    IReadOnlyList<string> Factors,
    string? Analysis,
    string? ChildsViews,
    AssessmentOutcome? Outcome,
    string? OutcomeDetail,
    DateOnly? CompletedOn,
    string? CompletedByName,
    DateOnly? AuthorisedOn,
    string? AuthorisedByName,
    string? ReturnedReason,
    int Version)
{
    public AssessmentStage Stage => AuthorisedOn is not null ? AssessmentStage.Authorised
        : CompletedOn is not null ? AssessmentStage.AwaitingAuthorisation : AssessmentStage.InProgress;
}

/// <summary>What the worker entered on the assessment form, and the version of the assessment they were looking at.</summary>
public sealed record AssessmentInput(
    Guid AssessmentId,
    int ExpectedVersion,
    DateOnly? ChildSeenOn,
    bool? SeenAlone,
    IReadOnlyList<string> Factors,
    string? Analysis,
    string? ChildsViews,
    AssessmentOutcome? Outcome,
    string? OutcomeDetail);

public enum AssessmentChange
{
    Saved,
    NotFound,
    /// <summary>The signed-in person may not do this to this assessment (not its worker; not their manager).</summary>
    NotAllowed,
    Invalid,
    /// <summary>Someone else changed the assessment since it was read: nothing was saved.</summary>
    ChangedElsewhere,
}

/// <summary>The field names the errors are keyed by (the form's own names).</summary>
public static class AssessmentFields
{
    public const string ChildSeenOn = "ChildSeenOn", SeenAlone = "SeenAlone", Factors = "Factors", Analysis = "Analysis",
        ChildsViews = "ChildsViews", Outcome = "Outcome", OutcomeDetail = "OutcomeDetail", ReturnReason = "ReturnReason";
}

public sealed record AssessmentResult(AssessmentChange Outcome, IReadOnlyList<(string Field, string Message)> Errors)
{
    public static readonly AssessmentResult Saved = new(AssessmentChange.Saved, []);
    public static readonly AssessmentResult NotFound = new(AssessmentChange.NotFound, []);
    public static readonly AssessmentResult NotAllowed = new(AssessmentChange.NotAllowed, []);
    public static readonly AssessmentResult ChangedElsewhere = new(AssessmentChange.ChangedElsewhere, []);

    public static AssessmentResult Invalid(IReadOnlyList<(string, string)> errors) => new(AssessmentChange.Invalid, errors);
}
