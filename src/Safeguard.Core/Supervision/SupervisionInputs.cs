namespace Safeguard.Core.Supervision;

/// <summary>An action agreed in supervision, as the form gave it: what, who does it, and the day it is due by.</summary>
/// <param name="OwnerId">Who does it: the worker, the supervisor or another named member of staff.</param>
public sealed record SupervisionAction(string? What, DateOnly? DueOn, Guid? OwnerId);

/// <summary>Case supervision of one allocated case: the session held, reflection, analysis of risk, decisions and actions.</summary>
public sealed record CaseSupervisionInput(
    Guid AllocationId,
    DateTimeOffset? HeldAt,
    string? Reflection,
    string? RiskAnalysis,
    string? Decisions,
    IReadOnlyList<SupervisionAction> Actions);

/// <summary>Personal (one to one) supervision of a worker: wellbeing, caseload, training and actions.</summary>
public sealed record PersonalSupervisionInput(
    Guid WorkerId,
    DateTimeOffset? HeldAt,
    string? Wellbeing,
    string? Caseload,
    string? Training,
    IReadOnlyList<SupervisionAction> Actions);

public enum SupervisionOutcome
{
    Recorded,

    /// <summary>Something on the form needs correcting: <see cref="SupervisionResult.Errors"/>.</summary>
    Invalid,

    /// <summary>No such worker, or no open allocation (the case ended or moved to another worker).</summary>
    NotFound,

    /// <summary>The person recording is not the worker's supervisor (their line manager or a manager of their team).</summary>
    NotSupervisor,
}

/// <summary>
/// What became of recording a supervision: recorded (its id), or refused with the problems to show against fields
/// ("HeldAt", "Decisions", "Actions[0].What" ...; "" for the whole form).
/// </summary>
public sealed record SupervisionResult(SupervisionOutcome Outcome, IReadOnlyList<(string Field, string Message)> Errors, Guid? Id = null)
{
    public bool Succeeded => Outcome == SupervisionOutcome.Recorded;

    public static SupervisionResult Recorded(Guid id) => new(SupervisionOutcome.Recorded, [], id);
    public static SupervisionResult Invalid(IReadOnlyList<(string, string)> errors) => new(SupervisionOutcome.Invalid, errors);
    public static readonly SupervisionResult NotFound = new(SupervisionOutcome.NotFound, [("", "There is no such case or worker")]);
    public static readonly SupervisionResult NotSupervisor = new(SupervisionOutcome.NotSupervisor,
        [("", "Only the worker's line manager or a manager of their team can record their supervision")]);
}

/// <summary>A case as the supervision page shows it: the child, the worker holding it and the kind of case it is now.</summary>
public sealed record SupervisedCase(Guid AllocationId, Guid PersonId, string ChildName, Guid WorkerId, string WorkerName, Guid? WorkerTeamId,
    Workforce.CaseKind KindNow, DateTimeOffset AllocatedAt, DateTimeOffset? DueAt);

/// <summary>A worker as the supervision pages show them.</summary>
public sealed record SupervisedWorker(Guid Id, string Name, Guid? TeamId, Guid? ManagerId, string? ManagerName, DateTimeOffset? PersonalDueAt);

/// <summary>Someone who can own an action agreed in supervision.</summary>
public sealed record ActionOwner(Guid Id, string Name);
