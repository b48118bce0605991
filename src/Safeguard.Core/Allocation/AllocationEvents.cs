using Safeguard.Core.Audit;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Allocation;

/// <summary>A child's case was given to a worker after a recorded discussion.</summary>
public sealed record CaseAllocated(Guid AllocationId, Guid ReferralId, Guid WorkerId, string WorkerName, Guid ManagerId, string ManagerName,
    CaseKind CaseKind, DateTimeOffset DiscussedAt, IReadOnlyList<AgreedAction> Actions, string Risks, string? ReallocationReason) : IEvent
{
    public static string Name => "allocation.allocated";

    public string Describe() => ReallocationReason is null
        ? $"Case allocated to {WorkerName} by {ManagerName} after a discussion"
        : $"Case reallocated to {WorkerName} by {ManagerName}: {ReallocationReason}";
}

/// <summary>The worker confirmed that they had read the case summary.</summary>
public sealed record AllocationAccepted(Guid AllocationId, Guid WorkerId, string WorkerName) : IEvent
{
    public static string Name => "allocation.accepted";

    public string Describe() => $"{WorkerName} accepted the case, having read its summary";
}

/// <summary>A worker stopped holding a child's case.</summary>
public sealed record AllocationEnded(Guid AllocationId, Guid WorkerId, string WorkerName, string Reason) : IEvent
{
    public static string Name => "allocation.ended";

    public string Describe() => $"{WorkerName} no longer holds the case: {Reason}";
}

/// <summary>A service manager allocated a case against the competence rules, with a reason.</summary>
public sealed record CompetenceOverridden(Guid AllocationId, Guid WorkerId, string WorkerName, CaseKind CaseKind,
    IReadOnlyList<string> RulesBroken, string OverrideReason) : IEvent
{
    public static string Name => "allocation.competence-overridden";

    public string Describe() => $"Competence rules overridden to allocate {CaseKind.Words().ToLowerInvariant()} work to {WorkerName}: {OverrideReason}";
}

/// <summary>A case was allocated beyond the worker's capacity, with the manager's reason.</summary>
public sealed record AllocatedOverCapacity(Guid AllocationId, Guid WorkerId, string WorkerName, double LoadAfter, double Capacity, string Reason) : IEvent
{
    public static string Name => "allocation.over-capacity";

    public string Describe() => $"Allocated to {WorkerName} beyond capacity ({LoadAfter:0.##} of {Capacity:0.##}): {Reason}";
}
