using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Allocation;

/// <summary>
/// A worker holding a child's case, from the recorded allocation discussion that gave it to them until it ended
/// (reallocated, closed, or the worker left). A child has at most one open allocation; the closed ones are the child's
/// history of workers. Never made without a discussion: the only constructor takes one (<see cref="AllocationDiscussion"/>).
/// </summary>
public sealed class CaseAllocation : IAudited, IVersioned
{
    private CaseAllocation() { }

    internal CaseAllocation(Guid personId, Guid referralId, Guid teamId, CaseKind caseKind, AllocationDiscussion discussion,
        DateTimeOffset allocatedAt)
    {
        Id = NewId.Next();
        PersonId = personId;
        ReferralId = referralId;
        TeamId = teamId;
        CaseKind = caseKind;
        CountsAs = caseKind;
        WorkerId = discussion.WorkerId;
        ManagerId = discussion.ManagerId;
        DiscussedAt = discussion.DiscussedAt;
        Risks = discussion.Risks;
        Notes = discussion.Notes;
        AllocatedAt = allocatedAt;
    }

    public Guid Id { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid ReferralId { get; private set; }

    /// <summary>The worker's team when the case was allocated.</summary>
    public Guid TeamId { get; private set; }

    public CaseKind CaseKind { get; private set; }

    /// <summary>
    /// The kind of case it counts as on caseloads while open: court when allocated as court work, otherwise what the
    /// child's status makes it now. Kept by <see cref="CaseloadFacts"/> whenever the allocation or the child's plans,
    /// enquiries or care periods change; frozen when the allocation ends.
    /// </summary>
    public CaseKind CountsAs { get; internal set; }

    public Guid WorkerId { get; private set; }

    /// <summary>The manager who held the discussion and made the decision.</summary>
    public Guid ManagerId { get; private set; }

    /// <summary>When the discussion between the manager and the worker took place.</summary>
    public DateTimeOffset DiscussedAt { get; private set; }

    /// <summary>The risks discussed.</summary>
    public string Risks { get; private set; } = "";

    /// <summary>Anything else agreed or said, beyond the first actions (which are work items).</summary>
    public string? Notes { get; private set; }

    public DateTimeOffset AllocatedAt { get; private set; }

    /// <summary>Why the case moved from its previous worker (sickness, leaving, a conflict); null for a first allocation.</summary>
    public string? ReallocationReason { get; internal set; }

    /// <summary>The allocation this one replaced.</summary>
    public Guid? PreviousAllocationId { get; internal set; }

    /// <summary>A service manager's reason for allocating against the competence rules (reported).</summary>
    public string? CompetenceOverrideReason { get; internal set; }

    public Guid? CompetenceOverriddenBy { get; internal set; }

    /// <summary>The manager's reason for allocating beyond the worker's capacity.</summary>
    public string? CapacityReason { get; internal set; }

    /// <summary>When the worker confirmed that they had read the case summary; until then "allocated, not yet accepted".</summary>
    public DateTimeOffset? AcceptedAt { get; internal set; }

    public DateTimeOffset? EndedAt { get; internal set; }

    /// <summary>Why it ended, in words ("Reallocated: worker on long-term sick leave", "Case closed", "Worker left").</summary>
    public string? EndReason { get; internal set; }

    public int Version { get; private set; } = 1;

    public bool IsOpen => EndedAt is null;

    public bool IsAccepted => AcceptedAt is not null;

    Guid? IAudited.AuditPersonId => PersonId;
}

/// <summary>
/// The discussion an allocation is decided in: when it took place, who took part (the manager and the worker, both
/// named users), what was agreed (the first actions, each with its due date) and the risks discussed.
/// </summary>
public sealed record AllocationDiscussion(
    DateTimeOffset DiscussedAt,
    Guid ManagerId,
    Guid WorkerId,
    IReadOnlyList<AgreedAction> Actions,
    string Risks,
    string? Notes = null);

/// <summary>An action agreed in a discussion or a supervision, which becomes a work item on its owner's tray.</summary>
/// <param name="What">What is to be done ("See the child alone").</param>
/// <param name="DueOn">The day it is due by (the end of that working day).</param>
/// <param name="OwnerId">Who does it; null: the worker the case is allocated to.</param>
public sealed record AgreedAction(string What, DateOnly DueOn, Guid? OwnerId = null);
