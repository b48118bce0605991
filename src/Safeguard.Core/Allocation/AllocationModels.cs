using Safeguard.Core.CaseWork;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Allocation;

/// <summary>
/// A worker a manager may give the case to: their caseload now, whether they are in the referral's team, the reasons
/// the competence rules give against this kind of case (empty: none), and whether one more case takes them beyond capacity.
/// </summary>
public sealed record AllocationCandidate(WorkerCaseload Caseload, string TeamName, bool InReferralTeam,
    IReadOnlyList<string> CompetenceReasons, bool WouldExceedCapacity)
{
    public Guid WorkerId => Caseload.WorkerId;
    public string Name => Caseload.Name;
    public bool MeetsCompetenceRules => CompetenceReasons.Count == 0;
}

/// <summary>A worker the child has had (or has now), from the allocation to its end.</summary>
public sealed record ChildWorker(Guid AllocationId, Guid WorkerId, string WorkerName, CaseKind CaseKind, DateTimeOffset From,
    DateTimeOffset? To, DateTimeOffset? AcceptedAt, string? ReallocationReason, string? EndReason)
{
    public bool IsCurrent => To is null;
}

/// <summary>An earlier (or another open) referral of the child.</summary>
public sealed record EarlierReferral(Guid ReferralId, DateOnly ReferralDate, ReferralStatus Status, string TeamName, DateOnly? ClosedOn);

/// <summary>
/// What a manager sees before allocating a referral: the child, the referral, the kind of case it is now and its
/// priority, the child's history (previous workers, referrals, plans and status now) and the candidate workers.
/// </summary>
public sealed record AllocationView(
    Guid ReferralId,
    Guid PersonId,
    string ChildName,
    DateOnly? DateOfBirth,
    DateOnly ReferralDate,
    Guid TeamId,
    string TeamName,
    ReferralStatus Status,
    Guid? AllocatedWorkerId,
    int ReferralVersion,
    Priority Priority,
    CaseKind KindNow,
    ChildStatus ChildStatus,
    IReadOnlyList<ChildWorker> Workers,
    IReadOnlyList<EarlierReferral> EarlierReferrals,
    IReadOnlyList<AllocationCandidate> Candidates)
{
    /// <summary>The kinds a manager may allocate it as: what it is now, or court work.</summary>
    public IReadOnlyList<CaseKind> KindsToChoose => KindNow == CaseKind.Court ? [CaseKind.Court] : [KindNow, CaseKind.Court];

    public bool IsAwaitingAllocation => Status == ReferralStatus.AwaitingAllocation;
}

/// <summary>Why a case moves to another worker.</summary>
public enum ReallocationReasonKind { Sickness, Leaving, Conflict, Other }

public static class AllocationWords
{
    public static string Words(this ReallocationReasonKind kind) => kind switch
    {
        ReallocationReasonKind.Sickness => "Worker off sick",
        ReallocationReasonKind.Leaving => "Worker leaving",
        ReallocationReasonKind.Conflict => "A conflict of interest or with the family",
        _ => "Another reason",
    };
}

/// <summary>What became of an allocation, an acceptance or a reallocation.</summary>
public enum AllocationOutcome
{
    Done,

    /// <summary>Refused: see <see cref="AllocationResult.Errors"/> (and the competence reasons).</summary>
    Refused,

    /// <summary>Someone else allocated or changed it first; nothing was saved.</summary>
    ChangedElsewhere,

    NotFound,
}

/// <summary>A problem with what was entered: the field it is about (as <see cref="AllocationFields"/> names them) and the message.</summary>
public sealed record AllocationError(string Field, string Message);

/// <summary>The result: the allocation made, or why not. <see cref="CompetenceReasons"/>: what the competence rules said.</summary>
public sealed record AllocationResult(AllocationOutcome Outcome, Guid? AllocationId, IReadOnlyList<AllocationError> Errors,
    IReadOnlyList<string> CompetenceReasons)
{
    public static AllocationResult Made(Guid id) => new(AllocationOutcome.Done, id, [], []);
    public static readonly AllocationResult ChangedElsewhere = new(AllocationOutcome.ChangedElsewhere, null, [], []);
    public static readonly AllocationResult NotFound = new(AllocationOutcome.NotFound, null, [], []);
}

/// <summary>The names the service gives the fields of a discussion, for a page to put its errors beside them.</summary>
public static class AllocationFields
{
    public const string DiscussedAt = "DiscussedAt";
    public const string Worker = "WorkerId";
    public const string CaseKind = "CaseKind";
    public const string Actions = "Actions";
    public const string Risks = "Risks";
    public const string Notes = "Notes";
    public const string OverrideReason = "OverrideReason";
    public const string CapacityReason = "CapacityReason";
    public const string ReallocationReason = "ReallocationReason";
    public const string ReallocationDetail = "ReallocationDetail";

    public static string ActionWhat(int index) => $"Actions[{index}].What";
    public static string ActionDue(int index) => $"Actions[{index}].DueOn";
}

/// <summary>What a worker reads before accepting a case: the child, the referral, the discussion and the agreed actions.</summary>
public sealed record CaseSummary(
    Guid AllocationId,
    Guid PersonId,
    string ChildName,
    DateOnly? DateOfBirth,
    DateOnly ReferralDate,
    CaseKind CaseKind,
    Guid WorkerId,
    string WorkerName,
    string ManagerName,
    DateTimeOffset DiscussedAt,
    DateTimeOffset AllocatedAt,
    string Risks,
    string? Notes,
    string? ReallocationReason,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? EndedAt,
    int Version,
    IReadOnlyList<AgreedActionLine> Actions);

/// <summary>An agreed action as a work item: what, by when, whose, and whether it is done.</summary>
public sealed record AgreedActionLine(Guid WorkItemId, string Title, DateTimeOffset DueAt, Guid? OwnerUserId, string? OwnerName, DateTimeOffset? DoneAt);
